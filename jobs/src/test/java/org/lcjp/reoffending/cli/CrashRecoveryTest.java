package org.lcjp.reoffending.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.jobs.IngestJob;
import org.lcjp.reoffending.jobs.NightlyRun;
import org.lcjp.reoffending.jobs.RunRequest;
import org.lcjp.reoffending.jobs.Stages;
import org.lcjp.reoffending.publish.CrashPoints;
import org.lcjp.reoffending.synthetic.GeneratorSettings;
import org.lcjp.reoffending.synthetic.SyntheticExtracts;
import org.lcjp.reoffending.testing.SparkTestSession;

/**
 * Fault injection: for every crash point, a second night crashes there, is rerun, and must publish exactly what a
 * clean second night publishes (every table, research included), leaving nothing behind. The crash is simulated in
 * this JVM ({@code reoffending.crash_action=throw}: an Error at the point, so no failure cleanup runs), which keeps
 * the test to seconds per point; a halting JVM differs only in leaving the run lock to the stale-lock rule.
 * Points in ingest and publishing run the ingest stage alone (published data_quality, and the staged tables are
 * compared too): the switch of a table version is one piece of code (WarehouseTables) whichever table it serves.
 * One point runs the whole night, after the last stage (everything written, nothing published), so that every
 * published table, research included, is compared: a whole night costs far more than an ingest. Night 1 is an
 * ingest alone.
 *
 * <p>Tagged slow: some twenty nightly runs. `make fault-test` runs it; `make test` (and so CI) leaves it out.
 */
@Tag("slow")
class CrashRecoveryTest {
    private static final LocalDate NIGHT_1 = LocalDate.of(2019, 10, 7);
    private static final LocalDate NIGHT_2 = LocalDate.of(2020, 1, 7);
    private static Path dir;
    private static Path input;
    private static Path conf;
    private static Path key;
    /** The warehouse after night 1 (copied for each point), and clean night-2 outputs. */
    private static Path night1;
    private static Path cleanIngest;
    private static Path cleanWhole;

    /** A point, and whether the night runs every stage or ingest alone. */
    record Point(String name, boolean whole) {
        @Override
        public String toString() {
            return name + (whole ? " (whole night)" : " (ingest)");
        }
    }

    static Stream<Point> points() {
        return Stream.of(
                new Point(CrashPoints.INGEST_BETWEEN_DELETE_AND_WRITE + ":police_outcomes", false),
                new Point(CrashPoints.INGEST_BETWEEN_DELETE_AND_WRITE + ":quarantine", false),
                new Point(CrashPoints.INGEST_BEFORE_MANIFEST, false),
                new Point(CrashPoints.TABLE_BEFORE_SWITCH + ":police_outcomes", false),
                new Point(CrashPoints.TABLE_BETWEEN_SWITCH + ":police_outcomes", false),
                new Point(CrashPoints.STAGE_WRITTEN + ":" + IngestJob.NAME, false),
                new Point(CrashPoints.PUBLISH_BEFORE_RENAME, false),
                new Point(CrashPoints.PUBLISH_BETWEEN_RENAMES, false),
                new Point(CrashPoints.PUBLISH_AFTER_RENAME, false),
                new Point(CrashPoints.STAGE_WRITTEN + ":report", true));
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
        yaml = yaml.replaceFirst("  first_cohort: ", "  first_cohort: 2018-01-01 ").replaceFirst("  parallel_datasets: 4", "  parallel_datasets: 1");
        assertThat(yaml).contains("first_cohort: 2018-01-01").contains("parallel_datasets: 1");
        Files.writeString(conf.resolve("pipeline.yaml"), yaml);
        SyntheticExtracts.generate(new GeneratorSettings(200, 2018, 2019, 21, GeneratorSettings.CHECKPOINT_TRUE_EFFECT_DEFAULT,
                conf.resolve("reference/offences.csv"), conf.resolve("reference/areas.csv"), 2, 0.26, 0.06, 0.0, 0.02,
                0.08, 0.06, 0.6), input, dir.resolve("truth"));
        key = Files.writeString(dir.resolve("test.key"), "a-crash-recovery-test-key-of-more-than-32-bytes");
        java.nio.file.Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        night1 = dir.resolve("night1");
        run(night1, NIGHT_1, false);
        cleanIngest = copyOf(night1, "clean-ingest");
        run(cleanIngest, NIGHT_2, false);
        cleanWhole = copyOf(night1, "clean-whole");
        run(cleanWhole, NIGHT_2, true);
    }

