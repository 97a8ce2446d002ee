package org.lcjp.reoffending.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.ProvenReoffendingColumns;
import org.lcjp.reoffending.settings.CohortSettings;

class ProvenReoffendingTest {

    private static MeasureFixtures mixedCohort() {
        return new MeasureFixtures()
                .person("A", "1990-01-01", "M", "WHITE", "DH1")
                .police("A", "T1", "2024-01-01", "2024-01-10", "ADULT_CAUTION")
                .police("A", "T1", "2024-02-01", "2024-02-10", "ADULT_CAUTION")
                .person("B", "2008-01-01", "F", "BLACK", "TS1")
                .yos("B", "V1", "2024-01-01", "2024-01-20", "REFERRAL_ORDER")
                .person("C", "1970-01-01", "U", "ASIAN", null)
                .release("C", "2024-03-01", 7.0)
                .court("C", "D1", "2024-04-01", "2024-05-01", "FINE");
    }

    @Test
    void hasExactlyThePublishedSchema() {
        Dataset<Row> t = mixedCohort().run("2026-01-01").provenReoffending();
        assertThat(t.schema()).isEqualTo(ProvenReoffendingColumns.SCHEMA);
    }

    @Test
    void everyDimensionCoversEveryOffenderOfEveryPopulation() {
        List<Row> rows = mixedCohort()
                .run("2026-01-01")
                .provenReoffending()
                .filter("cohort_start = '2024-01-01'")
                .collectAsList();
        Map<String, Long> byDimension = new HashMap<>();
        for (Row r : rows) {
            byDimension.merge(
                    r.getAs("population") + " " + r.getAs("dimension"), (Long) r.getAs("offenders"), Long::sum);
        }
        for (String population : List.of("ALL", "ADULT", "JUVENILE")) {
            long all = byDimension.get(population + " ALL");
            for (String dimension : ProvenReoffending.DIMENSIONS.keySet()) {
                if (!dimension.equals(ProvenReoffending.SENTENCE_LENGTH)) {
                    assertThat(byDimension.get(population + " " + dimension))
                            .as(population + " " + dimension)
                            .isEqualTo(all);
                }
            }
        }
        assertThat(byDimension)
                .containsEntry("ALL ALL", 3L)
                .containsEntry("ADULT ALL", 2L)
                .containsEntry("JUVENILE ALL", 1L)
                .containsEntry("ALL SENTENCE_LENGTH", 1L)
                .containsEntry("ADULT SENTENCE_LENGTH", 1L)
                .doesNotContainKey("JUVENILE SENTENCE_LENGTH");
        assertThat(rows)
                .filteredOn(r -> r.getAs("dimension").equals("SENTENCE_LENGTH"))
                .extracting(r -> (String) r.getAs("category"))
                .containsOnly("6-12M");
        assertThat(rows)
                .filteredOn(r -> r.getAs("population").equals("ALL")
                        && r.getAs("dimension").equals("ALL"))
                .extracting(r -> r.getAs("reoffenders") + " " + r.getAs("reoffences") + " "
                        + r.getAs("reoffences_per_reoffender"))
                .containsExactly("2 2 1.0");
    }

    @Test
    void aCohortIsFinalEighteenMonthsAfterItsEnd() {
        MeasureFixtures f = new MeasureFixtures().police("A", "T1", "2024-01-01", "2024-01-10", "ADULT_CAUTION");
        // Q1 2024 ends 2024-03-31; + 18 months = 2025-09-30
        assertThat(f.run("2025-09-30")
                        .provenReoffending()
                        .select("status")
                        .distinct()
                        .collectAsList())
                .extracting(r -> r.getString(0))
                .containsExactly("FINAL");
        assertThat(f.run("2025-09-29")
                        .provenReoffending()
                        .select("status")
                        .distinct()
                        .collectAsList())
                .extracting(r -> r.getString(0))
                .containsExactly("PROVISIONAL");
    }

    @Test
    void yearCohortsAreFinalEighteenMonthsAfterTheYearEnds() {
        MeasureFixtures f = new MeasureFixtures().police("A", "T1", "2024-01-01", "2024-01-10", "ADULT_CAUTION");
        CohortSettings years = MeasureFixtures.settings("YEAR", true);
        Row r = f.run(years, "2026-06-30").provenReoffending().first();
        assertThat(r.getAs("cohort_end").toString()).isEqualTo("2024-12-31");
        assertThat((String) r.getAs("status")).isEqualTo("FINAL");
        assertThat((String)
                        f.run(years, "2026-06-29").provenReoffending().first().getAs("status"))
                .isEqualTo("PROVISIONAL");
    }

    @Test
    void everyCellOfTheGrainComesFromOneAggregation() {
        Dataset<Row> events = mixedCohort().run("2026-01-01").indexEvents().localCheckpoint();
        Dataset<Row> t = new ProvenReoffending().cells(events);
        String plan = t.queryExecution().optimizedPlan().toString();
        assertThat(plan.split("Aggregate \\[", -1).length - 1).as(plan).isEqualTo(1);
    }
}
