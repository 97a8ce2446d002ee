package org.lcjp.reoffending.linkage.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.testing.SparkTestSession;

class HeadlineSensitivityTest {
    private static final StructType CELLS = new StructType()
            .add("cohort_start", DataTypes.DateType)
            .add("cohort_end", DataTypes.DateType)
            .add("population", DataTypes.StringType)
            .add("dimension", DataTypes.StringType)
            .add("category", DataTypes.StringType)
            .add("offenders", DataTypes.LongType)
            .add("reoffenders", DataTypes.LongType)
            .add("status", DataTypes.StringType);

    private static Row cell(
            String start, String population, String dimension, long offenders, long reoffenders, String status) {
        LocalDate s = LocalDate.parse(start);
        return RowFactory.create(
                Date.valueOf(s),
                Date.valueOf(s.plusMonths(3).minusDays(1)),
                population,
                dimension,
                dimension.equals("ALL") ? "ALL" : "M",
                offenders,
                reoffenders,
                status);
    }

    @Test
    void headlineIsTheLatestFinalWholePopulationCell() {
        List<Row> rows = List.of(
                cell("2018-01-01", "ADULT", "ALL", 100, 30, "FINAL"),
                cell("2018-04-01", "ADULT", "ALL", 90, 27, "FINAL"),
                cell("2018-04-01", "ADULT", "SEX", 80, 20, "FINAL"),
                cell("2018-07-01", "ADULT", "ALL", 95, 10, "PROVISIONAL"),
                cell("2018-04-01", "JUVENILE", "ALL", 12, 4, "FINAL"),
                cell("2018-04-01", "ALL", "ALL", 102, 31, "FINAL"));
        Map<String, HeadlineSensitivity.Cell> h =
                HeadlineSensitivity.headline(SparkTestSession.get().createDataFrame(rows, CELLS));
        assertThat(h).containsOnlyKeys("ADULT", "JUVENILE");
        assertThat(h.get("ADULT"))
                .isEqualTo(new HeadlineSensitivity.Cell(LocalDate.of(2018, 4, 1), LocalDate.of(2018, 6, 30), 90, 27));
    }

    @Test
    void personsAreCountedPerVariant() {
        StructType recordPerson = new StructType()
                .add("agency", DataTypes.StringType)
                .add("dataset", DataTypes.StringType)
                .add("record_id", DataTypes.StringType)
                .add("person_id", DataTypes.StringType);
        StructType reclustered = new StructType()
                .add("match_threshold", DataTypes.DoubleType)
                .add("agency", DataTypes.StringType)
                .add("dataset", DataTypes.StringType)
                .add("record_id", DataTypes.StringType)
                .add("person_id", DataTypes.StringType);
        // r1, r2 are two persons at the main threshold and one at 0.80; r3 is re-clustered at 0.99 only; r4 is
        // untouched.
        var main = SparkTestSession.get()
                .createDataFrame(
                        List.of(
                                RowFactory.create("police", "outcomes", "r1", "P1"),
                                RowFactory.create("police", "outcomes", "r2", "P2"),
                                RowFactory.create("police", "outcomes", "r3", "P3"),
                                RowFactory.create("police", "outcomes", "r4", "P4")),
                        recordPerson);
        var there = SparkTestSession.get()
                .createDataFrame(
                        List.of(
                                RowFactory.create(0.80, "police", "outcomes", "r1", "T1"),
                                RowFactory.create(0.80, "police", "outcomes", "r2", "T1"),
                                RowFactory.create(0.99, "police", "outcomes", "r3", "T3")),
                        reclustered);
        Map<String, Long> persons =
                HeadlineSensitivity.persons(HeadlineSensitivity.variants(main, there, List.of(0.80, 0.99)));
        assertThat(persons)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        HeadlineSensitivity.prefix(0.80, true),
                        2L,
                        HeadlineSensitivity.prefix(0.80, false),
                        1L,
                        HeadlineSensitivity.prefix(0.99, true),
                        1L,
                        HeadlineSensitivity.prefix(0.99, false),
                        1L));
    }

    @Test
    void otherThresholdsAreTheMainFigureMinusTheirRecordsMainCountPlusTheirCountThere() {
        LocalDate s = LocalDate.of(2018, 4, 1);
        LocalDate e = LocalDate.of(2018, 6, 30);
        Map<String, HeadlineSensitivity.Cell> headline = Map.of(
                "ADULT",
                new HeadlineSensitivity.Cell(s, e, 90, 27),
                "JUVENILE",
                new HeadlineSensitivity.Cell(s, e, 12, 4));
        List<HeadlineSensitivity.Other> others = new ArrayList<>();
        // At 0.80 two adult offenders (one a reoffender) merge into one reoffender; juveniles untouched.
        others.add(new HeadlineSensitivity.Other(
                0.80,
                7,
                3,
                2,
                Map.of("ADULT", new HeadlineSensitivity.Cell(s, e, 2, 1)),
                Map.of("ADULT", new HeadlineSensitivity.Cell(s, e, 1, 1))));
        others.add(new HeadlineSensitivity.Other(0.99, 0, 0, 0, Map.of(), Map.of()));
        List<Row> rows = HeadlineSensitivity.table(SparkTestSession.get(), 0.95, 500, headline, others, 0.005)
                .collectAsList();
        Row adult80 = rows.stream()
                .filter(r -> r.getDouble(0) == 0.80 && r.getString(4).equals("ADULT"))
                .findFirst()
                .orElseThrow();
        assertThat(adult80.getLong(2)).as("persons").isEqualTo(499);
        assertThat(adult80.<Long>getAs("offenders")).isEqualTo(89);
        assertThat(adult80.<Long>getAs("reoffenders")).isEqualTo(27);
        assertThat(adult80.<Double>getAs("rate_change")).isEqualTo(27.0 / 89 - 27.0 / 90);
        assertThat(adult80.<Boolean>getAs("exceeds_tolerance")).isFalse();
        Row juvenile99 = rows.stream()
                .filter(r -> r.getDouble(0) == 0.99 && r.getString(4).equals("JUVENILE"))
                .findFirst()
                .orElseThrow();
        assertThat(juvenile99.<Long>getAs("offenders")).isEqualTo(12);
        assertThat(rows).hasSize(6).filteredOn(r -> r.getBoolean(1)).hasSize(2);
        assertThat(HeadlineSensitivity.exceeds(
                        HeadlineSensitivity.table(SparkTestSession.get(), 0.95, 500, headline, others, 0.001)
                                .collectAsList()))
                .isTrue();
    }
}
