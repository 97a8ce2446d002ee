package org.lcjp.reoffending.jobs;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.ingest.DataQualityColumns;
import org.lcjp.reoffending.ingest.FileCounts;
import org.lcjp.reoffending.ingest.FileReport;
import org.lcjp.reoffending.ingest.StagedRecords;
import org.lcjp.reoffending.ingest.ValidateRows;
import org.lcjp.reoffending.ingest.ValidatedRows;
import org.lcjp.reoffending.io.ExtractDiscovery;
import org.lcjp.reoffending.io.ExtractFile;
import org.lcjp.reoffending.io.ExtractReader;
import org.lcjp.reoffending.io.FileHashes;
import org.lcjp.reoffending.io.HeaderMapping;
import org.lcjp.reoffending.io.IngestManifest;
import org.lcjp.reoffending.io.IngestTables;
import org.lcjp.reoffending.pseudonymise.PseudonymiseIdentifiers;
import org.lcjp.reoffending.spark.JobDescriptions;

/**
 * The ingest stage: finds deliveries, parses only new or changed files (SHA-256 against the ingest manifest),
 * validates, quarantines, pseudonymises and appends their accepted rows, then resolves supersession over every
 * accepted row dated up to the as-of date into staged/, and publishes data_quality. Rows read must equal rows
 * accepted plus quarantined for every file, or the run is rejected (exit 3) before anything is published.
 */
