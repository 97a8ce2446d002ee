package org.lcjp.reoffending.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.settings.ComparisonSettings;
import org.lcjp.reoffending.testing.SparkTestSession;

class PropensityMatchTest {
    private static final StructType SCORED = new StructType()
            .add(MatchingColumns.PERSON_ID, DataTypes.StringType)
            .add(MatchingColumns.TREATED, DataTypes.BooleanType)
            .add(MatchingColumns.LOGIT, DataTypes.DoubleType);
    private static final MatchingDesign DESIGN = new MatchingDesign(
            MatchingColumns.PERSON_ID, MatchingColumns.NUMERIC_COVARIATES, MatchingColumns.OFFENCE_GROUP, null);
    private final SparkSession spark = SparkTestSession.get();

    private Dataset<Row> scored(List<Row> rows) {
        return spark.createDataFrame(rows, SCORED);
    }

    private static ComparisonSettings caliper(double sd) {
        return new ComparisonSettings(null, sd, null, null, null, null, null, null, null, null);
    }

    @Test
    void matchesTheNearestControlWithReplacementAndDropsTreatedOutsideTheCaliper() {
        // logits 0, 0.08, 1, 5 (treated) and -0.3, 0.1, 0.95, 3 (controls): SD = 1.8002, caliper 0.5 SD = 0.900
        Dataset<Row> in = scored(List.of(
                RowFactory.create("t1", true, 0.0), RowFactory.create("t2", true, 0.08),
                RowFactory.create("t3", true, 1.0), RowFactory.create("t4", true, 5.0),
                RowFactory.create("c1", false, -0.3), RowFactory.create("c2", false, 0.1),
                RowFactory.create("c3", false, 0.95), RowFactory.create("c4", false, 3.0)));
        Map<String, String> pairs = new HashMap<>();
        new PropensityMatch(caliper(0.5), DESIGN)
                .nearestWithinCaliper(in)
                .collectAsList()
                .forEach(r -> pairs.put(r.getString(0), r.getString(1)));
        assertThat(pairs).containsExactlyInAnyOrderEntriesOf(Map.of("t1", "c2", "t2", "c2", "t3", "c3"));
    }

    @Test
    void agreesWithBruteForceOnRandomLogits() {
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        List<double[]> controls = new ArrayList<>();
        List<double[]> treated = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean t = i % 3 == 0;
            double logit = t ? random.nextGaussian() + 0.5 : random.nextGaussian();
            rows.add(RowFactory.create(String.format("p%03d", i), t, logit));
            (t ? treated : controls).add(new double[] {i, logit});
        }
        double mean = rows.stream().mapToDouble(r -> r.getDouble(2)).average().orElseThrow();
        double sd = Math.sqrt(rows.stream()
                        .mapToDouble(r -> Math.pow(r.getDouble(2) - mean, 2))
                        .sum()
                / (rows.size() - 1));
        double caliper = 0.05 * sd;
        Map<String, Double> expected = new HashMap<>();
        for (double[] t : treated) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] c : controls) {
                best = Math.min(best, Math.abs(t[1] - c[1]));
            }
            if (best <= caliper) {
                expected.put(String.format("p%03d", (int) t[0]), best);
            }
        }
        Map<String, Double> actual = new HashMap<>();
        new PropensityMatch(caliper(0.05), DESIGN)
                .nearestWithinCaliper(scored(rows))
                .collectAsList()
                .forEach(r -> actual.put(r.getString(0), r.getDouble(2)));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((id, d) -> assertThat(actual.get(id)).as(id).isCloseTo(d, within(1e-12)));
    }

    @Test
    void controlsUsedTwiceWeighTwo() {
        StructType people = new StructType()
                .add(MatchingColumns.PERSON_ID, DataTypes.StringType)
                .add(MatchingColumns.TREATED, DataTypes.BooleanType)
                .add(MatchingColumns.AGE, DataTypes.DoubleType)
                .add(MatchingColumns.FEMALE, DataTypes.DoubleType)
                .add(MatchingColumns.PREVIOUS_OFFENCES, DataTypes.DoubleType)
                .add(MatchingColumns.HARM_DAYS, DataTypes.DoubleType)
                .add(MatchingColumns.OFFENCE_GROUP, DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        // Treated are younger; the two treated aged 20 share their one 20-year-old control.
        rows.add(RowFactory.create("t1", true, 20.0, 0.0, 1.0, 10.0, "THEFT"));
        rows.add(RowFactory.create("t2", true, 20.0, 0.0, 1.0, 10.0, "THEFT"));
        rows.add(RowFactory.create("t3", true, 30.0, 0.0, 1.0, 10.0, "THEFT"));
        rows.add(RowFactory.create("c1", false, 20.0, 0.0, 1.0, 10.0, "THEFT"));
        rows.add(RowFactory.create("c2", false, 30.0, 0.0, 1.0, 10.0, "THEFT"));
        rows.add(RowFactory.create("c3", false, 40.0, 0.0, 1.0, 10.0, "THEFT"));
        rows.add(RowFactory.create("c4", false, 50.0, 0.0, 1.0, 10.0, "DRUGS"));
        Map<String, Long> weights = new HashMap<>();
        new PropensityMatch(caliper(0.2), DESIGN)
                .match(spark.createDataFrame(rows, people))
                .matched()
                .collectAsList()
                .forEach(r -> weights.put(r.getAs(MatchingColumns.PERSON_ID), r.getAs(MatchingColumns.WEIGHT)));
        assertThat(weights)
                .containsExactlyInAnyOrderEntriesOf(Map.of("t1", 1L, "t2", 1L, "t3", 1L, "c1", 2L, "c2", 1L));
    }

    @Test
    void aStratumIsMatchedOnlyInsideItself() {
        StructType schema = SCORED.add("year", DataTypes.StringType);
        Dataset<Row> in = spark.createDataFrame(
                List.of(
                        RowFactory.create("t1", true, 0.0, "A"), RowFactory.create("c1", false, 0.01, "B"),
                        RowFactory.create("c2", false, 0.3, "A"), RowFactory.create("t2", true, 2.0, "B"),
                        RowFactory.create("c3", false, 1.99, "A"), RowFactory.create("c4", false, 1.0, "C")),
                schema);
        MatchingDesign byYear = new MatchingDesign(MatchingColumns.PERSON_ID, List.of(), null, "year");
        Map<String, String> pairs = new HashMap<>();
        new PropensityMatch(caliper(1.0), byYear)
                .nearestWithinCaliper(in)
                .collectAsList()
                .forEach(r -> pairs.put(r.getString(0), r.getString(1)));
        assertThat(pairs).containsExactlyInAnyOrderEntriesOf(Map.of("t1", "c2"));
    }
}