    /**
     * Owner-only by default whatever the umask: nothing a run wrote can be read by group or others. Night 1 as the
     * run made it, and the files of the whole clean night (its folders began as this test's copies).
     */
    @org.junit.jupiter.api.Test
    void everythingUnderOutputIsOwnerOnly() throws Exception {
        List<String> open = new ArrayList<>();
        try (Stream<Path> walk = Stream.concat(Files.walk(night1), Files.walk(cleanWhole).filter(Files::isRegularFile))) {
            walk.filter(p -> !p.equals(night1)).forEach(p -> {
                try {
                    String mode = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    if (!mode.endsWith("------")) {
                        open.add(dir.relativize(p) + " " + mode);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertThat(open).isEmpty();
    }

    @AfterEach
    void noCrashPoint() {
        System.clearProperty(CrashPoints.PROPERTY);
        System.clearProperty(CrashPoints.ACTION_PROPERTY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("points")
    void aCrashAnywhereIsRepairedByTheRerun(Point point) throws Exception {
        Path out = copyOf(night1, point.name().replace(':', '_') + (point.whole() ? "-whole" : ""));
        System.setProperty(CrashPoints.PROPERTY, point.name());
        System.setProperty(CrashPoints.ACTION_PROPERTY, "throw");
        assertThatThrownBy(() -> run(out, NIGHT_2, point.whole())).isInstanceOf(CrashPoints.Crash.class);
        System.clearProperty(CrashPoints.PROPERTY);

        run(out, NIGHT_2, point.whole());
        Path clean = (point.whole() ? cleanWhole : cleanIngest).resolve("published").resolve(NIGHT_2.toString());
        assertThat(differing(clean, out.resolve("published").resolve(NIGHT_2.toString()))).as("tables differing").isZero();
        if (!point.whole()) {
            // Ingest alone publishes data_quality only: the staged tables the later stages read must agree too.
            assertThat(differing((point.whole() ? cleanWhole : cleanIngest).resolve("warehouse/staged"), out.resolve("warehouse/staged")))
                    .as("staged tables differing").isZero();
        }
        assertThat(leftovers(out)).as("left behind").isEmpty();
    }

    /** A republish of the same date that crashes between its renames loses neither folder. */
    @org.junit.jupiter.api.Test
    void aRepublishThatCrashesKeepsThePublishedFolder() throws Exception {
        Path out = copyOf(cleanIngest, "republish");
        System.setProperty(CrashPoints.PROPERTY, CrashPoints.PUBLISH_BETWEEN_RENAMES);
        System.setProperty(CrashPoints.ACTION_PROPERTY, "throw");
        assertThatThrownBy(() -> run(out, NIGHT_2, false)).isInstanceOf(CrashPoints.Crash.class);
        System.clearProperty(CrashPoints.PROPERTY);
        try (Stream<Path> s = Files.list(out.resolve("published"))) {
            assertThat(s.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith(".replaced-" + NIGHT_2));
        }
        run(out, NIGHT_2, false);
        assertThat(differing(cleanIngest.resolve("published").resolve(NIGHT_2.toString()),
                out.resolve("published").resolve(NIGHT_2.toString()))).isZero();
        assertThat(leftovers(out)).isEmpty();
    }

    /** A different key is refused before anything changes; --rekey re-pseudonymises and says so in the manifest. */
    @org.junit.jupiter.api.Test
    void aDifferentKeyIsRefusedAndRekeyIsRecorded() throws Exception {
        Path out = copyOf(night1, "rekey");
        Path other = Files.writeString(dir.resolve("other.key"), "another-crash-recovery-test-key-of-more-than-32-bytes");
        Files.setPosixFilePermissions(other, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        byte[] manifestBefore = Files.readAllBytes(out.resolve("warehouse/ingest-manifest.json"));
        RunRequest request = new RunRequest(input, out, NIGHT_2, other, conf);
        assertThatThrownBy(() -> new NightlyRun(request, r -> { }).run(List.of(IngestJob.NAME), true))
                .isInstanceOf(org.lcjp.reoffending.settings.SettingsException.class)
                .hasMessageContaining("not the key the warehouse").satisfies(e -> assertThat(
                        ((org.lcjp.reoffending.settings.SettingsException) e).advice()).contains("--rekey"));
        assertThat(Files.readAllBytes(out.resolve("warehouse/ingest-manifest.json"))).isEqualTo(manifestBefore);

        new NightlyRun(request, r -> { }).rekey(true).run(List.of(IngestJob.NAME), true);
        Path published = out.resolve("published").resolve(NIGHT_2.toString());
        assertThat(Files.readString(published.resolve("manifest.json"))).contains("rekeyed_from_key_fingerprint");
        assertThat(differing(cleanIngest.resolve("published").resolve(NIGHT_2.toString()), published)).isZero();
        assertThat(Files.readString(out.resolve("warehouse/ingest-manifest.json"))).doesNotContain(
                new String(manifestBefore, java.nio.charset.StandardCharsets.UTF_8).lines()
                        .filter(l -> l.contains("key_fingerprint")).findFirst().orElseThrow().strip());
    }

    private static void run(Path output, LocalDate asOf, boolean whole) throws Exception {
        new NightlyRun(new RunRequest(input, output, asOf, key, conf), r -> { })
                .run(whole ? Stages.names() : List.of(IngestJob.NAME), true);
    }

    private static int differing(Path a, Path b) {
        SparkSession spark = SparkTestSession.get();
        StringWriter text = new StringWriter();
        int n = DiffPublishedCommand.compare(spark, Storage.defaults(), StoragePath.local(a), StoragePath.local(b), List.of(),
                new PrintWriter(text, true));
        System.out.println(text);
        assertThat(text.toString()).as("tables compared").isNotBlank();
        return n;
    }

    /** Anything a crash leaves: unpublished or set-aside folders, table versions, temporary files, checkpoints. */
    private static List<String> leftovers(Path out) throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            walk.forEach(p -> {
                String n = p.getFileName().toString();
                String rel = out.relativize(p).toString();
                if (n.startsWith(".building-") || n.startsWith(".replaced-") || n.endsWith(".next") || n.endsWith(".old")
                        || n.contains(".tmp-") || n.equals("_temporary") || rel.startsWith("tmp/checkpoints/")) {
                    found.add(rel);
                }
            });
        }
        return found;
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