public final class IngestJob implements Stage {
    public static final String NAME = "ingest";
    public static final String DATA_QUALITY = "data_quality";
    private static final Logger LOG = LogManager.getLogger(IngestJob.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageResult run(SparkSession spark, RunContext ctx) {
        long start = System.nanoTime();
        IngestTables tables = new IngestTables(ctx.warehouse());
        // The fingerprint is a token of the encoding (token format, Bloom-filter scheme and sizes) under the key: a new
        // key or a re-encoding both leave the stored tokens stale.
        String fingerprint = PseudonymiseIdentifiers.fingerprint(ctx.key(), ctx.settings().pseudonymise());
        IngestManifest manifest = IngestManifest.read(ctx.warehouse().ingestManifest());
        if (manifest.keyFingerprint() != null && !manifest.keyFingerprint().equals(fingerprint)) {
            LOG.warn("The pseudonymisation key or the encoding (" + ctx.settings().pseudonymise().encoding()
                    + ") differs from the one the warehouse was built with: re-ingesting every file");
            tables.clear();
            manifest = IngestManifest.empty(fingerprint);
        }
        manifest = new IngestManifest(fingerprint, manifest.files());

        List<ExtractFile> found = ExtractDiscovery.discover(ctx.input(), ctx.asOf());
        List<ExtractFile> readable = found.stream().filter(f -> f.status().equals(DataQualityColumns.STATUS_READ)).toList();
        Map<String, String> sha = JobDescriptions.describe(spark, NAME, "hash deliveries", () ->
                FileHashes.sha256(spark, readable.stream().map(f -> f.path().toAbsolutePath().toString()).toList()));
        Map<String, String> known = manifest.shaBySourceFile();
        List<ExtractFile> toParse = readable.stream()
                .filter(f -> !sha.get(f.path().toAbsolutePath().toString()).equals(known.get(f.sourceFile()))).toList();

        ExtractReader reader = new ExtractReader(ctx.settings().ingest().maxRecordLines(), ctx.settings().ingest().splitBytes());
        ValidateRows validate = new ValidateRows(ctx.settings().ingest());
        PseudonymiseIdentifiers pseudonymise = new PseudonymiseIdentifiers(ctx.settings().pseudonymise(), ctx.key());
        Dataset<Row> offences = ReferenceTables.read(spark, ctx, ReferenceTables.OFFENCES);

        Map<String, FileReport> reports = new LinkedHashMap<>();
        tables.fileCounts(spark).forEach(r -> reports.put(r.sourceFile(), r));
        List<IngestManifest.Entry> ingested = new ArrayList<>();
        long rowsRead = 0;
        for (DatasetSpec spec : Datasets.all()) {
            List<ExtractFile> files = toParse.stream().filter(f -> f.datasetId().equals(spec.id())).toList();
            if (files.isEmpty()) {
                continue;
            }
            // Not repartitioned: the reader already spreads big files over tasks, and keeping each task to one file
            // lets the accepted rows be written per delivery date without a shuffle of the wide rows.
            Dataset<Row> raw = reader.read(spark, spec, files);
            ValidatedRows validated = validate.apply(raw, spec, offences);
            validated.checked().persist(StorageLevel.MEMORY_AND_DISK());
            try {
                List<FileReport> counted = JobDescriptions.describe(spark, NAME, "count " + spec.id(),
                        () -> count(reader, spec, files, FileCounts.of(validated)));
                requireReconciled(counted);
                for (FileReport r : counted) {
                    reports.put(r.sourceFile(), r);
                    rowsRead += r.rowsRead();
                }
                List<LocalDate> dates = files.stream().map(ExtractFile::extractDate).toList();
                JobDescriptions.describe(spark, NAME, "write accepted " + spec.id(), () -> {
                    tables.replaceAccepted(spec.id(), dates, pseudonymised(validated, spec, pseudonymise));
                    return null;
                });
                JobDescriptions.describe(spark, NAME, "write quarantine " + spec.id(), () -> {
                    tables.replaceQuarantine(spec.id(), dates, validated.quarantined());
                    return null;
                });
            } finally {
                validated.checked().unpersist();
            }
            files.forEach(f -> ingested.add(new IngestManifest.Entry(f.sourceFile(), f.agency(), f.dataset(),
                    f.extractDate().toString(), sha.get(f.path().toAbsolutePath().toString()))));
        }
        tables.writeFileCounts(spark, new ArrayList<>(reports.values()));
        manifest.with(ingested).write(ctx.warehouse().ingestManifest());

        Map<String, long[]> resolution = new HashMap<>();
        long staged = 0;
        for (DatasetSpec spec : Datasets.all()) {
            staged += stage(spark, ctx, tables, spec, reader, validate, pseudonymise, offences, resolution);
        }
        List<FileReport> quality = dataQuality(found, reports, resolution, ctx.asOf());
        requireReconciled(quality);
        IngestTables.write(spark, quality, ctx.published(DATA_QUALITY));
        return result(found, toParse, quality, rowsRead, staged, (System.nanoTime() - start) / 1e9);
    }

    /** The contract's invariant: every row read is accepted or quarantined, per file. Broken means exit 3. */
    static void requireReconciled(List<FileReport> reports) {
        for (FileReport r : reports) {
            if (!r.reconciles()) {
                throw new InputRejectedException("Cannot publish: rows read do not equal rows accepted plus quarantined ("
                        + r.sourceFile() + ": " + r.rowsRead() + " read, " + r.rowsAccepted() + " accepted, "
                        + r.rowsQuarantined() + " quarantined). Nothing was published; report this as a pipeline fault with the file");
            }
        }
    }

    private static Dataset<Row> pseudonymised(ValidatedRows validated, DatasetSpec spec, PseudonymiseIdentifiers pseudonymise) {
        Dataset<Row> accepted = validated.accepted().withColumn(StagedColumns.EVENT_DATE, col(spec.eventDateColumn()));
        return pseudonymise.apply(accepted, spec);
    }

    /** Resolves supersession into staged/ (an empty table with the right schema when nothing was ever accepted). */
    private static long stage(SparkSession spark, RunContext ctx, IngestTables tables, DatasetSpec spec, ExtractReader reader,
                              ValidateRows validate, PseudonymiseIdentifiers pseudonymise, Dataset<Row> offences,
                              Map<String, long[]> resolution) {
        Dataset<Row> accepted = tables.accepted(spark, spec.id());
        if (accepted == null) {
            Dataset<Row> none = spark.createDataFrame(List.of(), ExtractReader.rawSchema(spec));
            accepted = pseudonymised(validate.apply(none, spec, offences), spec, pseudonymise);
        }
        StagedRecords.Resolved resolved = new StagedRecords().apply(accepted, ctx.asOf());
        resolved.ranked().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long inForce = 0;
            long losers = 0;
            for (Row r : JobDescriptions.describe(spark, NAME, "resolution " + spec.id(), () -> resolved.perFile().collectAsList())) {
                resolution.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
                losers += r.getLong(1) + r.getLong(2);
                inForce += r.getLong(3);
            }
            boolean fewLosers = losers <= ctx.settings().ingest().broadcastSupersededRows();
            JobDescriptions.describe(spark, NAME, "stage " + spec.id(), () -> {
                resolved.staged(fewLosers).write().mode(SaveMode.Overwrite).option(IngestTables.DICTIONARY, false).parquet(ctx.warehouse().staged(spec.id()).toString());
                return null;
            });
            return inForce;
        } finally {
            resolved.ranked().unpersist();
        }
    }

