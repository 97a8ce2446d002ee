package org.lcjp.reoffending.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lcjp.reoffending.io.CrashPoints;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.jobs.CrashLeftovers;
import org.lcjp.reoffending.jobs.IngestJob;
import org.lcjp.reoffending.jobs.NightlyRun;
import org.lcjp.reoffending.jobs.RunRequest;
import org.lcjp.reoffending.synthetic.GeneratorSettings;
import org.lcjp.reoffending.synthetic.SyntheticExtracts;
import org.lcjp.reoffending.testing.SparkTestSession;

/**
 * Fault injection: for every crash point in ingest, the switch of a warehouse table and publishing, a second night
 * crashes there, is rerun, and must publish exactly what a clean second night publishes, with the same staged
 * tables, leaving nothing behind. The crash is simulated in this JVM ({@code reoffending.crash_action=throw}: an
 * Error at the point, so no failure cleanup runs); a halting JVM differs only in leaving the run lock to the
 * stale-lock rule. The switch of a table version is one piece of code (WarehouseTables) whichever table it serves.
 * Each night is the ingest stage alone on two datasets (police outcomes and court convictions, with bad rows in the
 * second night), so each point costs seconds and the test runs in every build. The point after the last stage of a
 * whole night (everything written, nothing published; every table, research included, compared) is in
 * NightlyRunEndToEndTest, on a night it runs anyway.
 */
class CrashRecoveryTest {
    private static final LocalDate NIGHT_1 = LocalDate.of(2019, 10, 7);
    private static final LocalDate NIGHT_2 = LocalDate.of(2020, 1, 7);
    private static Path dir;
    private static Path input;
    private static Path conf;
    private static Path key;
    /** The datasets of the test's input; the generator's others are removed (ingest needs none of them). */
    private static final List<String> DATASETS = List.of("police/outcomes", "courts/convictions");
    /** The warehouse after night 1 (copied for each point), and the clean night 2. */
    private static Path night1;

    private static Path cleanIngest;

    static Stream<String> points() {
        return Stream.of(
                CrashPoints.INGEST_BETWEEN_DELETE_AND_WRITE + ":police_outcomes",
                CrashPoints.INGEST_BETWEEN_DELETE_AND_WRITE + ":quarantine",
                CrashPoints.INGEST_BEFORE_MANIFEST,
                CrashPoints.TABLE_BEFORE_SWITCH + ":police_outcomes",
                CrashPoints.TABLE_BETWEEN_SWITCH + ":police_outcomes",
                CrashPoints.STAGE_WRITTEN + ":" + IngestJob.NAME,
                CrashPoints.PUBLISH_BEFORE_RENAME,
                CrashPoints.PUBLISH_BETWEEN_RENAMES,
                CrashPoints.PUBLISH_AFTER_RENAME);
    }

