package org.lcjp.reoffending.jobs;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.lcjp.reoffending.domain.DataQualityColumns;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.FileReport;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.ingest.FileCounts;
import org.lcjp.reoffending.ingest.FileReports;
import org.lcjp.reoffending.ingest.StagedRecords;
import org.lcjp.reoffending.ingest.ValidateRows;
import org.lcjp.reoffending.ingest.ValidatedRows;
import org.lcjp.reoffending.io.CrashPoints;
import org.lcjp.reoffending.io.ExtractFile;
import org.lcjp.reoffending.io.ExtractReader;
import org.lcjp.reoffending.io.FileFacts;
import org.lcjp.reoffending.io.IngestManifest;
import org.lcjp.reoffending.io.IngestTables;
import org.lcjp.reoffending.io.StagedState;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.io.WarehouseTables;
import org.lcjp.reoffending.jobs.results.IngestResult;
import org.lcjp.reoffending.pseudonymise.PseudonymiseIdentifiers;
import org.lcjp.reoffending.publish.CodeVersion;
import org.lcjp.reoffending.spark.Concurrently;
import org.lcjp.reoffending.spark.JobDescriptions;

/**
 * The ingest stage: finds deliveries, parses only new or changed files (length and modification time against the
 * ingest manifest; SHA-256 taken in the same pass), validates, quarantines, pseudonymises and appends their accepted
 * rows, then resolves supersession over every accepted row dated up to the as-of date into staged/, and publishes
 * data_quality. Datasets are ingested and staged concurrently ({@code ingest.parallel_datasets}); a staged table whose
 * deliveries in force did not change is kept with its figures ({@link StagedState}), not rebuilt. Rows read must equal rows
 * accepted plus quarantined for every file, or the run is rejected (exit 3) before anything is published.
 */
