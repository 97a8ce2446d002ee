package org.lcjp.reoffending.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lcjp.reoffending.cli.ReoffendingCommand;
import org.lcjp.reoffending.linkage.model.LinkageModel;
import org.lcjp.reoffending.linkage.sensitivity.HeadlineSensitivity;
import org.lcjp.reoffending.publish.RunManifest;
import org.lcjp.reoffending.settings.SettingsException;
import org.lcjp.reoffending.synthetic.GeneratorSettings;
import org.lcjp.reoffending.synthetic.SyntheticExtracts;
import org.lcjp.reoffending.testing.SparkTestSession;
import picocli.CommandLine;

/**
 * Linkage as a governed model, end to end on one small noisy generated input: a night without a model trains one,
 * says so, keeps it and names its hash in the manifest; the same model gives the same record_person; a changed model
 * file changes the manifest; a model for another encoding is refused; retraining is its own command; and the
 * sensitivity figures at another threshold equal those of a whole run at that threshold.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkageGovernanceTest {
    private static final Path CONF = Path.of("..", "conf");
    private static final LocalDate AS_OF = LocalDate.of(2020, 1, 7);
    private static Path dir;
    private static Path input;
    private static Path key;
    private static Path out;
    private static RunManifest first;

    @BeforeAll
    static void firstNight() throws Exception {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        dir = Files.createTempDirectory("linkage-governance");
        input = dir.resolve("input");
        // Twice the default identity noise, so some pairs fall between the thresholds.
        SyntheticExtracts.generate(new GeneratorSettings(150, 2017, 2019, 23, GeneratorSettings.CHECKPOINT_TRUE_EFFECT_DEFAULT,
                CONF.resolve("reference/offences.csv"), CONF.resolve("reference/areas.csv"), 1, 0.26, 0.06, 2.0, 0.0,
                0.08, 0.06, 0.6), input, dir.resolve("input-truth"));
        key = Files.writeString(dir.resolve("test.key"), "a-linkage-governance-test-key-of-more-than-32-bytes");
        out = dir.resolve("out");
        night(out, CONF, AS_OF, true, new IngestJob(), new LinkageJob(), new MeasuresJob(), new LinkageSensitivityJob());
        first = manifest(out, AS_OF);
    }

    private static NightlyRun.Outcome night(Path output, Path conf, LocalDate asOf, boolean publish, Stage... stages) throws Exception {
        return new NightlyRun(new RunRequest(input, output, asOf, key, conf.toAbsolutePath().normalize()), r -> System.out.println(r.summaryLine()))
                .runStages(List.of(stages), publish);
    }

    private static RunManifest manifest(Path output, LocalDate asOf) throws Exception {
        return RunManifest.read(output.resolve("published").resolve(asOf.toString()).resolve("manifest.json"));
    }

    private static Map<String, Object> link(RunManifest m) {
        return m.stages().stream().filter(s -> "link".equals(s.get("stage"))).findFirst().orElseThrow();
    }

    private static Path store(Path output) {
        return output.resolve("warehouse/linkage/models/linkage-model.json");
    }

    private static Set<String> recordPerson(Path output) {
        return SparkTestSession.get().read().parquet(output.resolve("warehouse/linkage/record_person").toString()).collectAsList().stream()
                .map(Row::toString).collect(Collectors.toCollection(HashSet::new));
    }

    /** A copy of conf/ with some linkage settings replaced (YAML lines of pipeline.yaml's linkage: section). */
    private static Path conf(String name, String... linkageLines) throws Exception {
        Path c = dir.resolve(name);
        try (var walk = Files.walk(CONF)) {
            for (Path p : walk.toList()) {
                Path t = c.resolve(CONF.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        String yaml = Files.readString(c.resolve("pipeline.yaml"));
        String replaced = yaml;
        for (String line : linkageLines) {
            // "key: value" is a key directly under linkage:; an indented line is one under a nested section.
            String indent = line.startsWith(" ") ? line.substring(0, line.length() - line.stripLeading().length()) : "  ";
            String k = line.strip().split(":")[0];
            replaced = replaced.replaceFirst("(?m)^" + indent + k + ":.*$", java.util.regex.Matcher.quoteReplacement(indent + line.strip()));
        }
        Files.writeString(c.resolve("pipeline.yaml"), replaced);
        return c;
    }

    @Test
    @Order(1)
    void aMissingModelIsTrainedSaidAndKeptAndTheManifestNamesIt() throws Exception {
        Map<String, Object> link = link(first);
        byte[] kept = Files.readAllBytes(store(out));
        assertThat(link.get("model_hash")).isEqualTo(LinkageModel.hash(kept));
        assertThat((String) link.get("model_source")).startsWith("trained tonight, kept at");
        assertThat(out.resolve("warehouse/linkage/models/archive").resolve(LinkageModel.hash(kept) + ".json")).exists();
        LinkageModel model = LinkageModel.fromJson(kept, "kept");
        assertThat(model.training().records()).isEqualTo(recordPerson(out).size());
        assertThat(model.weightDistribution()).isNotEmpty();
        assertThat(link.get("weight_drift_psi")).isEqualTo(0.0);
    }

    @Test
    @Order(2)
    void theSameModelGivesTheSameRecordPerson() throws Exception {
        Set<String> before = recordPerson(out);
        NightlyRun.Outcome again = night(out, CONF, AS_OF, false, new LinkageJob());
        Map<String, Object> link = again.stages().get(0).details();
        assertThat(recordPerson(out)).isEqualTo(before);
        assertThat(link.get("model_hash")).isEqualTo(link(first).get("model_hash"));
        assertThat((String) link.get("model_source")).endsWith("linkage-model.json").doesNotContain("trained tonight");
    }

    @Test
    @Order(3)
    void sensitivityFiguresEqualThoseOfAWholeRunAtThatThreshold() throws Exception {
        SparkSession spark = SparkTestSession.get();
        List<Row> table = spark.read().parquet(out.resolve("published").resolve(AS_OF.toString()).resolve(HeadlineSensitivity.TABLE).toString())
                .where("match_threshold = 0.8").collectAsList();
        assertThat(table).hasSize(2);
        assertThat(table.get(0).<Long>getAs("records_reclustered")).as("something changes at 0.80").isPositive();
        // The oracle: the same warehouse linked and measured at 0.80 outright, with the same model.
        Path other = dir.resolve("at-080");
        Files.createDirectories(other);
        copy(out.resolve("warehouse"), other.resolve("warehouse"));
        Path conf = conf("conf-080", "match_threshold: 0.80", "    file: " + store(out).toAbsolutePath());
        night(other, conf, AS_OF, false, new LinkageJob(), new MeasuresJob());
        Map<String, HeadlineSensitivity.Cell> whole = HeadlineSensitivity.headline(spark.read()
                .parquet(other.resolve("staging").resolve(AS_OF.toString()).resolve(MeasuresJob.PROVEN_REOFFENDING).toString()));
        long persons = spark.read().parquet(other.resolve("warehouse/linkage/record_person").toString()).select("person_id").distinct().count();
        for (Row r : table) {
            HeadlineSensitivity.Cell c = whole.get(r.<String>getAs("population"));
            assertThat(r.<Long>getAs("persons")).isEqualTo(persons);
            assertThat(r.<Long>getAs("offenders")).as(r.toString()).isEqualTo(c.offenders());
            assertThat(r.<Long>getAs("reoffenders")).as(r.toString()).isEqualTo(c.reoffenders());
        }
    }

    @Test
    @Order(4)
    void aChangedModelFileChangesTheManifest() throws Exception {
        String json = Files.readString(store(out));
        String changed = json.replaceFirst("\"probability_two_random_records_match\" : [0-9.E-]+", "\"probability_two_random_records_match\" : 0.001");
        assertThat(changed).isNotEqualTo(json);
        Files.writeString(store(out), changed);
        LocalDate next = AS_OF.plusDays(1);
        night(out, CONF, next, true, new LinkageJob());
        Map<String, Object> link = link(manifest(out, next));
        assertThat(link.get("model_hash")).isEqualTo(LinkageModel.hash(changed.getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(link(first).get("model_hash"));
        assertThat(out.resolve("warehouse/linkage/models/archive").resolve(link.get("model_hash") + ".json")).exists();
    }

    @Test
    @Order(5)
    void aModelForAnotherEncodingIsRefused() throws Exception {
        Path conf = conf("conf-other-encoding", "    file: other-encoding.json");
        Files.writeString(conf.resolve("other-encoding.json"), Files.readString(store(out)).replace("salt=year_of_birth", "salt=none"));
        assertThatThrownBy(() -> night(out, conf, AS_OF, false, new LinkageJob())).isInstanceOf(SettingsException.class)
                .hasMessageContaining("salt=none").hasMessageContaining("train-linkage");
    }

    @Test
    @Order(6)
    void retrainingIsAnExplicitCommand() throws Exception {
        Path target = dir.resolve("retrained/linkage-model.json");
        CommandLine cl = ReoffendingCommand.commandLine();
        StringWriter text = new StringWriter();
        cl.setOut(new PrintWriter(text, true));
        int code = cl.execute("train-linkage", "--input", input.toString(), "--output", out.toString(), "--as-of", AS_OF.toString(),
                "--key-file", key.toString(), "--conf", CONF.toString(), "--model", target.toString());
        assertThat(code).as(text.toString()).isZero();
        LinkageModel m = LinkageModel.fromJson(Files.readAllBytes(target), "retrained");
        assertThat(m.training().records()).isEqualTo(recordPerson(out).size());
        assertThat(text.toString()).contains("train-linkage", "model_hash " + LinkageModel.hash(Files.readAllBytes(target)));
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