    /** Collects the per-file figures (one row per file, so bounded) and adds what the header says. */
    private static List<FileReport> count(ExtractReader reader, DatasetSpec spec, List<ExtractFile> files, FileCounts counts) {
        Map<String, Row> perFile = new HashMap<>();
        Map<String, Long> quarantined = new HashMap<>();
        Map<String, Map<String, Long>> byRule = new HashMap<>();
        for (Row t : counts.together().collectAsList()) {
            switch (t.getString(0)) {
                case FileCounts.KIND_FILE -> perFile.put(t.getString(1),
                        RowFactory.create(t.getString(1), t.getLong(3), t.getLong(4), t.getLong(5), t.getLong(6)));
                case FileCounts.KIND_LINES -> quarantined.put(t.getString(1), t.getLong(3));
                default -> byRule.computeIfAbsent(t.getString(1), k -> new HashMap<>()).put(t.getString(2), t.getLong(3));
            }
        }
        List<FileReport> out = new ArrayList<>();
        for (ExtractFile f : files) {
            HeaderMapping header = reader.header(f.path(), spec);
            Row r = perFile.get(f.sourceFile());
            String message = header.rejected() ? header.rejectionReason()
                    : header.extraColumns().isEmpty() ? null
                    : "Ignored columns not in the contract (" + String.join(", ", header.extraColumns()) + ")";
            out.add(new FileReport(f.sourceFile(), f.agency(), f.dataset(), f.extractDate(),
                    r == null ? 0 : r.getLong(1), r == null ? 0 : r.getLong(2), quarantined.getOrDefault(f.sourceFile(), 0L),
                    0, 0, r == null ? 0 : r.getLong(4), r == null ? 0 : r.getLong(3),
                    byRule.getOrDefault(f.sourceFile(), Map.of()),
                    header.rejected() ? DataQualityColumns.STATUS_REJECTED_FILE : DataQualityColumns.STATUS_READ, message));
        }
        return out;
    }

    /** Every delivery ever ingested up to the as-of date, plus what this run found but could not read. */
    static List<FileReport> dataQuality(List<ExtractFile> found, Map<String, FileReport> ingested,
                                        Map<String, long[]> resolution, LocalDate asOf) {
        List<FileReport> out = new ArrayList<>();
        for (FileReport r : ingested.values()) {
            if (r.extractDate() != null && !r.extractDate().isAfter(asOf)) {
                long[] sd = resolution.getOrDefault(r.sourceFile(), new long[2]);
                out.add(r.withResolution(sd[0], sd[1]));
            }
        }
        for (ExtractFile f : found) {
            if (!f.status().equals(DataQualityColumns.STATUS_READ)) {
                out.add(FileReport.notRead(f.sourceFile(), f.agency(), f.dataset(), f.extractDate(), f.status(), f.message()));
            }
        }
        return out;
    }

    private static StageResult result(List<ExtractFile> found, List<ExtractFile> parsed, List<FileReport> quality,
                                      long rowsRead, long staged, double seconds) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("files_parsed", parsed.size());
        details.put("quarantined", quality.stream().mapToLong(FileReport::rowsQuarantined).sum());
        details.put("warnings", quality.stream().mapToLong(FileReport::warnings).sum());
        for (String status : List.of(DataQualityColumns.STATUS_REJECTED_FILE, DataQualityColumns.STATUS_NOT_READ_BAD_NAME,
                DataQualityColumns.STATUS_NOT_READ_AFTER_AS_OF, DataQualityColumns.STATUS_NOT_READ_UNKNOWN_FOLDER)) {
            List<String> files = quality.stream().filter(q -> q.status().equals(status)).map(FileReport::sourceFile).toList();
            if (!files.isEmpty()) {
                details.put(status.toLowerCase(java.util.Locale.ROOT), files);
            }
        }
        List<String> extra = quality.stream().filter(q -> q.status().equals(DataQualityColumns.STATUS_READ) && q.message() != null)
                .map(q -> q.sourceFile() + ": " + q.message()).toList();
        if (!extra.isEmpty()) {
            details.put("extra_columns", extra);
        }
        return new StageResult(NAME, rowsRead, staged, seconds, details);
    }
}
