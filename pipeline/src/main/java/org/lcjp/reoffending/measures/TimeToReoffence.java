package org.lcjp.reoffending.measures;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.lcjp.reoffending.measures.MeasureColumns.*;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.lcjp.reoffending.domain.ProvenReoffendingColumns;
import org.lcjp.reoffending.settings.CohortSettings;

/**
 * Kaplan-Meier curve of time to first proven reoffence, per cohort and population, for days 0..365 (published as
 * time_to_reoffence). A person leaves the risk set at their first reoffence (an event) or at the end of what has
 * been observed: the end of follow-up, or for a PROVISIONAL cohort the censoring date if earlier (censored).
 * Survival at day t is the product over days s <= t of (1 - events(s) / at_risk(s)); at_risk(t) counts everyone not
 * out before day t. Each cohort carries its status, status_reason and months_observed from the {@link CohortCalendar}.
 */
public final class TimeToReoffence {
    public static final int LAST_DAY = 365;
    public static final List<String> COLUMNS = List.of(
            COHORT_START,
            COHORT_END,
            POPULATION,
            DAY,
            AT_RISK,
            EVENTS,
            CENSORED,
            SURVIVAL,
            STATUS,
            CohortCalendar.STATUS_REASON,
            CohortCalendar.MONTHS_OBSERVED);

    private final FollowUpWindow window;

    public TimeToReoffence(CohortSettings settings) {
        this.window = new FollowUpWindow(settings);
    }

    /**
     * @param events    index events of published cohorts with reoffences and their cohort's status columns
     * @param censoring the last day the data is taken to cover for PROVISIONAL cohorts (the effective date)
     */
    public Dataset<Row> build(Dataset<Row> events, LocalDate censoring) {
        Column followEnd = window.followUpEnd(col(INDEX_DATE));
        Column observedEnd = when(col(STATUS).equalTo(ProvenReoffendingColumns.STATUS_FINAL), followEnd)
                .otherwise(least(followEnd, lit(java.sql.Date.valueOf(censoring))));
        Column reoffended = col(FIRST_REOFFENCE_DATE)
                .isNotNull()
                .and(col(FIRST_REOFFENCE_DATE).leq(observedEnd));
        Dataset<Row> times = events.withColumn(
                        POPULATION, explode(array(col(POPULATION), lit(ProvenReoffendingColumns.POPULATION_ALL))))
                .select(
                        col(COHORT_START),
                        col(COHORT_END),
                        col(POPULATION),
                        col(STATUS),
                        col(CohortCalendar.STATUS_REASON),
                        col(CohortCalendar.MONTHS_OBSERVED),
                        when(reoffended, 1L).otherwise(0L).as("_event"),
                        greatest(
                                        lit(0),
                                        when(reoffended, col(DAYS_TO_FIRST_REOFFENCE))
                                                .otherwise(datediff(observedEnd, col(INDEX_DATE))))
                                .as("_time"));
        String[] curve = {COHORT_START, COHORT_END, POPULATION};
        Dataset<Row> totals = times.groupBy(
                        COHORT_START,
                        COHORT_END,
                        POPULATION,
                        STATUS,
                        CohortCalendar.STATUS_REASON,
                        CohortCalendar.MONTHS_OBSERVED)
                .agg(count(lit(1)).as("_n"));
        Dataset<Row> exits = times.groupBy(
                        col(COHORT_START),
                        col(COHORT_END),
                        col(POPULATION),
                        col("_time").as(DAY))
                .agg(
                        sum(col("_event")).as(EVENTS),
                        sum(lit(1L).minus(col("_event"))).as(CENSORED));
        Dataset<Row> days = events.sparkSession()
                .range(0, LAST_DAY + 1)
                .select(col("id").cast("int").as(DAY));
        Dataset<Row> grid = totals.crossJoin(days)
                .join(exits, new String[] {COHORT_START, COHORT_END, POPULATION, DAY}, "left")
                .withColumn(EVENTS, coalesce(col(EVENTS), lit(0L)))
                .withColumn(CENSORED, coalesce(col(CENSORED), lit(0L)));
        WindowSpec before = Window.partitionBy(curve[0], curve[1], curve[2])
                .orderBy(DAY)
                .rowsBetween(Window.unboundedPreceding(), -1);
        WindowSpec upTo = Window.partitionBy(curve[0], curve[1], curve[2])
                .orderBy(DAY)
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Dataset<Row> atRisk = grid.withColumn(
                AT_RISK,
                col("_n").minus(coalesce(sum(col(EVENTS).plus(col(CENSORED))).over(before), lit(0L))));
        // Product as exp(sum(log)); a day on which everyone at risk reoffends takes survival to exactly 0.
        Column allOut = col(EVENTS).gt(0).and(col(EVENTS).geq(col(AT_RISK)));
        Column logTerm = when(
                        col(EVENTS).gt(0).and(col(EVENTS).lt(col(AT_RISK))),
                        log(lit(1.0).minus(col(EVENTS).divide(col(AT_RISK)))))
                .otherwise(lit(0.0));
        return atRisk.withColumn("_log", logTerm)
                .withColumn("_zero", when(allOut, 1).otherwise(0))
                .withColumn(
                        SURVIVAL,
                        when(max(col("_zero")).over(upTo).equalTo(1), lit(0.0))
                                .otherwise(exp(sum(col("_log")).over(upTo))))
                .select(COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
    }
}
