package org.lcjp.reoffending.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.synthetic.GeneratorSettings;
import org.lcjp.reoffending.synthetic.SyntheticExtracts;

/**
 * Known truth: the measures on generated extracts, linked by the generator's true record -> person map, equal the
 * figures of an independent plain-Java reading of methodology.md sections 1-4 (ReoffendingOracle).
 */
class GeneratedDataOracleTest {
    private static final Path REFERENCE = Path.of("..", "conf", "reference");

    @Test
    void measuresOnGeneratedDataMatchTheOracle() throws Exception {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path dir = Files.createTempDirectory("measures-oracle");
        GeneratorSettings g = new GeneratorSettings(
                Long.getLong("oracle.people", 300),
                2018,
                2019,
                11,
                GeneratorSettings.CHECKPOINT_TRUE_EFFECT_DEFAULT,
                REFERENCE.resolve("offences.csv"),
                REFERENCE.resolve("areas.csv"),
                2,
                0.26,
                0.06,
                0.0,
                0.0,
                0.08,
                0.06,
                0.6);
        SyntheticExtracts.generate(g, dir.resolve("in"), dir.resolve("truth"));

        Map<DatasetId, List<Map<String, String>>> rows = GeneratedExtracts.read(dir.resolve("in"));
        Map<String, String> personOf = new HashMap<>();
        List<Row> links = new ArrayList<>();
        for (CSVRecord r : csv(dir.resolve("truth").resolve("record_person.csv"))) {
            personOf.put(r.get("agency") + "/" + r.get("dataset") + "/" + r.get("record_id"), r.get("person_id"));
            links.add(RowFactory.create(
                    r.get("agency"), r.get("dataset"), r.get("record_id"), r.get("person_id"), "TRUTH", 1.0));
        }
        Map<String, String[]> offenceRef = new HashMap<>();
        for (CSVRecord r : csv(REFERENCE.resolve("offences.csv"))) {
            offenceRef.put(
                    r.get("offence_code").trim().toUpperCase(Locale.ROOT),
                    new String[] {r.get("offence_group"), r.get("is_breach"), r.get("harm_days")});
        }
        LocalDate asOf = LocalDate.of(2020, 1, 7);
        Map<String, long[]> expected =
                TruthFigures.published(ReoffendingOracle.cells(rows, personOf, offenceRef), asOf);

        Map<DatasetId, Dataset<Row>> staged = new HashMap<>();
        rows.forEach((id, list) -> staged.put(id, GeneratedExtracts.staged(id, list)));
        MeasureInputs in = new MeasureInputs(
                staged.get(Datasets.COURTS_CONVICTIONS),
                staged.get(Datasets.POLICE_OUTCOMES),
                staged.get(Datasets.YOS_OUTCOMES),
                staged.get(Datasets.PRISONS_RELEASES),
                new ArrayList<>(staged.values()),
                MeasureFixtures.spark().createDataFrame(links, RecordPersonColumns.SCHEMA),
                MeasureFixtures.spark()
                        .read()
                        .option("header", true)
                        .csv(REFERENCE.resolve("offences.csv").toString()),
                MeasureFixtures.spark()
                        .read()
                        .option("header", true)
                        .csv(REFERENCE.resolve("areas.csv").toString()));
        MeasureTables t = new MeasurePipeline(
                        CohortSettings.defaults(), MeasureFixtures.MEASURES, MeasureFixtures.CIPHER)
                .run(in, DataCoverage.complete(asOf, asOf), (table, d) -> d.localCheckpoint());
        Map<String, long[]> actual = new TreeMap<>();
        for (Row r : t.provenReoffending()
                .filter("dimension in ('ALL', 'SEX', 'INDEX_DISPOSAL', 'PREVIOUS_OFFENCES')")
                .collectAsList()) {
            actual.put(
                    r.getAs("cohort_start") + "/" + r.getAs("population") + "/" + r.getAs("dimension") + "/"
                            + r.getAs("category"),
                    new long[] {r.<Long>getAs("offenders"), r.<Long>getAs("reoffenders"), r.<Long>getAs("reoffences")});
        }

        assertThat(expected).as("oracle cells").isNotEmpty();
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach(
                (cell, figures) -> assertThat(actual.get(cell)).as(cell).containsExactly(figures));
        long offenders = expected.entrySet().stream()
                .filter(e -> e.getKey().endsWith("/ALL/ALL/ALL"))
                .mapToLong(e -> e.getValue()[0])
                .sum();
        System.out.println("Oracle test: " + expected.size() + " cells, " + offenders + " person-cohorts agree");
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(r)) {
            return p.getRecords();
        }
    }
}
