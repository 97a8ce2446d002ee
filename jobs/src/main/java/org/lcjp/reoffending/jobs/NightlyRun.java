package org.lcjp.reoffending.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.io.Warehouse;
import org.lcjp.reoffending.publish.AtomicPublisher;
import org.lcjp.reoffending.publish.CodeVersion;
import org.lcjp.reoffending.publish.InputFiles;
import org.lcjp.reoffending.publish.RunLock;
import org.lcjp.reoffending.publish.RunManifest;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.settings.PipelineSettings;
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
    public record Outcome(String runId, Path publishedTo, List<StageResult> stages, double seconds) {
    }

    private final RunRequest request;
    private final Consumer<StageResult> onStage;

    public NightlyRun(RunRequest request, Consumer<StageResult> onStage) {
        this.request = request;
        this.onStage = onStage;
    }

    public Outcome run(List<String> stageNames, boolean publish) throws IOException {
        return runStages(stageNames.stream().map(Stages::create).toList(), publish);
    }

    /** The given stages in turn (a stage outside the nightly list, such as train-linkage, runs here too). */
    public Outcome runStages(List<Stage> stageList, boolean publish) throws IOException {
        List<String> stageNames = stageList.stream().map(Stage::name).toList();
        PipelineSettings settings = settings();
        PseudonymisationKey key = KeyResolver.resolve(request);
        Warehouse warehouse = new Warehouse(request.output());
        String runId = newRunId();
        String asOf = request.asOf().toString();
        Instant started = Instant.now();
        try (RunLock ignored = RunLock.acquire(request.output(), runId)) {
            AtomicPublisher publisher = new AtomicPublisher(warehouse.published());
            Path building = publish ? publisher.prepare(asOf, runId)
                    : Files.createDirectories(request.output().resolve("staging").resolve(asOf));
            RunContext context = new RunContext(request.input(), warehouse, building, request.asOf(), key,
                    request.confDir(), settings);
            List<StageResult> results = new ArrayList<>();
            try {
                SparkSession spark = SparkSessions.create("reoffending " + String.join(",", stageNames), settings.spark(),
                        warehouse.scratch().resolve("spark-local"));
                spark.sparkContext().setCheckpointDir(warehouse.scratch().resolve("checkpoints").toAbsolutePath().toString());
                for (Stage stage : stageList) {
                    StageResult r = ResourceUse.measure(() -> stage.run(spark, context));
                    results.add(r);
                    onStage.accept(r);
                }
                if (!publish) {
                    return new Outcome(runId, null, results, seconds(started));
                }
                manifest(runId, settings, started, results, building, spark).write(building.resolve("manifest.json"));
            } catch (RuntimeException | IOException e) {
                if (publish) {
                    publisher.discard(building);
                }
                throw e;
            }
            Path target = publisher.publish(building, asOf, runId);
            for (Path old : publisher.applyRetention(settings.run().retainPublished())) {
                LOG.info("Retention: removed {}", old);
            }
            return new Outcome(runId, target, results, seconds(started));
        }
    }

    /** Moves OUTPUT/staging/&lt;as_of&gt;/ (built stage by stage) into published/ with its manifest. */
    public Outcome publishStaging() throws IOException {
        PipelineSettings settings = settings();
        Warehouse warehouse = new Warehouse(request.output());
        String runId = newRunId();
        String asOf = request.asOf().toString();
        Path staging = request.output().resolve("staging").resolve(asOf);
        if (!Files.isDirectory(staging)) {
            throw new org.lcjp.reoffending.settings.SettingsException("Cannot publish: nothing staged for " + asOf
                    + " (" + staging + "). Run the stages first, or use `reoffending run`.");
        }
        Instant started = Instant.now();
        try (RunLock ignored = RunLock.acquire(request.output(), runId)) {
            AtomicPublisher publisher = new AtomicPublisher(warehouse.published());
            SparkSession spark = SparkSessions.create("reoffending publish", settings.spark(), warehouse.scratch().resolve("spark-local"));
            manifest(runId, settings, started, List.of(), staging, spark).write(staging.resolve("manifest.json"));
            Path target = publisher.publish(staging, asOf, runId);
            publisher.applyRetention(settings.run().retainPublished());
            return new Outcome(runId, target, List.of(), seconds(started));
        }
    }

    private RunManifest manifest(String runId, PipelineSettings settings, Instant started, List<StageResult> results,
                                 Path building, SparkSession spark) throws IOException {
        List<Map<String, Object>> stages = new ArrayList<>();
        for (StageResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stage", r.stage());
            m.put("rows_in", r.rowsIn());
            m.put("rows_out", r.rowsOut());
            m.put("seconds", r.seconds());
            m.putAll(r.details());
            stages.add(m);
        }
        return new RunManifest(runId, request.asOf().toString(), RunManifest.SCHEMA_VERSION, CodeVersion.current(),
                SettingsLoader.hash(settings), spark.sparkContext().master(), started, Instant.now(),
                filesInForce(), stages, PublishedRowCounts.of(spark, building));
    }

    private PipelineSettings settings() {
        return SettingsLoader.load(request.confDir().resolve("pipeline.yaml"));
    }

    private static String newRunId() {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
    }

    /**
     * The input files this run could read: those the delivery layout names with an extract date up to the as-of
     * date. Later deliveries are not hashed, so a rerun for an earlier as-of records exactly what that night saw.
     */
    private List<InputFiles.InputFile> filesInForce() throws IOException {
        java.util.Set<String> readable = new java.util.HashSet<>();
        for (org.lcjp.reoffending.io.ExtractFile f : org.lcjp.reoffending.io.ExtractDiscovery.discover(request.input(), request.asOf())) {
            if (f.status().equals(org.lcjp.reoffending.ingest.DataQualityColumns.STATUS_READ)) {
                readable.add(f.sourceFile());
            }
        }
        return InputFiles.list(request.input()).stream().filter(f -> readable.contains(f.path())).toList();
    }

    private static double seconds(Instant started) {
        return (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
    }
}
