package org.lcjp.reoffending.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.DataQualityColumns;
import org.lcjp.reoffending.domain.FileReport;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.settings.MeasuresSettings;

/** The rules of data coverage, status and the first cohort (methodology.md sections 2 and 4), each boundary both ways. */
class CohortCalendarTest {
    private static final CohortSettings QUARTERS = CohortSettings.defaults();
    private static final MeasuresSettings FROM_2016 =
            MeasuresSettings.defaults().withFirstCohort(LocalDate.of(2016, 1, 1));

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    /** Police and YOS up to the as-of date, courts up to {@code courts}. */
    private static DataCoverage coverage(String asOf, String courts) {
        Map<String, LocalDate> m =
                new LinkedHashMap<>(DataCoverage.complete(d(asOf), d(asOf)).coverage());
        m.put("courts/convictions", courts == null ? null : d(courts));
        return new DataCoverage(d(asOf), m);
    }

    private static CohortStatus q1of2024(DataCoverage coverage) {
        return CohortCalendar.of(QUARTERS, FROM_2016, d("2016-01-01"), coverage).cohorts().stream()
                .filter(c -> c.cohortStart().equals(d("2024-01-01")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void finalOnlyWhenTheDataCoversEighteenMonthsAfterTheCohortEnd() {
        // Q1 2024 ends 2024-03-31; + 18 months = 2025-09-30. The as-of date is later; courts limit the data.
        CohortStatus oneDayShort = q1of2024(coverage("2026-06-01", "2025-09-29"));
        assertThat(oneDayShort.status()).isEqualTo("PROVISIONAL");
        assertThat(oneDayShort.statusReason()).isEqualTo("DATA_INCOMPLETE:courts/convictions");
        assertThat(oneDayShort.monthsObserved()).isEqualTo(17);
        CohortStatus exactly = q1of2024(coverage("2026-06-01", "2025-09-30"));
        assertThat(exactly.status()).isEqualTo("FINAL");
        assertThat(exactly.statusReason()).isNull();
        assertThat(exactly.monthsObserved()).isEqualTo(18);
    }

    @Test
    void anAsOfDateTooEarlyIsFollowUpNotElapsed() {
        assertThat(q1of2024(coverage("2025-09-29", "2025-09-29")).statusReason())
                .isEqualTo("FOLLOW_UP_NOT_ELAPSED");
        assertThat(q1of2024(coverage("2025-09-30", "2025-09-30")).status()).isEqualTo("FINAL");
    }

    @Test
    void monthsObservedAreWholeMonthsFromTheCohortEndCappedAtEighteen() {
        LocalDate end = d("2024-03-31");
        assertThat(CohortCalendar.monthsObserved(end, d("2024-03-30"), 18)).isZero();
        assertThat(CohortCalendar.monthsObserved(end, d("2024-04-29"), 18)).isZero();
        assertThat(CohortCalendar.monthsObserved(end, d("2024-04-30"), 18)).isEqualTo(1); // plusMonths clamps: 30 April
        assertThat(CohortCalendar.monthsObserved(end, d("2024-06-29"), 18)).isEqualTo(2);
        assertThat(CohortCalendar.monthsObserved(end, d("2024-06-30"), 18)).isEqualTo(3);
        assertThat(CohortCalendar.monthsObserved(end, d("2031-01-01"), 18)).isEqualTo(18);
    }

    @Test
    void aProvisionalCohortIsPublishedFromTheMinimumObservedMonths() {
        // Q4 2024 ends 2024-12-31: 3 months observed on 2025-03-31
        CohortCalendar short1 = CohortCalendar.of(
                QUARTERS, FROM_2016, d("2016-01-01"), DataCoverage.complete(d("2025-03-30"), d("2025-03-30")));
        CohortCalendar enough = CohortCalendar.of(
                QUARTERS, FROM_2016, d("2016-01-01"), DataCoverage.complete(d("2025-03-31"), d("2025-03-31")));
        assertThat(cohort(short1, "2024-10-01").published()).isFalse();
        assertThat(cohort(short1, "2024-10-01").monthsObserved()).isEqualTo(2);
        assertThat(cohort(enough, "2024-10-01").published()).isTrue();
        assertThat(cohort(enough, "2024-10-01").monthsObserved()).isEqualTo(3);
        assertThat(cohort(enough, "2025-01-01").published()).isFalse();
        MeasuresSettings none = FROM_2016.withProvisionalMinMonths(0);
        assertThat(cohort(
                                CohortCalendar.of(
                                        QUARTERS,
                                        none,
                                        d("2016-01-01"),
                                        DataCoverage.complete(d("2025-03-31"), d("2025-03-31"))),
                                "2025-01-01")
                        .published())
                .isTrue();
    }

    @Test
    void theFirstCohortIsThePeriodStartingAtLeastTheHistoryYearsAfterTheEarliestDisposal() {
        MeasuresSettings fiveYears = MeasuresSettings.defaults();
        assertThat(CohortCalendar.firstCohort(QUARTERS, fiveYears, d("2011-01-01")))
                .isEqualTo(d("2016-01-01"));
        assertThat(CohortCalendar.firstCohort(QUARTERS, fiveYears, d("2011-01-02")))
                .isEqualTo(d("2016-04-01"));
        assertThat(CohortCalendar.firstCohort(QUARTERS, fiveYears, d("2010-12-31")))
                .isEqualTo(d("2016-01-01"));
        assertThat(CohortCalendar.firstCohort(
                        CohortSettings.defaults(), new MeasuresSettings(null, 3, null, null), d("2011-03-04")))
                .isEqualTo(d("2014-04-01"));
        CohortSettings years = new CohortSettings("YEAR", null, null, null, null, null, null, null, null);
        assertThat(CohortCalendar.firstCohort(years, fiveYears, d("2011-03-04")))
                .isEqualTo(d("2017-01-01"));
        assertThat(CohortCalendar.firstCohort(QUARTERS, fiveYears, null)).isNull();
    }

    @Test
    void aFirstCohortSetInConfWinsAndADateInsideAPeriodMeansTheNext() {
        assertThat(CohortCalendar.firstCohort(QUARTERS, FROM_2016, d("1990-01-01")))
                .isEqualTo(d("2016-01-01"));
        MeasuresSettings midQuarter = MeasuresSettings.defaults().withFirstCohort(d("2016-02-15"));
        assertThat(CohortCalendar.firstCohort(QUARTERS, midQuarter, null)).isEqualTo(d("2016-04-01"));
        CohortCalendar calendar = CohortCalendar.of(
                QUARTERS, FROM_2016, d("2016-04-01"), DataCoverage.complete(d("2020-01-07"), d("2020-01-07")));
        assertThat(calendar.cohorts().get(0).cohortStart()).isEqualTo(d("2016-04-01"));
        assertThat(calendar.cohorts().get(calendar.cohorts().size() - 1).cohortStart())
                .isEqualTo(d("2020-01-01"));
    }

    @Test
    void anAsOfYearsAfterTheDataMarksNothingFinalTheDataCannotSupport() {
        // Every delivery ends 2020-01-07; the run is as of 2026. FINAL cohorts are those of a run as of 2020-01-07.
        CohortCalendar late = CohortCalendar.of(
                QUARTERS, FROM_2016, d("2016-01-01"), DataCoverage.complete(d("2026-03-01"), d("2020-01-07")));
        CohortCalendar onTime = CohortCalendar.of(
                QUARTERS, FROM_2016, d("2016-01-01"), DataCoverage.complete(d("2020-01-07"), d("2020-01-07")));
        assertThat(finalStarts(late)).isEqualTo(finalStarts(onTime)).last().isEqualTo(d("2018-04-01"));
        assertThat(late.cohorts())
                .filteredOn(c -> c.published() && !c.isFinal())
                .extracting(CohortStatus::statusReason)
                .containsOnly("DATA_INCOMPLETE:police/outcomes");
        assertThat(late.cohorts())
                .filteredOn(CohortStatus::published)
                .extracting(CohortStatus::cohortStart)
                .last()
                .isEqualTo(d("2019-07-01"));
        assertThat(late.coverage().effectiveDate()).contains(d("2020-01-07"));
        assertThat(onTime.coverage().limitingDataset()).isEmpty();
    }

    @Test
    void aDatasetThatProvesOffencesAndNeverDeliveredLeavesNoEffectiveDate() {
        DataCoverage coverage = coverage("2020-01-07", null);
        assertThat(coverage.effectiveDate()).isEmpty();
        assertThat(coverage.neverDelivered()).containsExactly("courts/convictions");
        assertThat(coverage.limitingDataset()).contains("courts/convictions");
        CohortCalendar calendar = CohortCalendar.of(QUARTERS, FROM_2016, d("2016-01-01"), coverage);
        assertThat(calendar.cohorts()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.status()).isEqualTo("PROVISIONAL");
            assertThat(c.monthsObserved()).isZero();
            assertThat(c.published()).isFalse();
        });
        assertThat(calendar.cohorts().get(0).statusReason()).isEqualTo("DATA_INCOMPLETE:courts/convictions");
    }

    @Test
    void coverageIsTheLatestDeliveryReadUpToTheAsOfDate() {
        List<FileReport> files = new ArrayList<>();
        files.add(file("police", "outcomes", "2020-01-07", DataQualityColumns.STATUS_READ));
        files.add(file("police", "outcomes", "2020-04-07", DataQualityColumns.STATUS_READ)); // after the as-of
        files.add(file("courts", "convictions", "2019-10-07", DataQualityColumns.STATUS_READ));
        files.add(file(
                "courts", "convictions", "2020-01-07", DataQualityColumns.STATUS_REJECTED_FILE)); // brought nothing
        files.add(file("yos", "outcomes", "2019-12-01", DataQualityColumns.STATUS_READ));
        DataCoverage c = DataCoverage.fromFiles(d("2020-02-01"), files);
        assertThat(c.coverage())
                .containsEntry("police/outcomes", d("2020-01-07"))
                .containsEntry("courts/convictions", d("2019-10-07"))
                .containsEntry("yos/outcomes", d("2019-12-01"))
                .containsEntry("prisons/releases", null);
        assertThat(c.effectiveDate()).contains(d("2019-10-07"));
        assertThat(c.limitingDataset()).contains("courts/convictions");
        assertThat(c.rows(d("2016-01-01")))
                .filteredOn(r -> r.getBoolean(3))
                .extracting(r -> r.getString(0))
                .containsExactly("courts/convictions");
    }

    private static FileReport file(String agency, String dataset, String date, String status) {
        return FileReport.notRead(
                agency + "/" + dataset + "/" + dataset + "_x.csv", agency, dataset, d(date), status, null);
    }

    private static CohortStatus cohort(CohortCalendar calendar, String start) {
        return calendar.cohorts().stream()
                .filter(c -> c.cohortStart().equals(d(start)))
                .findFirst()
                .orElseThrow();
    }

    private static List<LocalDate> finalStarts(CohortCalendar calendar) {
        return calendar.cohorts().stream()
                .filter(CohortStatus::isFinal)
                .map(CohortStatus::cohortStart)
                .toList();
    }
}
