package org.lcjp.reoffending.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.domain.DataQualityColumns;
import org.lcjp.reoffending.io.CrashPoints;
import org.lcjp.reoffending.io.ExtractDiscovery;
import org.lcjp.reoffending.io.ExtractFile;
import org.lcjp.reoffending.io.IngestManifest;
import org.lcjp.reoffending.io.Sha256;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.io.Warehouse;
import org.lcjp.reoffending.jobs.results.IngestResult;
import org.lcjp.reoffending.jobs.results.StageSummary;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.publish.AtomicPublisher;
import org.lcjp.reoffending.publish.CodeVersion;
import org.lcjp.reoffending.publish.InputFiles;
import org.lcjp.reoffending.publish.RunLock;
import org.lcjp.reoffending.publish.RunManifest;
import org.lcjp.reoffending.settings.PipelineSettings;
import org.lcjp.reoffending.settings.SettingsException;
import org.lcjp.reoffending.settings.SettingsLoader;
import org.lcjp.reoffending.spark.SparkSessions;

/**
 * Runs stages under the output lock. With {@code publish}, the outputs are built in a hidden folder and moved
 * to published/&lt;as_of&gt;/ only when every stage has succeeded; without it (single-stage commands) they
 * accumulate in OUTPUT/staging/&lt;as_of&gt;/ until {@code reoffending publish}.
 */
public final class NightlyRun {
    private static final Logger LOG = LogManager.getLogger(NightlyRun.class);

    /** What a run did; {@code publishedTo} is null when nothing was published. */
    public record Outcome(
            String runId, StoragePath publishedTo, List<StageSummary> stages, double seconds, int leftoversRemoved) {
        public Outcome(String runId, StoragePath publishedTo, List<StageSummary> stages, double seconds) {
            this(runId, publishedTo, stages, seconds, 0);
        }

        /** The result of the stage of this type, if it ran (e.g. {@code stage(MeasureResult.class)}). */
        public <T extends StageSummary> java.util.Optional<T> stage(Class<T> type) {
            return stages.stream().filter(type::isInstance).map(type::cast).findFirst();
        }
    }

    private final RunRequest request;
    private final Consumer<StageSummary> onStage;
    private boolean rekey;

    public NightlyRun(RunRequest request, Consumer<StageSummary> onStage) {
        this.request = request;
        this.onStage = onStage;
    }

    /**
     * This run re-pseudonymises the warehouse with a key other than the one it was built with (--rekey): without it,
     * such a key is refused (exit 2), since every stored token and research id would silently change.
     */
    public NightlyRun rekey(boolean rekey) {
        this.rekey = rekey;
        return this;
    }

    public Outcome run(List<String> stageNames, boolean publish) throws IOException {
        return runStages(stageNames.stream().map(Stages::create).toList(), publish);
    }

