package org.lcjp.reoffending.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.measures.GeneratedExtracts;
import org.lcjp.reoffending.measures.ProvenOffences;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.settings.ComparisonSettings;
import org.lcjp.reoffending.synthetic.GeneratorSettings;
import org.lcjp.reoffending.synthetic.StrategySettings;
import org.lcjp.reoffending.synthetic.SyntheticExtracts;
import org.lcjp.reoffending.testing.SparkTestSession;

/**
 * Known truth, fast: the generator's families and children (6,000 simulated offenders, clean identities), linked by
 * the generator's true record -> person map, through the Think Family library. The children it calls exposed are
 * exactly those the generator exposed, and the exposed-minus-not-exposed share of children offending, set to 0.06 in
 * the generator, is inside the published 95% interval (pooled, and in most single years). The full check on 20,000
 * people through the whole nightly run, five seeds, is StrategyTruthValidationTest (opt-in).
 */
class ThinkFamilyGeneratorTest {
    static final Path REFERENCE = Path.of("..", "conf", "reference");
    static final double GRADIENT = StrategySettings.DEFAULTS.intergenerationalGradient();
    static Map<String, Boolean> truthExposed = new HashMap<>();
    static Map<String, Boolean> found = new HashMap<>();
    static List<FamilyOffendingRow> rows;

    @BeforeAll
    static void generateAndMeasure() throws Exception {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path dir = Files.createTempDirectory("think-family-truth");
        GeneratorSettings g = new GeneratorSettings(Long.getLong("family.people", 6000), 2014, 2019, 20261207L,
                GeneratorSettings.CHECKPOINT_TRUE_EFFECT_DEFAULT, REFERENCE.resolve("offences.csv"),
                REFERENCE.resolve("areas.csv"), 3, 0.22, 0.06, 0.0, 0.0, 0.08, 0.06, 0.6);
        SyntheticExtracts.generate(g, dir.resolve("in"), dir.resolve("truth"));
        SparkSession spark = SparkTestSession.get();

        Map<DatasetId, List<Map<String, String>>> extracts = GeneratedExtracts.read(dir.resolve("in"));
        List<Row> links = new ArrayList<>();
        for (CSVRecord r : csv(dir.resolve("truth/record_person.csv"))) {
            links.add(RowFactory.create(r.get("agency"), r.get("dataset"), r.get("record_id"), r.get("person_id"), "TRUTH", 1.0));
        }
        Dataset<Row> recordPerson = spark.createDataFrame(links, RecordPersonColumns.SCHEMA);
        Dataset<Row> offences = spark.read().option("header", true).csv(REFERENCE.resolve("offences.csv").toString());
        Dataset<Row> proven = new ProvenOffences(CohortSettings.defaults()).build(
                GeneratedExtracts.staged(Datasets.COURTS_CONVICTIONS, extracts.get(Datasets.COURTS_CONVICTIONS)),
                GeneratedExtracts.staged(Datasets.POLICE_OUTCOMES, extracts.get(Datasets.POLICE_OUTCOMES)),
                GeneratedExtracts.staged(Datasets.YOS_OUTCOMES, extracts.get(Datasets.YOS_OUTCOMES)), recordPerson, offences)
                .cache();
        Dataset<Row> family = spark.createDataFrame(extracts.get(Datasets.FAMILY_LINKS).stream()
                        .map(f -> RowFactory.create(f.get("record_id"), f.get("family_ref"), f.get("role").toUpperCase()))
                        .toList(),
                new StructType().add("record_id", DataTypes.StringType).add("family_ref_token", DataTypes.StringType)
                        .add("role", DataTypes.StringType));
        List<Row> dobs = new ArrayList<>();
        for (CSVRecord p : csv(dir.resolve("truth/people.csv"))) {
            dobs.add(RowFactory.create(p.get("person_id"), ThinkFamilyTest.CIPHER.encrypt(LocalDate.parse(p.get("date_of_birth")))));
        }
        Dataset<Row> attributes = spark.createDataFrame(dobs, new StructType().add("person_id", DataTypes.StringType)
                .add("dob_cipher", DataTypes.BinaryType));
        for (CSVRecord m : csv(dir.resolve("truth/family_members.csv"))) {
            if (m.get("role").equals("CHILD")) {
                truthExposed.merge(m.get("person_id"), Boolean.parseBoolean(m.get("exposed")), Boolean::logicalOr);
            }
        }
        ThinkFamily tf = new ThinkFamily(ComparisonSettings.defaults(), CohortSettings.defaults(), ThinkFamilyTest.CIPHER);
        Dataset<Row> members = FamilyMembers.of(family, recordPerson);
        tf.children(members, proven.select("person_id", "disposal_date"), attributes).collectAsList()
                .forEach(r -> found.put(r.getAs("person_id"), r.<String>getAs("group_name").equals(FamilyOffendingRow.EXPOSED)));
        LocalDate history = proven.agg(org.apache.spark.sql.functions.min("disposal_date")).first().<Date>getAs(0).toLocalDate();
        Dataset<Row> noEvents = spark.createDataFrame(List.of(), new StructType().add("person_id", DataTypes.StringType)
                .add("cohort_start", DataTypes.DateType).add("cohort_end", DataTypes.DateType).add("reoffences", DataTypes.LongType));
        rows = tf.build(new ThinkFamily.Inputs(family, recordPerson, proven, attributes, noEvents, history,
                LocalDate.of(2020, 1, 7), List.of()));
        rows.stream().filter(r -> r.measureSet().equals(FamilyOffendingRow.CHILDREN_BY_YEAR) && r.difference() != null)
                .forEach(r -> System.out.printf("%s %s: %d/%d, difference %.4f [%.4f, %.4f]%n", r.period(), r.groupName(),
                        r.numerator(), r.denominator(), r.difference(), r.differenceCiLow(), r.differenceCiHigh()));
    }

    static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            return p.getRecords();
        }
    }

    @Test
    void theChildrenExposedAreThoseTheGeneratorExposed() {
        assertThat(truthExposed).hasSizeGreaterThan(1000);
        assertThat(new TreeMap<>(found)).isEqualTo(new TreeMap<>(truthExposed));
        assertThat(truthExposed.values()).contains(true, false);
    }

    @Test
    void thePooledDifferenceCoversTheTrueGradient() {
        FamilyOffendingRow pooled = rows.stream().filter(r -> r.measureSet().equals(FamilyOffendingRow.CHILDREN_BY_YEAR)
                && r.period().equals(FamilyOffendingRow.POOLED) && r.groupName().equals(FamilyOffendingRow.EXPOSED))
                .findFirst().orElseThrow();
        assertThat(pooled.status()).isEqualTo("OK");
        assertThat(pooled.differenceCiLow()).isLessThanOrEqualTo(GRADIENT);
        assertThat(pooled.differenceCiHigh()).isGreaterThanOrEqualTo(GRADIENT);
        assertThat(pooled.significant()).as("a gradient of 0.06 is found").isTrue();
    }

    @Test
    void mostSingleYearsCoverItToo() {
        List<FamilyOffendingRow> years = rows.stream().filter(r -> r.measureSet().equals(FamilyOffendingRow.CHILDREN_BY_YEAR)
                && !r.period().equals(FamilyOffendingRow.POOLED) && r.difference() != null).toList();
        assertThat(years).hasSizeGreaterThanOrEqualTo(5);
        long covering = years.stream().filter(r -> r.differenceCiLow() <= GRADIENT && GRADIENT <= r.differenceCiHigh()).count();
        assertThat(covering).as("years whose interval covers the truth").isGreaterThanOrEqualTo(years.size() - 2);
    }
}