public final class IngestJob implements Stage {
    public static final String NAME = IngestResult.STAGE;
    public static final String DATA_QUALITY = "data_quality";
    private static final Logger LOG = LogManager.getLogger(IngestJob.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public IngestResult run(SparkSession spark, RunContext ctx) {
        long start = System.nanoTime();
        IngestTables tables = new IngestTables(ctx.warehouse());
        // The fingerprint is a token of the encoding (token format, Bloom-filter scheme and sizes) under the key: a new
        // key or a re-encoding both leave the stored tokens stale.
        String fingerprint =
                PseudonymiseIdentifiers.fingerprint(ctx.key(), ctx.settings().pseudonymise());
        IngestManifest manifest =
                IngestManifest.read(ctx.storage(), ctx.warehouse().ingestManifest());
        if (manifest.keyFingerprint() != null && !manifest.keyFingerprint().equals(fingerprint)) {
            // The run's key check (NightlyRun) refuses another key, or clears the warehouse for --rekey, before any
            // stage: a stage never re-pseudonymises the warehouse on its own.
            throw new IllegalStateException(
                    "Cannot ingest: the warehouse was built with another key or encoding (key fingerprint "
                            + manifest.keyFingerprint() + ", this key " + fingerprint
                            + "); run it through `reoffending run`, with --rekey "
                            + "if the key changed on purpose");
        }
        Map<String, FileReport> reports = new LinkedHashMap<>();
        tables.fileCounts(spark).forEach(r -> reports.put(r.sourceFile(), r));
        // Half-written state is redone, never trusted: a listed delivery whose counts or rows are missing is read
        // again.
        List<IngestManifest.Entry> inPlace = manifest.files().stream()
                .filter(e -> tables.inPlace(e, reports.get(e.sourceFile())))
                .toList();
        if (inPlace.size() < manifest.files().size()) {
            LOG.warn(
                    "{} delivered file(s) listed as ingested lack their counts or rows (a crash or outside damage): reading them again",
                    manifest.files().size() - inPlace.size());
        }
        manifest = new IngestManifest(fingerprint, inPlace);

        List<ExtractFile> found = ctx.deliveries();
        List<ExtractFile> readable = found.stream()
                .filter(f -> f.status().equals(DataQualityColumns.STATUS_READ))
                .toList();
        // A delivery listed with the length and modification time it was ingested with is not opened again; any
        // other is parsed, and hashed in the same pass (FileFacts).
        Map<String, IngestManifest.Entry> known = manifest.bySourceFile();
        List<ExtractFile> toParse = readable.stream()
                .filter(f -> known.get(f.sourceFile()) == null
                        || !known.get(f.sourceFile()).unchanged(f))
                .toList();

        ExtractReader reader = new ExtractReader(
                ctx.settings().ingest().maxRecordLines(),
                ctx.settings().ingest().splitBytes(),
                ctx.storage());
        ValidateRows validate = new ValidateRows(ctx.settings().ingest());
        PseudonymiseIdentifiers pseudonymise =
                new PseudonymiseIdentifiers(ctx.settings().pseudonymise(), ctx.key());
        Dataset<Row> offences = ReferenceTables.read(spark, ctx, ReferenceTables.OFFENCES);

        int threads = ctx.settings().ingest().parallelDatasets();
        // Every dataset with new deliveries at once: each is a short chain of small jobs (parse and count, two
        // writes), which one after another left both cores idle between jobs.
        List<DatasetSpec> changed = Datasets.all().stream()
                .filter(s -> toParse.stream().anyMatch(f -> f.datasetId().equals(s.id())))
                .toList();
        List<Parsed> parsed = Concurrently.map(
                changed,
                threads,
                spec -> parse(
                        spark,
                        tables,
                        spec,
                        toParse.stream()
                                .filter(f -> f.datasetId().equals(spec.id()))
                                .toList(),
                        reader,
                        validate,
                        pseudonymise,
                        offences));
        List<IngestManifest.Entry> ingested = new ArrayList<>();
        long rowsRead = 0;
        for (Parsed p : parsed) {
            for (FileReport r : p.reports()) {
                reports.put(r.sourceFile(), r);
                rowsRead += r.rowsRead();
            }
            ingested.addAll(p.entries());
        }
        tables.writeFileCounts(new ArrayList<>(reports.values()));
        CrashPoints.reach(CrashPoints.INGEST_BEFORE_MANIFEST);
        IngestManifest now = manifest.with(ingested);
        now.write(ctx.storage(), ctx.warehouse().ingestManifest());

        String code = CodeVersion.current();
        java.util.concurrent.atomic.AtomicInteger restaged = new java.util.concurrent.atomic.AtomicInteger();
        List<StagedState> states = Concurrently.map(
                Datasets.all(),
                threads,
                spec -> stage(
                        spark, ctx, tables, spec, validate, pseudonymise, offences, now, fingerprint, code, restaged));
        Map<String, long[]> resolution = new HashMap<>();
        long staged = 0;
        for (StagedState st : states) {
            resolution.putAll(st.resolution());
            staged += st.inForce();
        }
        List<FileReport> quality = FileReports.dataQuality(found, reports, resolution, ctx.asOf());
        requireReconciled(quality);
        IngestTables.write(spark, quality, ctx.published(DATA_QUALITY));
        return result(toParse, quality, rowsRead, staged, restaged.get(), (System.nanoTime() - start) / 1e9);
    }

    /** One dataset's new deliveries, read and counted: their data_quality rows and ingest manifest entries. */
    private record Parsed(List<FileReport> reports, List<IngestManifest.Entry> entries) {}

    /**
     * Parses, validates and counts one dataset's new deliveries in one pass over their bytes (cached), then writes
     * their accepted and quarantined rows from the cache.
     */
    private static Parsed parse(
            SparkSession spark,
            IngestTables tables,
            DatasetSpec spec,
            List<ExtractFile> files,
            ExtractReader reader,
            ValidateRows validate,
            PseudonymiseIdentifiers pseudonymise,
            Dataset<Row> offences) {
        // Not repartitioned: the reader already spreads big files over tasks and packs small ones, and keeping each
        // task to whole files lets the accepted rows be written per delivery date without a shuffle of the wide rows.
        FileFacts facts = new FileFacts(spark.sparkContext(), "file facts " + spec.id());
        ValidatedRows validated = validate.apply(reader.read(spark, spec, files, facts), spec, offences);
        validated.checked().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<FileReport> counted = JobDescriptions.describe(
                    spark,
                    NAME,
                    "parse and count " + spec.id(),
                    () -> FileReports.count(files, FileCounts.of(validated), facts::bySourceFile));
            requireReconciled(counted);
            List<LocalDate> dates = files.stream().map(ExtractFile::extractDate).toList();
            JobDescriptions.describe(spark, NAME, "write accepted " + spec.id(), () -> {
                tables.replaceAccepted(spec.id(), dates, pseudonymised(validated, spec, pseudonymise));
                return null;
            });
            boolean anyQuarantined = counted.stream().anyMatch(r -> r.rowsQuarantined() > 0);
            JobDescriptions.describe(spark, NAME, "write quarantine " + spec.id(), () -> {
                tables.replaceQuarantine(spec.id(), dates, anyQuarantined ? validated.quarantined() : null);
                return null;
            });
            Map<String, FileFacts.Fact> learnt = facts.bySourceFile();
            List<IngestManifest.Entry> entries = files.stream()
                    .map(f -> new IngestManifest.Entry(
                            f.sourceFile(),
                            f.agency(),
                            f.dataset(),
                            f.extractDate().toString(),
                            learnt.get(f.sourceFile()).sha256(),
                            f.bytes(),
                            f.modificationTime()))
                    .toList();
            return new Parsed(counted, entries);
        } finally {
            validated.checked().unpersist();
        }
    }