    /** The given stages in turn (a stage outside the nightly list, such as train-linkage, runs here too). */
    public Outcome runStages(List<Stage> stageList, boolean publish) throws IOException {
        List<String> stageNames = stageList.stream().map(Stage::name).toList();
        PipelineSettings settings =
                TargetsCheck.settingsAndReportFiles(request.confDir(), stageNames.contains(PanelPackJob.NAME));
        PseudonymisationKey key = KeyResolver.resolve(request, settings.run().allowReadableKey());
        Storage storage = OutputAccess.storage(settings.run());
        requireLocations(storage);
        Warehouse warehouse = new Warehouse(request.output(), storage);
        String runId = newRunId();
        String asOf = request.asOf().toString();
        Instant started = Instant.now();
        try (RunLock ignored = lock(storage, runId, settings)) {
            String rekeyedFrom = checkKey(storage, warehouse, key);
            // The input root is listed once: the checks, ingest and the manifest's input files all use this listing.
            List<ExtractFile> deliveries = ExtractDiscovery.discover(storage, request.input(), request.asOf());
            if (stageNames.contains(IngestJob.NAME)) {
                requireDeliveries(deliveries);
            }
            AtomicPublisher publisher = new AtomicPublisher(storage, warehouse.published());
            StoragePath building = publish ? publisher.prepare(asOf, runId) : storage.mkdirs(warehouse.staging(asOf));
            RunContext context = new RunContext(
                    request.input(), warehouse, building, request.asOf(), key, request.confDir(), settings, deliveries);
            List<StageSummary> results = new ArrayList<>();
            int leftovers = 0;
            byte[] manifest;
            try {
                SparkSession spark = session("reoffending " + String.join(",", stageNames), settings, warehouse);
                OutputAccess.apply(settings.run(), spark, storage, request.output());
                // After the session: its own scratch and checkpoint folders are then known, and kept.
                leftovers = Leftovers.remove(storage, warehouse, publish ? building : null);
                long inputBytes = deliveries.stream()
                        .filter(f -> f.status().equals(DataQualityColumns.STATUS_READ))
                        .mapToLong(ExtractFile::bytes)
                        .sum();
                if (SparkSessions.chooseExecution(spark, settings.spark(), inputBytes)) {
                    LOG.info("Input of {} MB: queries run interpreted (spark.interpreted_below_mb)", inputBytes >> 20);
                }
                if (SparkSessions.choosePartitioning(spark, settings.spark(), inputBytes)) {
                    LOG.info(
                            "Input of {} MB: no adaptive execution, a shuffle partition per core (spark.small_input_below_mb)",
                            inputBytes >> 20);
                }
                for (Stage stage : stageList) {
                    StageSummary r = ResourceUse.measure(spark, () -> stage.run(spark, context));
                    if (rekeyedFrom != null && r instanceof IngestResult ingest) {
                        r = ingest.withRekeyedFrom(rekeyedFrom);
                    }
                    results.add(r);
                    onStage.accept(r);
                    CrashPoints.reach(CrashPoints.STAGE_WRITTEN, stage.name());
                }
                if (!publish) {
                    Leftovers.removeCheckpoints(storage);
                    return new Outcome(runId, null, results, seconds(started), leftovers);
                }
                manifest = manifest(runId, settings, started, results, building, spark, context)
                        .toBytes();
            } catch (RuntimeException e) {
                if (publish) {
                    publisher.discard(building);
                }
                Leftovers.removeCheckpoints(storage);
                throw e;
            }
            Leftovers.removeCheckpoints(storage);
            StoragePath target = publisher.publish(building, asOf, runId, manifest);
            for (StoragePath old : publisher.applyRetention(settings.run().retainPublished(), asOf)) {
                LOG.info("Retention: removed {}", old);
            }
            return new Outcome(runId, target, results, seconds(started), leftovers);
        }
    }

    /** Moves OUTPUT/staging/&lt;as_of&gt;/ (built stage by stage) into published/ with its manifest. */
    public Outcome publishStaging() throws IOException {
        PipelineSettings settings = settings();
        Storage storage = OutputAccess.storage(settings.run());
        Warehouse warehouse = new Warehouse(request.output(), storage);
        String runId = newRunId();
        String asOf = request.asOf().toString();
        StoragePath staging = warehouse.staging(asOf);
        if (!storage.isDirectory(staging)) {
            throw new org.lcjp.reoffending.settings.SettingsException("Cannot publish: nothing staged for " + asOf
                    + " (" + staging + "). Run the stages first, or use `reoffending run`.");
        }
        Instant started = Instant.now();
        try (RunLock ignored = lock(storage, runId, settings)) {
            AtomicPublisher publisher = new AtomicPublisher(storage, warehouse.published());
            SparkSession spark = session("reoffending publish", settings, warehouse);
            OutputAccess.apply(settings.run(), spark, storage, request.output());
            RunContext context = new RunContext(
                    request.input(), warehouse, staging, request.asOf(), null, request.confDir(), settings);
            byte[] manifest = manifest(runId, settings, started, List.of(), staging, spark, context)
                    .toBytes();
            StoragePath target = publisher.publish(staging, asOf, runId, manifest);
            publisher.applyRetention(settings.run().retainPublished(), asOf);
            return new Outcome(runId, target, List.of(), seconds(started));
        }
    }

