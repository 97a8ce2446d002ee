package org.lcjp.reoffending.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lcjp.reoffending.measures.MeasureFixtures.d;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.settings.CohortSettings;

class TimeToReoffenceTest {
    private static final StructType EVENTS = new StructType()
            .add("person_id", DataTypes.StringType)
            .add("cohort_start", DataTypes.DateType)
            .add("cohort_end", DataTypes.DateType)
            .add("population", DataTypes.StringType)
            .add("index_date", DataTypes.DateType)
            .add("first_reoffence_date", DataTypes.DateType)
            .add("days_to_first_reoffence", DataTypes.IntegerType);

    private static Row event(String person, String population, String index, String first) {
        Integer days = first == null
                ? null
                : (int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(index), LocalDate.parse(first));
        return RowFactory.create(person, d("2024-01-01"), d("2024-03-31"), population, d(index), d(first), days);
    }

    private static List<Row> curve(List<Row> events, String asOf, String population) {
        LocalDate date = LocalDate.parse(asOf);
        Dataset<Row> e = CohortCalendar.of(
                        CohortSettings.defaults(),
                        MeasureFixtures.MEASURES,
                        LocalDate.of(2024, 1, 1),
                        DataCoverage.complete(date, date))
                .classify(MeasureFixtures.spark().createDataFrame(events, EVENTS));
        return new TimeToReoffence(CohortSettings.defaults())
                .build(e, date)
                .filter("population = '" + population + "'")
                .orderBy("day")
                .collectAsList();
    }

    @Test
    void finalCohortCurveWorkedByHand() {
        // Four people released 2024-01-01: two reoffend on day 10, one on day 100, one never (censored at day 366).
        List<Row> events = new ArrayList<>(List.of(
                event("A", "ADULT", "2024-01-01", "2024-01-11"),
                event("B", "ADULT", "2024-01-01", "2024-01-11"),
                event("C", "JUVENILE", "2024-01-01", "2024-04-10"),
                event("D", "ADULT", "2024-01-01", null)));
        List<Row> all = curve(events, "2026-01-01", "ALL");
        assertThat(all).hasSize(366);
        assertDay(all.get(0), 0, 4, 0, 0, 1.0);
        assertDay(all.get(9), 9, 4, 0, 0, 1.0);
        assertDay(all.get(10), 10, 4, 2, 0, 0.5); // 1 - 2/4
        assertDay(all.get(11), 11, 2, 0, 0, 0.5);
        assertDay(all.get(100), 100, 2, 1, 0, 0.25); // 0.5 * (1 - 1/2)
        assertDay(all.get(365), 365, 1, 0, 0, 0.25); // D leaves after day 365 (2024 is a leap year)
        assertThat(all).allMatch(r -> r.getAs("status").equals("FINAL"));
        List<Row> adults = curve(events, "2026-01-01", "ADULT");
        assertDay(adults.get(10), 10, 3, 2, 0, 1.0 / 3);
        assertDay(adults.get(100), 100, 1, 0, 0, 1.0 / 3);
    }

    @Test
    void provisionalCohortIsCensoredAtTheAsOfDate() {
        List<Row> events = List.of(
                event("A", "ADULT", "2024-01-01", "2024-01-11"), // event day 10
                event("B", "ADULT", "2024-01-01", null), // censored at 2024-03-01: day 60
                event("C", "ADULT", "2024-02-01", "2024-02-21")); // event day 20
        List<Row> all = curve(events, "2024-03-01", "ALL");
        assertDay(all.get(10), 10, 3, 1, 0, 2.0 / 3);
        assertDay(all.get(20), 20, 2, 1, 0, 1.0 / 3);
        assertDay(all.get(60), 60, 1, 0, 1, 1.0 / 3);
        assertDay(all.get(61), 61, 0, 0, 0, 1.0 / 3);
        assertThat(all)
                .allMatch(r -> r.getAs("status").equals("PROVISIONAL")
                        && r.getAs("status_reason").equals("FOLLOW_UP_NOT_ELAPSED"));
    }

    @Test
    void everyoneReoffendingOnOneDayTakesSurvivalToZero() {
        List<Row> all = curve(List.of(event("A", "ADULT", "2024-01-01", "2024-01-06")), "2026-01-01", "ALL");
        assertDay(all.get(5), 5, 1, 1, 0, 0.0);
        assertDay(all.get(6), 6, 0, 0, 0, 0.0);
    }

    private static void assertDay(Row r, int day, long atRisk, long events, long censored, double survival) {
        assertThat((Integer) r.getAs("day")).isEqualTo(day);
        assertThat((Long) r.getAs("at_risk")).as("at_risk day " + day).isEqualTo(atRisk);
        assertThat((Long) r.getAs("events")).as("events day " + day).isEqualTo(events);
        assertThat((Long) r.getAs("censored")).as("censored day " + day).isEqualTo(censored);
        assertThat((Double) r.getAs("survival")).as("survival day " + day).isCloseTo(survival, within(1e-9));
    }
}
