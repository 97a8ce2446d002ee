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
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.lcjp.reoffending.domain.DataQualityColumns;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.FileReport;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.ingest.FileCounts;
import org.lcjp.reoffending.ingest.StagedRecords;
import org.lcjp.reoffending.ingest.ValidateRows;
import org.lcjp.reoffending.ingest.ValidatedRows;
import org.lcjp.reoffending.io.CrashPoints;
import org.lcjp.reoffending.io.ExtractFile;
import org.lcjp.reoffending.io.ExtractReader;
import org.lcjp.reoffending.io.FileFacts;
import org.lcjp.reoffending.io.HeaderMapping;
import org.lcjp.reoffending.io.IngestManifest;
import org.lcjp.reoffending.io.IngestTables;
import org.lcjp.reoffending.io.StagedState;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.io.WarehouseTables;
import org.lcjp.reoffending.publish.CodeVersion;
import org.lcjp.reoffending.pseudonymise.PseudonymiseIdentifiers;
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
    public static final String NAME = "ingest";
    public static final String DATA_QUALITY = "data_quality";
    private static final Logger LOG = LogManager.getLogger(IngestJob.class);
    /** How data_quality.message starts the notes of a file that was read (parts joined by "; "). */
    static final String EXTRA_COLUMNS = "Ignored columns not in the contract";
    static final String INVALID_UTF8 = "Bytes not valid UTF-8 read as U+FFFD, rows kept (warning INVALID_UTF8)";

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
        IngestManifest manifest = IngestManifest.read(ctx.storage(), ctx.warehouse().ingestManifest());
        if (manifest.keyFingerprint() != null && !manifest.keyFingerprint().equals(fingerprint)) {
            // The run's key check (NightlyRun) refuses another key, or clears the warehouse for --rekey, before any
            // stage: a stage never re-pseudonymises the warehouse on its own.
            throw new IllegalStateException("Cannot ingest: the warehouse was built with another key or encoding (key fingerprint "
                    + manifest.keyFingerprint() + ", this key " + fingerprint + "); run it through `reoffending run`, with --rekey "
                    + "if the key changed on purpose");
        }
        Map<String, FileReport> reports = new LinkedHashMap<>();
        tables.fileCounts(spark).forEach(r -> reports.put(r.sourceFile(), r));
        // Half-written state is redone, never trusted: a listed delivery whose counts or rows are missing is read again.
        List<IngestManifest.Entry> inPlace = manifest.files().stream().filter(e -> tables.inPlace(e, reports.get(e.sourceFile()))).toList();
        if (inPlace.size() < manifest.files().size()) {
            LOG.warn("{} delivered file(s) listed as ingested lack their counts or rows (a crash or outside damage): reading them again",
                    manifest.files().size() - inPlace.size());
        }
        manifest = new IngestManifest(fingerprint, inPlace);

        List<ExtractFile> found = ctx.deliveries();
        List<ExtractFile> readable = found.stream().filter(f -> f.status().equals(DataQualityColumns.STATUS_READ)).toList();
        // A delivery listed with the length and modification time it was ingested with is not opened again; any
        // other is parsed, and hashed in the same pass (FileFacts).
        Map<String, IngestManifest.Entry> known = manifest.bySourceFile();
        List<ExtractFile> toParse = readable.stream()
                .filter(f -> known.get(f.sourceFile()) == null || !known.get(f.sourceFile()).unchanged(f)).toList();

        ExtractReader reader = new ExtractReader(ctx.settings().ingest().maxRecordLines(), ctx.settings().ingest().splitBytes(),
                ctx.storage());
        ValidateRows validate = new ValidateRows(ctx.settings().ingest());
        PseudonymiseIdentifiers pseudonymise = new PseudonymiseIdentifiers(ctx.settings().pseudonymise(), ctx.key());
        Dataset<Row> offences = ReferenceTables.read(spark, ctx, ReferenceTables.OFFENCES);

        int threads = ctx.settings().ingest().parallelDatasets();
        // Every dataset with new deliveries at once: each is a short chain of small jobs (parse and count, two
        // writes), which one after another left both cores idle between jobs.
        List<DatasetSpec> changed = Datasets.all().stream().filter(s -> toParse.stream().anyMatch(f -> f.datasetId().equals(s.id()))).toList();
        List<Parsed> parsed = Concurrently.map(changed, threads, spec -> parse(spark, tables, spec,
                toParse.stream().filter(f -> f.datasetId().equals(spec.id())).toList(), reader, validate, pseudonymise, offences));
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
        List<StagedState> states = Concurrently.map(Datasets.all(), threads, spec -> stage(spark, ctx, tables, spec, validate,
                pseudonymise, offences, now, fingerprint, code, restaged));
        Map<String, long[]> resolution = new HashMap<>();
        long staged = 0;
        for (StagedState st : states) {
            resolution.putAll(st.resolution());
            staged += st.inForce();
        }
        List<FileReport> quality = dataQuality(found, reports, resolution, ctx.asOf());
        requireReconciled(quality);
        IngestTables.write(spark, quality, ctx.published(DATA_QUALITY));
        StageResult r = result(found, toParse, quality, rowsRead, staged, (System.nanoTime() - start) / 1e9);
        Map<String, Object> details = new LinkedHashMap<>(r.details());
        details.put("tables_restaged", restaged.get());
        return new StageResult(r.stage(), r.rowsIn(), r.rowsOut(), r.seconds(), details);
    }

    /** One dataset's new deliveries, read and counted: their data_quality rows and ingest manifest entries. */
    private record Parsed(List<FileReport> reports, List<IngestManifest.Entry> entries) {
    }

    /**
     * Parses, validates and counts one dataset's new deliveries in one pass over their bytes (cached), then writes
     * their accepted and quarantined rows from the cache.
     */
    private static Parsed parse(SparkSession spark, IngestTables tables, DatasetSpec spec, List<ExtractFile> files,
                                ExtractReader reader, ValidateRows validate, PseudonymiseIdentifiers pseudonymise,
                                Dataset<Row> offences) {
        // Not repartitioned: the reader already spreads big files over tasks, and keeping each task to one file
        // lets the accepted rows be written per delivery date without a shuffle of the wide rows.
        FileFacts facts = new FileFacts(spark.sparkContext(), "file facts " + spec.id());
        ValidatedRows validated = validate.apply(reader.read(spark, spec, files, facts), spec, offences);
        validated.checked().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<FileReport> counted = JobDescriptions.describe(spark, NAME, "parse and count " + spec.id(),
                    () -> count(files, FileCounts.of(validated), facts));
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
            List<IngestManifest.Entry> entries = files.stream().map(f -> new IngestManifest.Entry(f.sourceFile(), f.agency(),
                    f.dataset(), f.extractDate().toString(), learnt.get(f.sourceFile()).sha256(), f.bytes(), f.modificationTime())).toList();
            return new Parsed(counted, entries);
        } finally {
            validated.checked().unpersist();
        }
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

    /**
     * Resolves supersession into staged/ (an empty table with the right schema when nothing was ever accepted),
     * unless the table was built from the same deliveries, key and code: then it and its figures are kept as they are.
     * A new version is written beside the table and switched to, so a reader never sees half of one.
     */
    private static StagedState stage(SparkSession spark, RunContext ctx, IngestTables tables, DatasetSpec spec,
                                     ValidateRows validate, PseudonymiseIdentifiers pseudonymise, Dataset<Row> offences,
                                     IngestManifest manifest, String fingerprint, String code,
                                     java.util.concurrent.atomic.AtomicInteger restaged) {
        StoragePath table = ctx.warehouse().staged(spec.id());
        WarehouseTables.recover(ctx.storage(), table);
        Map<String, String> inputs = new TreeMap<>();
        for (IngestManifest.Entry e : manifest.files()) {
            if (e.agency().equals(spec.id().agency()) && e.dataset().equals(spec.id().dataset())
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
            for (Row r : JobDescriptions.describe(spark, NAME, "resolution " + spec.id(), () -> resolved.perFile().collectAsList())) {
                resolution.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
                losers += r.getLong(1) + r.getLong(2);
                inForce += r.getLong(3);
            }
            boolean fewLosers = losers <= ctx.settings().ingest().broadcastSupersededRows();
            StoragePath next = WarehouseTables.next(table);
            JobDescriptions.describe(spark, NAME, "stage " + spec.id(), () -> {
                resolved.staged(fewLosers).write().mode(SaveMode.Overwrite).option(IngestTables.DICTIONARY, false).parquet(next.toString());
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

    /** Collects the per-file figures (one row per file, so bounded) and adds what the header said to the parser. */
    private static List<FileReport> count(List<ExtractFile> files, FileCounts counts, FileFacts facts) {
        Map<String, Row> perFile = new HashMap<>();
        Map<String, Long> quarantined = new HashMap<>();
        Map<String, Map<String, Long>> byRule = new HashMap<>();
        Map<String, Map<String, String>> invalidUtf8 = new HashMap<>();
        for (Row t : counts.together().collectAsList()) {
            switch (t.getString(0)) {
                case FileCounts.KIND_FILE -> perFile.put(t.getString(1),
                        RowFactory.create(t.getString(1), t.getLong(3), t.getLong(4), t.getLong(5), t.getLong(6)));
                case FileCounts.KIND_LINES -> quarantined.put(t.getString(1), t.getLong(3));
                case FileCounts.KIND_INVALID_UTF8 -> invalidUtf8.computeIfAbsent(t.getString(1), k -> new TreeMap<>())
                        .put(t.getString(2), where(t.getLong(3), t.getLong(4), t.getLong(5)));
                default -> byRule.computeIfAbsent(t.getString(1), k -> new HashMap<>()).put(t.getString(2), t.getLong(3));
            }
        }
        Map<String, FileFacts.Fact> learnt = facts.bySourceFile();
        List<FileReport> out = new ArrayList<>();
        for (ExtractFile f : files) {
            FileFacts.Fact fact = learnt.get(f.sourceFile());
            if (fact == null) {
                throw new IllegalStateException("Cannot count file: the parser reported nothing for it (" + f.sourceFile() + ")");
            }
            HeaderMapping header = fact.header();
            Row r = perFile.get(f.sourceFile());
            List<String> notes = new ArrayList<>();
            if (!header.rejected() && !header.extraColumns().isEmpty()) {
                notes.add(EXTRA_COLUMNS + " (" + String.join(", ", header.extraColumns()) + ")");
            }
            Map<String, String> badBytes = invalidUtf8.get(f.sourceFile());
            if (badBytes != null) {
                List<String> at = badBytes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
                notes.add(INVALID_UTF8 + ": " + String.join(", ", at));
                LOG.warn("{}: {}: {}", f.sourceFile(), INVALID_UTF8, String.join(", ", at));
            }
            String message = header.rejected() ? header.rejectionReason() : notes.isEmpty() ? null : String.join("; ", notes);
            out.add(new FileReport(f.sourceFile(), f.agency(), f.dataset(), f.extractDate(),
                    r == null ? 0 : r.getLong(1), r == null ? 0 : r.getLong(2), quarantined.getOrDefault(f.sourceFile(), 0L),
                    0, 0, r == null ? 0 : r.getLong(4), r == null ? 0 : r.getLong(3),
                    byRule.getOrDefault(f.sourceFile(), Map.of()),
                    header.rejected() ? DataQualityColumns.STATUS_REJECTED_FILE : DataQualityColumns.STATUS_READ, message));
        }
        return out;
    }

    /** Where one column's bytes that are not UTF-8 are: lines only, never the value. */
    static String where(long values, long firstLine, long lastLine) {
        return values == 1 ? "at line " + firstLine
                : "in " + values + " rows, lines " + firstLine + " to " + lastLine;
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
                DataQualityColumns.STATUS_NOT_READ_AFTER_AS_OF, DataQualityColumns.STATUS_NOT_READ_UNKNOWN_FOLDER,
                DataQualityColumns.STATUS_NOT_READ_LINK)) {
            List<String> files = quality.stream().filter(q -> q.status().equals(status)).map(FileReport::sourceFile).toList();
            if (!files.isEmpty()) {
                details.put(status.toLowerCase(java.util.Locale.ROOT), files);
            }
        }
        for (Map.Entry<String, String> note : List.of(Map.entry("extra_columns", EXTRA_COLUMNS), Map.entry("invalid_utf8", INVALID_UTF8))) {
            List<String> files = new ArrayList<>();
            for (FileReport q : quality) {
                if (q.status().equals(DataQualityColumns.STATUS_READ) && q.message() != null) {
                    for (String part : q.message().split("; ")) {
                        if (part.startsWith(note.getValue())) {
                            files.add(q.sourceFile() + ": " + part);
                        }
                    }
                }
            }
            if (!files.isEmpty()) {
                details.put(note.getKey(), files);
            }
        }
        return new StageResult(NAME, rowsRead, staged, seconds, details);
    }
}