    private RunLock lock(Storage storage, String runId, PipelineSettings settings) {
        return RunLock.acquire(
                storage,
                request.output(),
                runId,
                Duration.ofMinutes(settings.run().lockStaleMinutes()));
    }

    /** The run's Spark session: scratch space inside OUTPUT when OUTPUT is local, checkpoints under OUTPUT/tmp. */
    private static SparkSession session(String name, PipelineSettings settings, Warehouse warehouse) {
        StoragePath scratch = warehouse.scratch();
        // Made by the storage boundary, owner-only like the rest of OUTPUT: Spark (and a session made before this run)
        // would make them with the process's umask, and a run not started by the launcher has no umask 077. Spark's
        // block manager writes its shuffle files with that umask too; an owner-only spark-local shields them.
        warehouse.storage().mkdirs(scratch);
        StoragePath checkpoints = warehouse.storage().mkdirs(scratch.resolve(Leftovers.CHECKPOINTS));
        StoragePath local =
                scratch.isLocal() ? warehouse.storage().mkdirs(scratch.resolve(Leftovers.SPARK_LOCAL)) : null;
        SparkSession spark = SparkSessions.create(name, settings.spark(), local == null ? null : local.toLocalPath());
        spark.sparkContext().setCheckpointDir(checkpoints.toString());
        return spark;
    }

    private RunManifest manifest(
            String runId,
            PipelineSettings settings,
            Instant started,
            List<StageSummary> results,
            StoragePath building,
            SparkSession spark,
            RunContext context) {
        List<ObjectNode> stages =
                results.stream().map(StageSummary::manifestEntry).toList();
        Map<String, String> configFiles = ConfigFiles.sha256(request.confDir());
        PublishedCoverage coverage =
                PublishedCoverage.read(spark, context.storage(), building.resolve(MeasuresJob.DATA_COVERAGE));
        // The key the warehouse was built with, as ingest recorded it: a fingerprint, never the key.
        String keyFingerprint = IngestManifest.read(
                        context.storage(), context.warehouse().ingestManifest())
                .keyFingerprint();
        return new RunManifest(
                runId,
                request.asOf().toString(),
                RunManifest.SCHEMA_VERSION,
                CodeVersion.current(),
                ConfigFiles.hash(settings, configFiles),
                spark.sparkContext().master(),
                started,
                Instant.now(),
                filesInForce(context),
                stages,
                PublishedRowCounts.of(spark, context.storage(), building),
                configFiles,
                keyFingerprint,
                coverage.effectiveDate(),
                coverage.limitingDataset(),
                coverage.firstCohort(),
                coverage.dataCoverage());
    }

    /**
     * The key against the one the warehouse was built with (the ingest manifest's fingerprint). A different key is
     * refused with the recipe, unless this is a rekey: then every ingested row is forgotten (the rerun re-reads and
     * re-pseudonymises every delivery) and the old fingerprint is returned for the manifest. The ingest manifest is
     * deleted last, so a crash during the clearing still finds the old fingerprint and asks for --rekey again.
     */
    private String checkKey(Storage storage, Warehouse warehouse, PseudonymisationKey key) {
        String built = IngestManifest.read(storage, warehouse.ingestManifest()).keyFingerprint();
        String now = org.lcjp.reoffending.pseudonymise.PseudonymiseIdentifiers.fingerprint(
                key, settings().pseudonymise());
        if (built == null || built.equals(now)) {
            if (rekey) {
                LOG.info("--rekey: the warehouse is already built with this key; nothing to re-pseudonymise");
            }
            return null;
        }
        if (!rekey) {
            throw SettingsException.withAdvice(
                    "Cannot run: the key file is not the key the warehouse under "
                            + request.output() + " was built with (key fingerprint " + built + ", this key " + now
                            + "; or the encoding, pseudonymise.encoding, or the token format changed). Nothing was changed",
                    "if the key file is wrong, rerun with the right --key-file (KEY_FILE=); if the key was changed on purpose "
                            + "(rotation, compromise), rerun once with --rekey: every delivery is re-read and re-pseudonymised, every "
                            + "research id changes, and the manifest records the rekey.");
        }
        LOG.warn(
                "--rekey: re-pseudonymising the warehouse under {} with a new key (fingerprint {} replaces {}); every "
                        + "delivery is read again and every research id changes",
                request.output(),
                now,
                built);
        new org.lcjp.reoffending.io.IngestTables(warehouse).clear();
        return built;
    }

