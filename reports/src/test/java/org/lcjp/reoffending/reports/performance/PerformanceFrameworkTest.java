package org.lcjp.reoffending.reports.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerformanceFrameworkTest {
    static final List<Target> SHIPPED = Targets.load(Path.of("../conf/targets.yaml"));

    static Target target(String id) {
        return SHIPPED.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    /** proven_reoffending rows for ADULT/ALL/ALL: {cohort start, offenders, reoffenders, status}. */
    static SourceTable reoffending(Object[]... cohorts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] c : cohorts) {
            LocalDate start = (LocalDate) c[0];
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cohort_start", start);
            m.put("cohort_end", start.plusMonths(3).minusDays(1));
            m.put("population", "ADULT");
            m.put("dimension", "ALL");
            m.put("category", "ALL");
            m.put("offenders", c[1]);
            m.put("reoffenders", c[2]);
            m.put("reoffences", ((Long) c[2]) * 2);
            m.put("reoffending_rate", ((Long) c[2]).doubleValue() / (Long) c[1]);
            m.put("status", c[3]);
            rows.add(m);
        }
        return new SourceTable(
                "proven_reoffending",
                List.of(
                        "cohort_start",
                        "cohort_end",
                        "population",
                        "dimension",
                        "category",
                        "offenders",
                        "reoffenders",
                        "reoffences",
                        "reoffending_rate",
                        "status"),
                rows);
    }

    static Object[] q(String start, long offenders, long reoffenders, String status) {
        return new Object[] {LocalDate.parse(start), offenders, reoffenders, status};
    }

    @Test
    void quartersPoolIntoFinalFinancialYearsWithChangesAndRating() {
        SourceTable t = reoffending(
                q("2016-04-01", 100L, 30L, "FINAL"),
                q("2016-07-01", 100L, 30L, "FINAL"),
                q("2016-10-01", 100L, 30L, "FINAL"),
                q("2017-01-01", 100L, 30L, "FINAL"),
                q("2017-04-01", 100L, 20L, "FINAL"),
                q("2017-07-01", 100L, 20L, "FINAL"),
                q("2017-10-01", 100L, 20L, "FINAL"),
                q("2018-01-01", 100L, 24L, "FINAL"),
                q("2018-04-01", 100L, 10L, "PROVISIONAL"));
        List<PerformanceRow> rows = PerformanceFramework.compute(
                List.of(target("adult_reoffending_rate")), Map.of("proven_reoffending", t));
        assertThat(rows)
                .extracting(PerformanceRow::period)
                .containsExactly("April 2016 to March 2017", "April 2017 to March 2018");
        PerformanceRow latest = rows.get(1);
        assertThat(latest.value()).isEqualTo(84.0 / 400);
        assertThat(latest.numerator()).isEqualTo(84.0);
        assertThat(latest.denominator()).isEqualTo(400.0);
        assertThat(latest.rag())
                .as("21%% against a target of 25%%, lower is better")
                .isEqualTo("GREEN");
        assertThat(latest.previousPeriod()).isEqualTo("April 2016 to March 2017");
        assertThat(latest.changeOnYear()).isCloseTo(0.21 - 0.30, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(latest.changeOnYearSignificant()).isTrue();
        assertThat(latest.changeOnYearCiHigh()).isNegative();
        assertThat(latest.baselinePeriod()).isEqualTo("April 2016 to March 2017");
        assertThat(latest.changeOnBaseline()).isEqualTo(latest.changeOnYear());
        assertThat(rows.get(0).rag())
                .as("30%% is more than 2 points above 25%%")
                .isEqualTo("RED");
    }

    @Test
    void ratingIsGreenOnTheRightSideAmberWithinToleranceRedBeyond() {
        Target lower = target("adult_reoffending_rate");
        assertThat(PerformanceFramework.rag(lower, 0.25)).isEqualTo("GREEN");
        assertThat(PerformanceFramework.rag(lower, 0.26)).isEqualTo("AMBER");
        assertThat(PerformanceFramework.rag(lower, 0.27)).isEqualTo("AMBER");
        assertThat(PerformanceFramework.rag(lower, 0.2701)).isEqualTo("RED");
        Target higher = target("checkpoint_completion_rate");
        assertThat(PerformanceFramework.rag(higher, 0.9)).isEqualTo("GREEN");
        assertThat(PerformanceFramework.rag(higher, 0.77)).isEqualTo("AMBER");
        assertThat(PerformanceFramework.rag(higher, 0.7)).isEqualTo("RED");
    }

    @Test
    void anAbsentTableOrColumnIsNotAvailableAndNeverACrash() {
        List<PerformanceRow> rows = PerformanceFramework.compute(
                SHIPPED, Map.of("proven_reoffending", reoffending(q("2016-04-01", 100L, 30L, "FINAL"))));
        assertThat(rows)
                .filteredOn(r -> r.measureId().equals("rj_conferences"))
                .extracting(PerformanceRow::availability)
                .containsExactly(PerformanceRow.TABLE_ABSENT);
        assertThat(rows)
                .filteredOn(r -> r.measureId().equals("harm_per_offender"))
                .extracting(PerformanceRow::availability)
                .containsExactly(PerformanceRow.COLUMN_ABSENT);
        assertThat(rows)
                .filteredOn(r -> r.measureId().equals("adult_reoffending_rate"))
                .extracting(PerformanceRow::availability)
                .as("one quarter is not a whole final year")
                .containsExactly(PerformanceRow.NO_DATA);
        assertThat(rows.stream().map(PerformanceRow::measureId).distinct()).hasSize(SHIPPED.size());
    }

    @Test
    void aServiceTableLightsUpWhenItArrives() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String[] y : new String[][] {{"FY2017-18", "40"}, {"FY2018-19", "55"}}) {
            for (String category : List.of("CONFERENCE", "INDIRECT")) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("period", y[0]);
                m.put("measure", "OUTCOMES");
                m.put("category", category);
                m.put("count", category.equals("CONFERENCE") ? Long.parseLong(y[1]) : 7L);
                m.put("status", "FINAL");
                rows.add(m);
            }
        }
        List<PerformanceRow> out = PerformanceFramework.compute(
                List.of(target("rj_conferences")),
                Map.of(
                        "rj_activity",
                        new SourceTable("rj_activity", List.copyOf(rows.get(0).keySet()), rows)));
        assertThat(out).extracting(PerformanceRow::availability).containsOnly(PerformanceRow.AVAILABLE);
        PerformanceRow latest = out.get(1);
        assertThat(latest.period()).isEqualTo("April 2018 to March 2019");
        assertThat(latest.value()).isEqualTo(55.0);
        assertThat(latest.rag()).isEqualTo("GREEN");
        assertThat(latest.changeOnYear()).isEqualTo(15.0);
        assertThat(latest.changeOnYearCiLow())
                .as("Poisson: 15 +- 1.96 sqrt(95)")
                .isCloseTo(15 - 1.959964 * Math.sqrt(95), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(latest.changeOnYearSignificant()).isFalse();
    }

    @Test
    void theLargestGapIsTheLargerOfTheTwoGapsOverTheWholeArea() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] r : new Object[][] {
            {"ALL", "ALL", "DRUGS_OR_ALCOHOL", 50L, 30L},
            {"ALL", "ALL", "ACCOMMODATION", 40L, 8L},
            {"Durham", "ALL", "ACCOMMODATION", 10L, 9L},
            {"ALL", "F", "DRUGS_OR_ALCOHOL", 5L, 5L}
        }) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("period", "FY2018-19");
            m.put("local_authority", r[0]);
            m.put("sex", r[1]);
            m.put("need", r[2]);
            m.put("people_with_need", r[3]);
            m.put("people_without_service", r[4]);
            m.put("share_without_service", ((Long) r[4]).doubleValue() / (Long) r[3]);
            rows.add(m);
        }
        List<PerformanceRow> out = PerformanceFramework.compute(
                List.of(target("largest_gap_in_provision")),
                Map.of(
                        "needs_and_gaps",
                        new SourceTable(
                                "needs_and_gaps", List.copyOf(rows.get(0).keySet()), rows)));
        assertThat(out.get(0).value())
                .as("all areas, women and men: not one authority's or one sex's row")
                .isEqualTo(0.6);
        assertThat(out.get(0).numerator()).isEqualTo(30.0);
        assertThat(out.get(0).rag()).isEqualTo("RED");
    }

    @Test
    void theShippedTargetsCoverEveryMeasureOfSectionSeven() {
        assertThat(SHIPPED)
                .extracting(Target::id)
                .containsExactly(
                        "adult_reoffending_rate",
                        "juvenile_reoffending_rate",
                        "reoffences_per_offender",
                        "harm_per_offender",
                        "checkpoint_completion_rate",
                        "checkpoint_diverted_minus_prosecuted",
                        "iom_harm_reduction",
                        "rj_conferences",
                        "rj_victim_satisfaction",
                        "iom_highest_risk_share",
                        "intergenerational_offending_rate",
                        "largest_gap_in_provision",
                        "timeliness_months");
    }

    @Test
    void everyProblemOfATargetsFileIsReportedAtOnce() throws IOException {
        Path file = Files.createTempFile("targets", ".yaml");
        Files.writeString(file, """
                measures:
                  - id: ok_measure
                    title: fine
                    figure: {table: proven_reoffending, column: reoffending_rate, filters: {populaton: ADULT}}
                    direction: LOWER_IS_BETTER
                    target: 0.2
                    amber_tolerance: 0.01
                    baseline: 2016-17
                    colour: red
                  - id: ok_measure
                    title: twice
                    figure: {table: rj_activity, column: anything, statistic: PROPORTION}
                    direction: HIGHER_IS_BETTER
                    target: 1
                    amber_tolerance: 0
                    baseline: ALL
                """);
        assertThatThrownBy(() -> Targets.load(file))
                .isInstanceOf(Targets.InvalidTargets.class)
                .satisfies(e -> assertThat(((Targets.InvalidTargets) e).problems())
                        .hasSize(5)
                        .anySatisfy(p -> assertThat(p).contains("column 'anything' is not in rj_activity"))
                        .anySatisfy(p -> assertThat(p).contains("column 'populaton' is not in proven_reoffending"))
                        .anySatisfy(p -> assertThat(p).contains("unknown key 'colour'"))
                        .anySatisfy(p -> assertThat(p).contains("id used twice"))
                        .anySatisfy(p -> assertThat(p).contains("PROPORTION needs numerator and denominator")));
    }
}
