package org.lcjp.reoffending.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lcjp.reoffending.cli.DevCommand;
import org.lcjp.reoffending.io.CrashPoints;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.linkage.model.LinkageModel;
import org.lcjp.reoffending.measures.TruthFigures;
import org.lcjp.reoffending.publish.InputFiles;
import org.lcjp.reoffending.publish.RunManifest;
import org.lcjp.reoffending.synthetic.GeneratorSettings;
import org.lcjp.reoffending.synthetic.SyntheticExtracts;
import org.lcjp.reoffending.testing.ClearIdentifiers;
import org.lcjp.reoffending.testing.SparkTestSession;
import picocli.CommandLine;

/**
 * The whole nightly run through the CLI on generated extracts: what it publishes, that its figures equal figures
 * worked out independently from the generator's truth, that it holds no clear identifier, that a rerun gives the
 * same figures, and that replaying deliveries night by night gives what one run over all of them gives, the last
 * night crashing once after its last stage and rerun (the fault test's whole-night point).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyRunEndToEndTest {
    private static final Path PROJECT_CONF = Path.of("..", "conf");
    private static Path CONF;
    private static final LocalDate AS_OF = LocalDate.of(2020, 1, 7);
    private static Path dir;
    private static Path input;
    private static Path truth;
    private static Path key;
    private static Path published;

    @BeforeAll
    static void generateAndRun() throws Exception {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        dir = Files.createTempDirectory("nightly-e2e");
        input = dir.resolve("input");
        truth = dir.resolve("truth");
        // Two years of data hold no five years of history: this run publishes cohorts from 2016 by setting.
        CONF = dir.resolve("conf");
        copy(PROJECT_CONF, CONF);
        String yaml = Files.readString(CONF.resolve("pipeline.yaml"));
        assertThat(yaml).contains("  first_cohort: ");
        Files.writeString(
                CONF.resolve("pipeline.yaml"), yaml.replaceFirst("  first_cohort: ", "  first_cohort: 2016-01-01 "));
        // No identity noise: the true linkage is then the only sensible one, so the figures must match exactly.
        GeneratorSettings g = new GeneratorSettings(
                300,
                2018,
                2019,
                11,
                GeneratorSettings.CHECKPOINT_TRUE_EFFECT_DEFAULT,
                CONF.resolve("reference/offences.csv"),
                CONF.resolve("reference/areas.csv"),
                2,
                0.26,
                0.06,
                0.0,
                0.0,
                0.08,
                0.06,
                0.6);
        SyntheticExtracts.generate(g, input, truth);
        key = Files.writeString(dir.resolve("test.key"), "an-end-to-end-test-key-of-more-than-32-bytes");
        java.nio.file.Files.setPosixFilePermissions(
                key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(run(dir.resolve("out"), AS_OF)).isZero();
        published = dir.resolve("out/published").resolve(AS_OF.toString());
    }

    private static int run(Path output, LocalDate asOf) {
        return cli(
                "run",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--as-of",
                asOf.toString(),
                "--key-file",
                key.toString(),
                "--conf",
                CONF.toString());
    }

    private static int cli(String... args) {
        CommandLine cl = DevCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        int code = cl.execute(args);
        System.out.println(out);
        return code;
    }

    @Test
    @Order(1)
    void publishesEveryTableThePackAndTheManifest() throws Exception {
        for (String table : List.of(
                "proven_reoffending",
                "time_to_reoffence",
                "cohort_comparison",
                "comparison_balance",
                "iom_pre_post",
                "data_quality",
                "linkage_quality",
                "linkage_sensitivity",
                "research/events",
                "rj_activity",
                "family_offending",
                "needs_and_gaps",
                "iom_reach",
                "checkpoint_activity")) {
            assertThat(published.resolve(table).resolve("_SUCCESS")).as(table).exists();
        }
        assertThat(published.resolve("research/README.md")).exists();
        assertThat(published.resolve("panel-pack-" + AS_OF + ".xlsx")).isNotEmptyFile();
        assertThat(published.resolve("panel-pack-" + AS_OF + ".ods")).isNotEmptyFile();
        assertThat(published.resolve("performance").resolve("_SUCCESS")).exists();
        // No count of people below the threshold in any cell, text or chart of the pack this run wrote.
        assertThat(org.lcjp.reoffending.reports.pack.PackScan.scanXlsx(
                        Files.readAllBytes(published.resolve("panel-pack-" + AS_OF + ".xlsx")), 5))
                .isPositive();
        // RJ rows follow the comparisons' periods; the RJ and Think Family sheets carry tables; their measures are
        // read.
        SparkSession spark = SparkTestSession.get();
        var rj = spark.read()
                .parquet(published.resolve("cohort_comparison").toString())
                .filter("comparison = 'RJ'");
        assertThat(rj.count()).isPositive();
        assertThat(rj.filter("period is null or (period <> 'POOLED' and period not like 'FY%')")
                        .count())
                .isZero();
        assertThat(rj.select("subgroup").distinct().collectAsList())
                .extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder("ALL", "REFERRED");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(published.resolve("panel-pack-" + AS_OF + ".xlsx")))) {
            for (String sheet : List.of("RJ_activity", "RJ_reoffending", "Think_Family")) {
                assertThat(wb.getTable(sheet.equals("RJ_reoffending") ? "RJ_reoffending_comparison" : sheet))
                        .as(sheet)
                        .isNotNull();
            }
        }
        assertThat(spark.read()
                        .parquet(published.resolve("performance").toString())
                        .filter("measure_id = 'rj_conferences' and availability = 'AVAILABLE'")
                        .count())
                .isPositive();
        RunManifest manifest = RunManifest.read(published.resolve("manifest.json"));
        assertThat(manifest.asOf()).isEqualTo(AS_OF.toString());
        assertThat(manifest.inputFiles()).isEqualTo(InputFiles.list(input));
        assertThat(manifest.stages())
                .extracting(s -> s.get("stage").asText())
                .containsExactly(
                        "ingest", "link", "measure", "sensitivity", "compare", "services", "research", "report");
        // No model was given: the link stage trained one, said so, kept it, and the manifest names the kept file's
        // hash.
        JsonNode link = manifest.stages().get(1);
        byte[] kept = Files.readAllBytes(modelStore(dir.resolve("out")));
        assertThat(link.get("model_hash").asText()).isEqualTo(LinkageModel.hash(kept));
        assertThat(link.get("model_source").asText()).startsWith("trained tonight, kept at");
        assertThat(modelStore(dir.resolve("out")).resolveSibling("archive").resolve(LinkageModel.hash(kept) + ".json"))
                .exists();
        assertThat(manifest.publishedRows()).containsKey("proven_reoffending");
        assertThat(manifest.configHash()).hasSize(64);
        assertThat(manifest.configFiles())
                .containsKeys("reference/areas.csv", "reference/offences.csv", "labels.yaml", "targets.yaml");
        assertThat(manifest.keyFingerprint())
                .hasSize(32)
                .isNotEqualTo(Files.readString(key).trim());
        assertThat(manifest.effectiveDate()).isEqualTo(String.valueOf(TruthFigures.effectiveDate(input, AS_OF)));
        assertThat(manifest.firstCohort()).isEqualTo("2016-01-01");
        assertThat(manifest.dataCoverage()).containsKeys("courts/convictions", "iom/cohort");
        try (var s = Files.list(dir.resolve("out/published"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly(AS_OF.toString());
        }
        // A clean night leaves no checkpoint folder behind for the next night to remove as a crashed run's.
        Path checkpoints = dir.resolve("out/tmp/checkpoints");
        if (Files.exists(checkpoints)) {
            try (var s = Files.list(checkpoints)) {
                assertThat(s.toList()).isEmpty();
            }
        }
        // Owner-only by default whatever the umask: nothing a whole night wrote is open to group or others.
        try (var walk = Files.walk(dir.resolve("out"))) {
            assertThat(CrashLeftovers.openToOthers(walk, dir.resolve("out"))).isEmpty();
        }
    }

    @Test
    @Order(2)
    void figuresEqualThoseWorkedOutFromTheGeneratorsTruth() throws Exception {
        Map<String, long[]> expected = new TreeMap<>(TruthFigures.published(
                TruthFigures.expectedCells(input, truth, CONF.resolve("reference")),
                TruthFigures.effectiveDate(input, AS_OF)));
        // This run publishes cohorts from its first cohort (2016-01-01, set above); children's services reach back
        // further.
        expected.keySet().removeIf(cell -> cell.compareTo("2016-01-01") < 0);
        Map<String, long[]> actual = new TreeMap<>();
        SparkSession spark = SparkTestSession.get();
        for (Row r : spark.read()
                .parquet(published.resolve("proven_reoffending").toString())
                .filter("dimension in ('ALL', 'SEX', 'INDEX_DISPOSAL', 'PREVIOUS_OFFENCES')")
                .collectAsList()) {
            actual.put(
                    r.getAs("cohort_start") + "/" + r.getAs("population") + "/" + r.getAs("dimension") + "/"
                            + r.getAs("category"),
                    new long[] {r.<Long>getAs("offenders"), r.<Long>getAs("reoffenders"), r.<Long>getAs("reoffences")});
        }
        assertThat(expected).isNotEmpty();
        assertThat(actual.keySet()).containsExactlyElementsOf(new TreeMap<>(expected).keySet());
        expected.forEach(
                (cell, figures) -> assertThat(actual.get(cell)).as(cell).containsExactly(figures));
    }

    @Test
    @Order(3)
    void noNameDateOfBirthPostcodeOrPncIdInClearAnywhere() throws Exception {
        List<String> identifiers = new ArrayList<>();
        try (var reader = Files.newBufferedReader(truth.resolve("people.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord p : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                for (String name : List.of(p.get("forename"), p.get("surname"))) {
                    // Names made only of hex letters could turn up inside a token by chance; they prove nothing.
                    // Surnames such as White or Black are also ethnicity codes, which are published by design.
                    if (name.length() >= 4
                            && !name.toLowerCase(Locale.ROOT).matches("[a-f]+")
                            && !org.lcjp.reoffending.domain.Datasets.ETHNICITY_CODES.contains(
                                    name.toUpperCase(Locale.ROOT))) {
                        identifiers.add(name);
                    }
                }
                LocalDate dob = LocalDate.parse(p.get("date_of_birth"));
                // Every event of this input is from 2016 on, so an earlier date in a row can only be a birth date.
                if (dob.getYear() < 2016) {
                    identifiers.add(dob.toString());
                    identifiers.add(
                            String.format("%02d/%02d/%04d", dob.getDayOfMonth(), dob.getMonthValue(), dob.getYear()));
                }
                if (!p.get("postcode").isBlank()) {
                    identifiers.add(p.get("postcode"));
                    identifiers.add(p.get("postcode").replace(" ", ""));
                }
                if (!p.get("pnc_id").isBlank()) {
                    identifiers.add(p.get("pnc_id"));
                }
            }
        }
        assertThat(identifiers).hasSizeGreaterThan(300);
        List<String> rows = ClearIdentifiers.everyRowAsText(
                SparkTestSession.get(), dir.resolve("out/warehouse"), dir.resolve("out/published"));
        assertThat(rows).hasSizeGreaterThan(1000);
        // Whole words only: "Mary" must not be found inside "summary".
        ClearIdentifiers.assertNoWholeWord(rows, identifiers);
    }

    @Test
    @Order(4)
    void rerunForTheSameDateGivesTheSameFigures() throws Exception {
        Path before = Files.createDirectories(dir.resolve("first"));
        copy(published, before);
        Path out = dir.resolve("out");
        List<String> recordPerson = recordPerson(out);
        assertThat(run(out, AS_OF)).isZero();
        assertThat(cli("diff-published", before.toString(), published.toString()))
                .isZero();
        // The second night predicts with the kept model: the same model, the same persons.
        assertThat(recordPerson(out)).isEqualTo(recordPerson);
        JsonNode link =
                RunManifest.read(published.resolve("manifest.json")).stages().get(1);
        assertThat(link.get("model_hash"))
                .isEqualTo(RunManifest.read(before.resolve("manifest.json"))
                        .stages()
                        .get(1)
                        .get("model_hash"));
        assertThat(link.get("model_source").asText())
                .endsWith("linkage-model.json")
                .doesNotContain("trained tonight");
    }

    @Test
    @Order(5)
    void retrainingIsAnExplicitCommandAndAChangedModelHasAnotherHash() throws Exception {
        Path target = dir.resolve("retrained/linkage-model.json");
        assertThat(cli(
                        "train-linkage",
                        "--input",
                        input.toString(),
                        "--output",
                        dir.resolve("out").toString(),
                        "--as-of",
                        AS_OF.toString(),
                        "--key-file",
                        key.toString(),
                        "--conf",
                        CONF.toString(),
                        "--model",
                        target.toString()))
                .isZero();
        LinkageModel retrained = LinkageModel.fromJson(Files.readAllBytes(target), "retrained");
        assertThat(retrained.training().records())
                .isEqualTo(recordPerson(dir.resolve("out")).size());
        // The hash the link stage names (and so the manifest) is the file's: any edit to the file shows in it.
        String json = Files.readString(target);
        String changed = json.replaceFirst(
                "\"probability_two_random_records_match\" : [0-9.E-]+",
                "\"probability_two_random_records_match\" : 0.001");
        assertThat(changed).isNotEqualTo(json);
        Files.writeString(target, changed);
        assertThat(LinkageModels.read(
                                org.lcjp.reoffending.io.Storage.defaults(),
                                org.lcjp.reoffending.io.StoragePath.local(target))
                        .hash())
                .isEqualTo(LinkageModel.hash(changed.getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(LinkageModel.hash(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Path modelStore(Path output) {
        return output.resolve("warehouse/linkage/models/linkage-model.json");
    }

    private static List<String> recordPerson(Path output) {
        return SparkTestSession.get()
                .read()
                .parquet(output.resolve("warehouse/linkage/record_person").toString())
                .orderBy("agency", "dataset", "record_id")
                .collectAsList()
                .stream()
                .map(Row::toString)
                .toList();
    }

    @Test
    @Order(6)
    void deliveriesReplayedNightByNightGiveWhatOneRunGivesEvenAfterACrash() throws Exception {
        Path nightly = dir.resolve("nightly");
        // The same linkage model as the one run (the first night would otherwise train its own on half the data and
        // keep it).
        Path models = nightly.resolve("warehouse/linkage/models");
        Files.createDirectories(models);
        Files.copy(
                dir.resolve("out/warehouse/linkage/models/linkage-model.json"), models.resolve("linkage-model.json"));
        assertThat(run(nightly, LocalDate.of(2019, 7, 7))).isZero();
        // The fault test's whole-night point (CrashRecoveryTest has the others): the last night crashes after its last
        // stage, with every table written and nothing published, and the rerun must publish what one run publishes.
        System.setProperty(CrashPoints.PROPERTY, CrashPoints.STAGE_WRITTEN + ":" + PanelPackJob.NAME);
        System.setProperty(CrashPoints.ACTION_PROPERTY, "throw");
        try {
            assertThatThrownBy(() -> new NightlyRun(new RunRequest(input, nightly, AS_OF, key, CONF), r -> {})
                            .run(Stages.names(), true))
                    .isInstanceOf(CrashPoints.Crash.class);
        } finally {
            System.clearProperty(CrashPoints.PROPERTY);
            System.clearProperty(CrashPoints.ACTION_PROPERTY);
        }
        assertThat(nightly.resolve("published").resolve(AS_OF.toString())).doesNotExist();
        assertThat(run(nightly, AS_OF)).isZero();
        // Every table equal; research/events may name some people differently (a person keeps the id of the night
        // they were first seen), so diff-published compares it as each person's events.
        assertThat(cli(
                        "diff-published",
                        nightly.resolve("published").resolve(AS_OF.toString()).toString(),
                        published.toString()))
                .isZero();
        assertThat(CrashLeftovers.under(nightly)).as("left behind").isEmpty();
    }

    @Test
    @Order(7)
    void theSameRunWithInputAndOutputOnHdfsGivesTheSameFigures() throws Exception {
        Storage storage = Storage.defaults();
        StoragePath hdfs = MiniHdfs.root().resolve("nightly-e2e");
        StoragePath hdfsInput = hdfs.resolve("input");
        storage.copy(StoragePath.local(input), hdfsInput);
        StoragePath out = hdfs.resolve("out");
        assertThat(cli(
                        "run",
                        "--input",
                        hdfsInput.toString(),
                        "--output",
                        out.toString(),
                        "--as-of",
                        AS_OF.toString(),
                        "--key-file",
                        key.toString(),
                        "--conf",
                        CONF.toString()))
                .isZero();
        StoragePath onHdfs = out.resolve("published").resolve(AS_OF.toString());
        assertThat(storage.isFile(onHdfs.resolve("manifest.json"))).isTrue();
        assertThat(storage.isFile(onHdfs.resolve("panel-pack-" + AS_OF + ".xlsx")))
                .isTrue();
        assertThat(storage.exists(out.resolve(org.lcjp.reoffending.publish.RunLock.FILE)))
                .as("lock released")
                .isFalse();
        RunManifest manifest = RunManifest.read(storage, onHdfs.resolve("manifest.json"));
        assertThat(manifest.inputFiles()).isEqualTo(InputFiles.list(input));
        assertThat(cli("diff-published", onHdfs.toString(), published.toString()))
                .isZero();
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