    /** A missing input root or an OUTPUT that cannot be made is a configuration error (exit 2), found before Spark starts. */
    private void requireLocations(Storage storage) {
        boolean input;
        try {
            input = storage.isDirectory(request.input());
        } catch (java.io.UncheckedIOException e) {
            input = false;
        }
        if (!input) {
            throw SettingsException.withAdvice(
                    "Cannot run: the input root " + request.input() + " is not a folder (missing, or not reachable)",
                    "check INPUT / --input names the extracts root (<agency>/<dataset>/<dataset>_<yyyyMMdd>.csv) and that it is mounted, then run again.");
        }
        try {
            storage.mkdirs(request.output());
        } catch (java.io.UncheckedIOException e) {
            throw SettingsException.withAdvice(
                    "Cannot use OUTPUT " + request.output() + ": " + e.getMessage(),
                    "give an OUTPUT folder this user can create and write (--output, OUTPUT=), then run again.");
        }
    }

    /** An input root with no delivery to read up to the as-of date has nothing to publish: exit 3, not success. */
    private void requireDeliveries(List<ExtractFile> deliveries) {
        boolean any = deliveries.stream().anyMatch(f -> f.status().equals(DataQualityColumns.STATUS_READ));
        if (!any) {
            throw new InputRejectedException(
                    "Cannot publish: no readable delivery under " + request.input() + " dated on or before "
                            + request.asOf() + ". Nothing was published",
                    "check INPUT points at the extracts root (<agency>/<dataset>/<dataset>_<yyyyMMdd>.csv) and AS_OF is not "
                            + "before the first delivery, then rerun.");
        }
    }

    private PipelineSettings settings() {
        return SettingsLoader.load(request.confDir().resolve("pipeline.yaml"));
    }

    private static String newRunId() {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
    }

    /**
     * The input files this run could read: those the delivery layout names with an extract date up to the as-of
     * date. Later deliveries are not hashed, so a rerun for an earlier as-of records exactly what that night saw.
     * Their SHA-256 is the one ingest took while parsing them (the ingest manifest), so no file is opened again for
     * the manifest; only a file ingest has not recorded (stage-by-stage runs without ingest) is hashed here.
     */
    private List<InputFiles.InputFile> filesInForce(RunContext context) {
        Storage storage = context.storage();
        Map<String, IngestManifest.Entry> ingested = IngestManifest.read(
                        storage, context.warehouse().ingestManifest())
                .bySourceFile();
        List<InputFiles.InputFile> out = new ArrayList<>();
        for (ExtractFile f : context.deliveries()) {
            if (f.status().equals(DataQualityColumns.STATUS_READ)) {
                IngestManifest.Entry e = ingested.get(f.sourceFile());
                String sha = e != null && e.unchanged(f) ? e.sha256() : Sha256.of(storage, f.path());
                out.add(new InputFiles.InputFile(f.sourceFile(), f.bytes(), sha));
            }
        }
        return out;
    }

    private static double seconds(Instant started) {
        return (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
    }
}
