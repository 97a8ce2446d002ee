package org.lcjp.reoffending.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.jobs.results.LinkResult;
import org.lcjp.reoffending.synthetic.GeneratorSettings;
import org.lcjp.reoffending.synthetic.SyntheticExtracts;
import org.lcjp.reoffending.testing.SparkTestSession;

/** With a truth folder beside the input, linkage_quality gains PRECISION / RECALL / F1 against it. */
class LinkageJobTruthTest {
    private static final Path CONF = Path.of("..", "conf");

    @Test
    void truthBesideTheInputAddsAccuracyRows() throws Exception {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path dir = Files.createTempDirectory("linkage-truth");
        Path input = dir.resolve("input");
        SyntheticExtracts.generate(
                new GeneratorSettings(
                        40,
                        2019,
                        2019,
                        5,
                        GeneratorSettings.CHECKPOINT_TRUE_EFFECT_DEFAULT,
                        CONF.resolve("reference/offences.csv"),
                        CONF.resolve("reference/areas.csv"),
                        1,
                        0.26,
                        0.06,
                        0.0,
                        0.0,
                        0.08,
                        0.06,
                        0.6),
                input,
                dir.resolve("input-truth"));
        RunContext ctx = TestRuns.context(input, dir.resolve("out"), LocalDate.of(2020, 1, 7));
        new IngestJob().run(SparkTestSession.get(), ctx);
        LinkResult r = new LinkageJob().run(SparkTestSession.get(), ctx);

        List<Row> rows = SparkTestSession.get()
                .read()
                .parquet(ctx.published(LinkageJob.QUALITY_TABLE).toString())
                .where("category = 'ALL' and metric in ('PRECISION', 'RECALL', 'F1')")
                .collectAsList();
        Map<String, Double> byMetric =
                rows.stream().collect(Collectors.toMap(x -> x.getString(0), x -> x.getDouble(2)));
        assertThat(byMetric).containsOnlyKeys("PRECISION", "RECALL", "F1");
        // No identity noise: the true linkage is the only sensible one.
        assertThat(byMetric.get("F1")).isGreaterThan(0.99);
        assertThat(r.truth()).isNotNull();
        assertThat(r.truth().f1()).isGreaterThan(0.99);
    }

    @Test
    void noTruthFolderNoTruthFile() throws Exception {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path dir = Files.createTempDirectory("linkage-no-truth");
        assertThat(LinkageJob.truthFile(
                        org.lcjp.reoffending.io.Storage.defaults(),
                        org.lcjp.reoffending.io.StoragePath.local(dir.resolve("input"))))
                .isNull();
        Files.createDirectories(dir.resolve("input-truth"));
        Files.writeString(dir.resolve("input-truth/record_person.csv"), "agency,dataset,record_id,person_id\n");
        assertThat(LinkageJob.truthFile(
                        org.lcjp.reoffending.io.Storage.defaults(),
                        org.lcjp.reoffending.io.StoragePath.local(dir.resolve("input"))))
                .isNotNull();
    }
}
