package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.settings.CohortSettings;

/**
 * The periods of a comparison (methodology.md section 5): a person counts only when their follow-up and waiting
 * periods are in the data (index date + follow-up + waiting months on or before the effective date, as for a
 * FINAL cohort), and, when a first cohort is given (setting comparison.from_first_cohort), their index date lies in
 * a published cohort (on or after the first cohort, section 2); each is reported in the financial year of the index
 * date (April to March by default) and in POOLED, every financial year together.
 */
public final class ComparisonPeriods {
    public static final String PERIOD = "period";
    public static final String PERIOD_START = "period_start";
    public static final String PERIOD_END = "period_end";
    public static final String POOLED = ComparisonRow.POOLED;

    private final int completeAfterMonths;
    private final LocalDate effectiveDate;
    private final int yearStartMonth;
    private final LocalDate firstCohort;

    /**
     * @param effectiveDate  the effective date (methodology.md section 4); null when there is none: nobody counts
     * @param yearStartMonth first month of the financial year (comparison.financial_year_start_month, default 4)
     * @param firstCohort    the first day of the first published cohort (CohortCalendar.firstCohort); null: no bound
     */
    public ComparisonPeriods(
            CohortSettings cohort, LocalDate effectiveDate, int yearStartMonth, LocalDate firstCohort) {
        this.completeAfterMonths = cohort.finalAfterMonths();
        this.effectiveDate = effectiveDate;
        this.yearStartMonth = yearStartMonth;
        this.firstCohort = firstCohort;
    }

    public LocalDate effectiveDate() {
        return effectiveDate;
    }

    /** The follow-up and waiting periods after the date are both in the data. */
    public Column complete(Column indexDate) {
        return effectiveDate == null
                ? lit(false)
                : add_months(indexDate, completeAfterMonths).leq(lit(java.sql.Date.valueOf(effectiveDate)));
    }

    public LocalDate firstCohort() {
        return firstCohort;
    }

    /** The date lies in a published cohort: on or after the first cohort. */
    public Column published(Column indexDate) {
        return firstCohort == null ? lit(true) : indexDate.geq(lit(java.sql.Date.valueOf(firstCohort)));
    }

    /**
     * Rows whose date lies in a published cohort and has complete follow-up, with period, period_start and period_end
     * (its financial year; the first and last years hold only the dates that count).
     */
    public Dataset<Row> select(Dataset<Row> people, String dateColumn) {
        Column date = col(dateColumn);
        Column startYear =
                year(date).minus(when(month(date).lt(yearStartMonth), 1).otherwise(0));
        Column start = make_date(startYear, lit(yearStartMonth), lit(1));
        Column label = yearStartMonth == 1
                ? concat(lit("FY"), startYear.cast("string"))
                : concat(
                        lit("FY"),
                        startYear.cast("string"),
                        lit("-"),
                        lpad(pmod(startYear.plus(1), lit(100)).cast("string"), 2, "0"));
        return people.filter(published(date).and(complete(date)))
                .withColumn(PERIOD, label)
                .withColumn(PERIOD_START, start)
                .withColumn(PERIOD_END, date_sub(add_months(start, 12), 1));
    }

    /** Each row twice: in its financial year and in POOLED (period_start and period_end null), for one aggregation. */
    public static Dataset<Row> withPooled(Dataset<Row> periodRows) {
        Column own = struct(
                col(PERIOD).as("p"), col(PERIOD_START).as("s"), col(PERIOD_END).as("e"));
        Column pooled = struct(
                lit(POOLED).as("p"),
                lit(null).cast(DataTypes.DateType).as("s"),
                lit(null).cast(DataTypes.DateType).as("e"));
        return periodRows
                .withColumn("_period", explode(array(own, pooled)))
                .withColumn(PERIOD, col("_period.p"))
                .withColumn(PERIOD_START, col("_period.s"))
                .withColumn(PERIOD_END, col("_period.e"))
                .drop("_period");
    }

    /**
     * Collected per-period summaries (OutcomeSummaries keyed by period, period_start, period_end and optionally
     * subgroupColumn) as comparison cells: financial years in order, then POOLED; groups in name order.
     */
    public static Map<ComparisonTable.Cell, List<GroupOutcome>> cells(
            List<Row> summaries,
            String comparison,
            String method,
            String subgroupColumn,
            Function<Row, GroupOutcome> outcome) {
        List<Row> sorted = new ArrayList<>(summaries);
        sorted.sort(Comparator.comparing((Row r) -> POOLED.equals(r.getAs(PERIOD)) ? "~" : r.<String>getAs(PERIOD))
                .thenComparing(r -> subgroupColumn == null ? "" : r.<String>getAs(subgroupColumn))
                .thenComparing(r -> r.<String>getAs(OutcomeSummaries.GROUP_NAME)));
        Map<ComparisonTable.Cell, List<GroupOutcome>> cells = new LinkedHashMap<>();
        for (Row r : sorted) {
            ComparisonTable.Cell cell = new ComparisonTable.Cell(
                    comparison,
                    r.getAs(PERIOD),
                    localDate(r.getAs(PERIOD_START)),
                    localDate(r.getAs(PERIOD_END)),
                    method,
                    subgroupColumn == null ? ComparisonRow.ALL : r.getAs(subgroupColumn));
            cells.computeIfAbsent(cell, c -> new ArrayList<>()).add(outcome.apply(r));
        }
        return cells;
    }

    /** Collected dates are java.sql.Date, or LocalDate when the session uses the Java 8 time API. */
    static LocalDate localDate(Object value) {
        return value == null ? null : value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }
}
