package org.lcjp.reoffending.measures;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.ProvenReoffendingColumns;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.settings.MeasuresSettings;

/**
 * Every cohort period from the first cohort to the one holding the as-of date, each with what the data supports
 * (methodology.md sections 2 and 4). Worked out in plain Java with LocalDate.plusMonths, exactly the contract's
 * arithmetic; a few hundred rows at most, joined to the index events as a broadcast table. This one calendar decides
 * which index events proven_reoffending, time_to_reoffence and the research release count, and their status.
 */
public final class CohortCalendar {
    /** Added to index events by {@link #classify}: the event's cohort is published. */
    public static final String IN_PUBLISHED_COHORT = "in_published_cohort";

    public static final String MONTHS_OBSERVED = ProvenReoffendingColumns.MONTHS_OBSERVED;
    public static final String STATUS = ProvenReoffendingColumns.STATUS;
    public static final String STATUS_REASON = ProvenReoffendingColumns.STATUS_REASON;

    private static final StructType SCHEMA = new StructType()
            .add("_calendar_start", DataTypes.DateType, false)
            .add(MONTHS_OBSERVED, DataTypes.IntegerType, false)
            .add(STATUS, DataTypes.StringType, false)
            .add(STATUS_REASON, DataTypes.StringType, true)
            .add(IN_PUBLISHED_COHORT, DataTypes.BooleanType, false);

    private final LocalDate firstCohort;
    private final DataCoverage coverage;
    private final List<CohortStatus> cohorts;

    private CohortCalendar(LocalDate firstCohort, DataCoverage coverage, List<CohortStatus> cohorts) {
        this.firstCohort = firstCohort;
        this.coverage = coverage;
        this.cohorts = List.copyOf(cohorts);
    }

    /**
     * @param firstCohort the first cohort published ({@link #firstCohort}); null publishes nothing (no proven offence)
     */
    public static CohortCalendar of(
            CohortSettings cohort, MeasuresSettings measures, LocalDate firstCohort, DataCoverage coverage) {
        List<CohortStatus> cohorts = new ArrayList<>();
        if (firstCohort != null) {
            for (LocalDate start = firstCohort;
                    !start.isAfter(coverage.asOf());
                    start = start.plusMonths(cohort.periodMonths())) {
                cohorts.add(status(cohort, measures, start, coverage));
            }
        }
        return new CohortCalendar(firstCohort, coverage, cohorts);
    }

    /**
     * The first cohort published: measures.first_cohort when set, else the first period starting at least
     * measures.history_years after the earliest disposal date of any proven offence; in both cases a date inside a
     * period means the next period. Null when there is no proven offence and no first cohort set.
     */
    public static LocalDate firstCohort(CohortSettings cohort, MeasuresSettings measures, LocalDate earliestDisposal) {
        LocalDate from = measures.firstCohort() != null
                ? measures.firstCohort()
                : earliestDisposal == null ? null : earliestDisposal.plusYears(measures.historyYears());
        if (from == null) {
            return null;
        }
        LocalDate start = periodStart(cohort, from);
        return start.isBefore(from) ? start.plusMonths(cohort.periodMonths()) : start;
    }

    /** First day of the cohort period holding the date (calendar quarter or year, as IndexEvents.cohortStart). */
    public static LocalDate periodStart(CohortSettings cohort, LocalDate date) {
        int month = cohort.periodMonths() == 12 ? 1 : (date.getMonthValue() - 1) / 3 * 3 + 1;
        return LocalDate.of(date.getYear(), month, 1);
    }

    static CohortStatus status(
            CohortSettings cohort, MeasuresSettings measures, LocalDate start, DataCoverage coverage) {
        LocalDate end = start.plusMonths(cohort.periodMonths()).minusDays(1);
        int full = cohort.finalAfterMonths();
        Optional<LocalDate> effective = coverage.effectiveDate();
        int months = effective.map(e -> monthsObserved(end, e, full)).orElse(0);
        boolean isFinal = effective.isPresent() && !end.plusMonths(full).isAfter(effective.get());
        String reason = null;
        if (!isFinal) {
            boolean asOfAllows = !end.plusMonths(full).isAfter(coverage.asOf());
            reason = asOfAllows
                    ? CohortStatus.DATA_INCOMPLETE + coverage.limitingDataset().orElseThrow()
                    : CohortStatus.FOLLOW_UP_NOT_ELAPSED;
        }
        boolean published = isFinal || months >= measures.provisionalMinMonths();
        return new CohortStatus(
                start,
                end,
                months,
                isFinal ? ProvenReoffendingColumns.STATUS_FINAL : ProvenReoffendingColumns.STATUS_PROVISIONAL,
                reason,
                published);
    }

    /** Whole months m (0..cap) with end + m months on or before the effective date. */
    static int monthsObserved(LocalDate end, LocalDate effective, int cap) {
        int m = 0;
        while (m < cap && !end.plusMonths(m + 1).isAfter(effective)) {
            m++;
        }
        return m;
    }

    public LocalDate firstCohort() {
        return firstCohort;
    }

    public DataCoverage coverage() {
        return coverage;
    }

    /** Every period from the first cohort to the as-of date's, published or not. */
    public List<CohortStatus> cohorts() {
        return cohorts;
    }

    public long count(boolean isFinal) {
        return cohorts.stream()
                .filter(c -> c.published() && c.isFinal() == isFinal)
                .count();
    }

    /**
     * Adds months_observed, status, status_reason and in_published_cohort to index events (by cohort_start); events
     * of a cohort before the first cohort get nulls and in_published_cohort false. One row in, one row out.
     */
    public Dataset<Row> classify(Dataset<Row> events) {
        List<Row> rows = cohorts.stream()
                .map(c -> RowFactory.create(
                        Date.valueOf(c.cohortStart()), c.monthsObserved(), c.status(), c.statusReason(), c.published()))
                .toList();
        SparkSession spark = events.sparkSession();
        Dataset<Row> table = spark.createDataFrame(rows, SCHEMA);
        return events.join(broadcast(table), col(MeasureColumns.COHORT_START).equalTo(col("_calendar_start")), "left")
                .drop("_calendar_start")
                .withColumn(IN_PUBLISHED_COHORT, coalesce(col(IN_PUBLISHED_COHORT), lit(false)));
    }
}
