package org.lcjp.reoffending.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.settings.ComparisonSettings;
import org.lcjp.reoffending.synthetic.StrategySettings;
import org.lcjp.reoffending.testing.GeneratedPopulation;
import org.lcjp.reoffending.testing.SparkTestSession;

/**
 * Known truth, fast: the generator's families and children (6,000 simulated offenders, clean identities), linked by
 * the generator's true record -> person map, through the Think Family library. The children it calls exposed are
 * exactly those the generator exposed, and the exposed-minus-not-exposed share of children offending, set to 0.06 in
 * the generator, is inside the published 95% interval (pooled, and in most single years). The full check on 20,000
 * people through the whole nightly run, five seeds, is StrategyTruthValidationTest in jobs (opt-in).
 */
class ThinkFamilyGeneratorTest {
    static final double GRADIENT = StrategySettings.DEFAULTS.intergenerationalGradient();
    static Map<String, Boolean> truthExposed = new HashMap<>();
    static Map<String, Boolean> found = new HashMap<>();
    static List<FamilyOffendingRow> rows;

    @BeforeAll
    static void measure() throws Exception {
        GeneratedPopulation population = GeneratedPopulation.of(Long.getLong("truth.people", 6000), 20261207L);
        Dataset<Row> family = population
                .table(Datasets.FAMILY_LINKS, "record_id", "family_ref", "role")
                .withColumnRenamed("family_ref", "family_ref_token");
        for (CSVRecord m : GeneratedPopulation.csv(population.truth().resolve("family_members.csv"))) {
            if (m.get("role").equals("CHILD")) {
                truthExposed.merge(m.get("person_id"), Boolean.parseBoolean(m.get("exposed")), Boolean::logicalOr);
            }
        }
        ThinkFamily tf =
                new ThinkFamily(ComparisonSettings.defaults(), CohortSettings.defaults(), GeneratedPopulation.CIPHER);
        Dataset<Row> proven = population.proven();
        tf.children(
                        FamilyMembers.of(family, population.recordPerson()),
                        proven.select("person_id", "disposal_date"),
                        population.attributes())
                .collectAsList()
                .forEach(r -> found.put(
                        r.getAs("person_id"), r.<String>getAs("group_name").equals(FamilyOffendingRow.EXPOSED)));
        LocalDate history = proven.agg(org.apache.spark.sql.functions.min("disposal_date"))
                .first()
                .<Date>getAs(0)
                .toLocalDate();
        Dataset<Row> noEvents = SparkTestSession.get()
                .createDataFrame(
                        List.of(),
                        new StructType()
                                .add("person_id", DataTypes.StringType)
                                .add("cohort_start", DataTypes.DateType)
                                .add("cohort_end", DataTypes.DateType)
                                .add("reoffences", DataTypes.LongType));
        rows = tf.build(new ThinkFamily.Inputs(
                family,
                population.recordPerson(),
                proven,
                population.attributes(),
                noEvents,
                history,
                LocalDate.of(2020, 1, 7),
                List.of()));
        rows.stream()
                .filter(r -> r.measureSet().equals(FamilyOffendingRow.CHILDREN_BY_YEAR) && r.difference() != null)
                .forEach(r -> System.out.printf(
                        "%s %s: %d/%d, difference %.4f [%.4f, %.4f]%n",
                        r.period(),
                        r.groupName(),
                        r.numerator(),
                        r.denominator(),
                        r.difference(),
                        r.differenceCiLow(),
                        r.differenceCiHigh()));
    }

    @Test
    void theChildrenExposedAreThoseTheGeneratorExposed() {
        assertThat(truthExposed).hasSizeGreaterThan(1000);
        assertThat(new TreeMap<>(found)).isEqualTo(new TreeMap<>(truthExposed));
        assertThat(truthExposed.values()).contains(true, false);
    }

    @Test
    void thePooledDifferenceCoversTheTrueGradient() {
        FamilyOffendingRow pooled = rows.stream()
                .filter(r -> r.measureSet().equals(FamilyOffendingRow.CHILDREN_BY_YEAR)
                        && r.period().equals(FamilyOffendingRow.POOLED)
                        && r.groupName().equals(FamilyOffendingRow.EXPOSED))
                .findFirst()
                .orElseThrow();
        assertThat(pooled.status()).isEqualTo("OK");
        assertThat(pooled.differenceCiLow()).isLessThanOrEqualTo(GRADIENT);
        assertThat(pooled.differenceCiHigh()).isGreaterThanOrEqualTo(GRADIENT);
        assertThat(pooled.significant()).as("a gradient of 0.06 is found").isTrue();
    }

    @Test
    void mostSingleYearsCoverItToo() {
        List<FamilyOffendingRow> years = rows.stream()
                .filter(r -> r.measureSet().equals(FamilyOffendingRow.CHILDREN_BY_YEAR)
                        && !r.period().equals(FamilyOffendingRow.POOLED)
                        && r.difference() != null)
                .toList();
        assertThat(years).hasSizeGreaterThanOrEqualTo(5);
        long covering = years.stream()
                .filter(r -> r.differenceCiLow() <= GRADIENT && GRADIENT <= r.differenceCiHigh())
                .count();
        assertThat(covering).as("years whose interval covers the truth").isGreaterThanOrEqualTo(years.size() - 2);
    }
}