    /** The contract's invariant: every row read is accepted or quarantined, per file. Broken means exit 3. */
    static void requireReconciled(List<FileReport> reports) {
        for (FileReport r : reports) {
            if (!r.reconciles()) {
                throw new InputRejectedException(
                        "Cannot publish: rows read do not equal rows accepted plus quarantined ("
                                + r.sourceFile() + ": " + r.rowsRead() + " read, " + r.rowsAccepted() + " accepted, "
                                + r.rowsQuarantined()
                                + " quarantined). Nothing was published; report this as a pipeline fault with the file");
            }
        }
    }

    private static Dataset<Row> pseudonymised(
            ValidatedRows validated, DatasetSpec spec, PseudonymiseIdentifiers pseudonymise) {
        Dataset<Row> accepted = validated.accepted().withColumn(StagedColumns.EVENT_DATE, col(spec.eventDateColumn()));
        return pseudonymise.apply(accepted, spec);
    }

    /**
     * Resolves supersession into staged/ (an empty table with the right schema when nothing was ever accepted),
     * unless the table was built from the same deliveries, key and code: then it and its figures are kept as they are.
     * A new version is written beside the table and switched to, so a reader never sees half of one.
     */
    private static StagedState stage(
            SparkSession spark,
            RunContext ctx,
            IngestTables tables,
            DatasetSpec spec,
            ValidateRows validate,
            PseudonymiseIdentifiers pseudonymise,
            Dataset<Row> offences,
            IngestManifest manifest,
            String fingerprint,
            String code,
            java.util.concurrent.atomic.AtomicInteger restaged) {
        StoragePath table = ctx.warehouse().staged(spec.id());
        WarehouseTables.recover(ctx.storage(), table);
        Map<String, String> inputs = new TreeMap<>();
        for (IngestManifest.Entry e : manifest.files()) {
            if (e.agency().equals(spec.id().agency())
                    && e.dataset().equals(spec.id().dataset())
                    && !LocalDate.parse(e.extractDate()).isAfter(ctx.asOf())) {
                inputs.put(e.sourceFile(), e.sha256());
            }
        }
        StagedState before = StagedState.read(ctx.storage(), table);
        if (before != null && before.builtFrom(fingerprint, code, inputs)) {
            return before;
        }
        restaged.incrementAndGet();
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
            Map<String, long[]> resolution = new HashMap<>();
            for (StagedRecords.FileResolution r :
                    JobDescriptions.describe(spark, NAME, "resolution " + spec.id(), resolved::perFileFigures)) {
                resolution.put(r.sourceFile(), new long[] {r.superseded(), r.deleted()});
                losers += r.superseded() + r.deleted();
                inForce += r.inForce();
            }
            boolean fewLosers = losers <= ctx.settings().ingest().broadcastSupersededRows();
            StoragePath next = WarehouseTables.next(table);
            JobDescriptions.describe(spark, NAME, "stage " + spec.id(), () -> {
                resolved.staged(fewLosers)
                        .write()
                        .mode(SaveMode.Overwrite)
                        .option(IngestTables.DICTIONARY, false)
                        .parquet(next.toString());
                return null;
            });
            StagedState state = new StagedState(fingerprint, code, inputs, resolution, inForce);
            state.write(ctx.storage(), next);
            WarehouseTables.switchTo(ctx.storage(), next, table);
            return state;
        } finally {
            resolved.ranked().unpersist();
        }
    }

    private static IngestResult result(
            List<ExtractFile> parsed,
            List<FileReport> quality,
            long rowsRead,
            long staged,
            int restaged,
            double seconds) {
        return new IngestResult(
                rowsRead,
                staged,
                seconds,
                parsed.size(),
                quality.stream().mapToLong(FileReport::rowsQuarantined).sum(),
                quality.stream().mapToLong(FileReport::warnings).sum(),
                withStatus(quality, DataQualityColumns.STATUS_REJECTED_FILE),
                withStatus(quality, DataQualityColumns.STATUS_NOT_READ_BAD_NAME),
                withStatus(quality, DataQualityColumns.STATUS_NOT_READ_AFTER_AS_OF),
                withStatus(quality, DataQualityColumns.STATUS_NOT_READ_UNKNOWN_FOLDER),
                withStatus(quality, DataQualityColumns.STATUS_NOT_READ_LINK),
                notes(quality, FileReports.EXTRA_COLUMNS),
                notes(quality, FileReports.INVALID_UTF8),
                restaged,
                null,
                null);
    }

    private static List<String> withStatus(List<FileReport> quality, String status) {
        return quality.stream()
                .filter(q -> q.status().equals(status))
                .map(FileReport::sourceFile)
                .toList();
    }

    /** "file: note" for each note of a file read that starts as given. */
    private static List<String> notes(List<FileReport> quality, String startingWith) {
        List<String> files = new ArrayList<>();
        for (FileReport q : quality) {
            if (q.status().equals(DataQualityColumns.STATUS_READ) && q.message() != null) {
                for (String part : q.message().split("; ")) {
                    if (part.startsWith(startingWith)) {
                        files.add(q.sourceFile() + ": " + part);
                    }
                }
            }
        }
        return files;
    }
}