    @BeforeAll
    static void twoNights() throws Exception {
        SparkTestSession.get();
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        dir = Files.createTempDirectory("crash-recovery");
        input = dir.resolve("input");
        conf = dir.resolve("conf");
        copy(Path.of("..", "conf"), conf, false);
        String yaml = Files.readString(conf.resolve("pipeline.yaml"));
        // Two years of data hold no five years of history; one dataset at a time, so a crash stops all ingest work.
        yaml = yaml.replaceFirst("  first_cohort: ", "  first_cohort: 2018-01-01 ")
                .replaceFirst("  parallel_datasets: 4", "  parallel_datasets: 1");
        assertThat(yaml).contains("first_cohort: 2018-01-01").contains("parallel_datasets: 1");
        Files.writeString(conf.resolve("pipeline.yaml"), yaml);
        // One bad row in ten, so that night 2's deliveries have quarantined rows for the quarantine points to lose.
        SyntheticExtracts.generate(
                new GeneratorSettings(
                        200,
                        2018,
                        2019,
                        21,
                        GeneratorSettings.CHECKPOINT_TRUE_EFFECT_DEFAULT,
                        conf.resolve("reference/offences.csv"),
                        conf.resolve("reference/areas.csv"),
                        2,
                        0.26,
                        0.06,
                        0.0,
                        0.1,
                        0.08,
                        0.06,
                        0.6),
                input,
                dir.resolve("truth"));
        try (Stream<Path> agencies = Files.list(input)) {
            for (Path agency : agencies.toList()) {
                try (Stream<Path> datasets = Files.list(agency)) {
                    for (Path dataset : datasets.toList()) {
                        if (!DATASETS.contains(agency.getFileName() + "/" + dataset.getFileName())) {
                            Storage.defaults().delete(StoragePath.local(dataset));
                        }
                    }
                }
            }
        }
        key = Files.writeString(dir.resolve("test.key"), "a-crash-recovery-test-key-of-more-than-32-bytes");
        java.nio.file.Files.setPosixFilePermissions(
                key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        night1 = dir.resolve("night1");
        run(night1, NIGHT_1);
        cleanIngest = copyOf(night1, "clean-ingest");
        run(cleanIngest, NIGHT_2);
        // Not vacuous: night 2 has accepted and quarantined rows of its own for the crashes to lose.
        assertThat(SparkTestSession.get()
                        .read()
                        .parquet(cleanIngest.resolve("warehouse/quarantine").toString())
                        .where("extract_date = '" + NIGHT_2 + "'")
                        .count())
                .as("night 2's quarantined rows")
                .isPositive();
    }

    /**
     * Owner-only by default whatever the umask: nothing a run wrote can be read by group or others. Night 1 as the
     * run made it (NightlyRunEndToEndTest checks a whole night's output).
     */
    @org.junit.jupiter.api.Test
    void everythingUnderOutputIsOwnerOnly() throws Exception {
        try (Stream<Path> walk = Files.walk(night1)) {
            assertThat(CrashLeftovers.openToOthers(walk, night1)).isEmpty();
        }
    }

    @AfterEach
    void noCrashPoint() {
        System.clearProperty(CrashPoints.PROPERTY);
        System.clearProperty(CrashPoints.ACTION_PROPERTY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("points")
    void aCrashAnywhereIsRepairedByTheRerun(String point) throws Exception {
        Path out = copyOf(night1, point.replace(':', '_'));
        System.setProperty(CrashPoints.PROPERTY, point);
        System.setProperty(CrashPoints.ACTION_PROPERTY, "throw");
        assertThatThrownBy(() -> run(out, NIGHT_2)).isInstanceOf(CrashPoints.Crash.class);
        System.clearProperty(CrashPoints.PROPERTY);

        run(out, NIGHT_2);
        Path clean = cleanIngest.resolve("published").resolve(NIGHT_2.toString());
        assertThat(differing(clean, out.resolve("published").resolve(NIGHT_2.toString())))
                .as("tables differing")
                .isZero();
        // Ingest alone publishes data_quality only: the staged tables the later stages read must agree too.
        assertThat(differing(cleanIngest.resolve("warehouse/staged"), out.resolve("warehouse/staged")))
                .as("staged tables differing")
                .isZero();
        assertThat(CrashLeftovers.under(out)).as("left behind").isEmpty();
    }

    /** A republish of the same date that crashes between its renames loses neither folder. */
    @org.junit.jupiter.api.Test
    void aRepublishThatCrashesKeepsThePublishedFolder() throws Exception {
        Path out = copyOf(cleanIngest, "republish");
        System.setProperty(CrashPoints.PROPERTY, CrashPoints.PUBLISH_BETWEEN_RENAMES);
        System.setProperty(CrashPoints.ACTION_PROPERTY, "throw");
        assertThatThrownBy(() -> run(out, NIGHT_2)).isInstanceOf(CrashPoints.Crash.class);
        System.clearProperty(CrashPoints.PROPERTY);
        try (Stream<Path> s = Files.list(out.resolve("published"))) {
            assertThat(s.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith(".replaced-" + NIGHT_2));
        }
        run(out, NIGHT_2);
        assertThat(differing(
                        cleanIngest.resolve("published").resolve(NIGHT_2.toString()),
                        out.resolve("published").resolve(NIGHT_2.toString())))
                .isZero();
        assertThat(CrashLeftovers.under(out)).isEmpty();
    }

    /** A different key is refused before anything changes; --rekey re-pseudonymises and says so in the manifest. */
    @org.junit.jupiter.api.Test
    void aDifferentKeyIsRefusedAndRekeyIsRecorded() throws Exception {
        Path out = copyOf(night1, "rekey");
        Path other =
                Files.writeString(dir.resolve("other.key"), "another-crash-recovery-test-key-of-more-than-32-bytes");
        Files.setPosixFilePermissions(other, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        byte[] manifestBefore = Files.readAllBytes(out.resolve("warehouse/ingest-manifest.json"));
        RunRequest request = new RunRequest(input, out, NIGHT_2, other, conf);
        assertThatThrownBy(() -> new NightlyRun(request, r -> {}).run(List.of(IngestJob.NAME), true))
                .isInstanceOf(org.lcjp.reoffending.settings.SettingsException.class)
                .hasMessageContaining("not the key the warehouse")
                .satisfies(e -> assertThat(((org.lcjp.reoffending.settings.SettingsException) e).advice())
                        .contains("--rekey"));
        assertThat(Files.readAllBytes(out.resolve("warehouse/ingest-manifest.json")))
                .isEqualTo(manifestBefore);

        new NightlyRun(request, r -> {}).rekey(true).run(List.of(IngestJob.NAME), true);
        Path published = out.resolve("published").resolve(NIGHT_2.toString());
        assertThat(Files.readString(published.resolve("manifest.json"))).contains("rekeyed_from_key_fingerprint");
        assertThat(differing(cleanIngest.resolve("published").resolve(NIGHT_2.toString()), published))
                .isZero();
        assertThat(Files.readString(out.resolve("warehouse/ingest-manifest.json")))
                .doesNotContain(new String(manifestBefore, java.nio.charset.StandardCharsets.UTF_8)
                        .lines()
                        .filter(l -> l.contains("key_fingerprint"))
                        .findFirst()
                        .orElseThrow()
                        .strip());
    }

    private static void run(Path output, LocalDate asOf) throws Exception {
        new NightlyRun(new RunRequest(input, output, asOf, key, conf), r -> {}).run(List.of(IngestJob.NAME), true);
    }

    private static int differing(Path a, Path b) {
        SparkSession spark = SparkTestSession.get();
        StringWriter text = new StringWriter();
        int n = DiffPublishedCommand.compare(
                spark,
                Storage.defaults(),
                StoragePath.local(a),
                StoragePath.local(b),
                List.of(),
                new PrintWriter(text, true));
        System.out.println(text);
        assertThat(text.toString()).as("tables compared").isNotBlank();
        return n;
    }

    private static Path copyOf(Path from, String name) throws Exception {
        Path to = dir.resolve(name);
        copy(from, to, true);
        return to;
    }

    private static void copy(Path from, Path to, boolean skipScratch) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                String rel = from.relativize(p).toString();
                if (skipScratch && (rel.equals("tmp") || rel.startsWith("tmp/") || rel.equals(".run.lock"))) {
                    continue;
                }
                Path target = to.resolve(rel);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
