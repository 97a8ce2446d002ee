package org.lcjp.reoffending.measures;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.lcjp.reoffending.measures.MeasureColumns.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.settings.CohortSettings;

/**
 * Proven reoffences after an index date (methodology.md section 3): committed after the index date and no later than
 * follow-up months after it, and proven no later than follow-up plus waiting months after it. Spark's add_months
 * clamps to the month end exactly as LocalDate.plusMonths does.
 */
public final class FollowUpWindow {
    private final int followUpMonths;
    private final int proofMonths;

    public FollowUpWindow(CohortSettings settings) {
        this(settings.followUpMonths(), settings.followUpMonths() + settings.waitingMonths());
    }

    public FollowUpWindow(int followUpMonths, int proofMonths) {
        this.followUpMonths = followUpMonths;
        this.proofMonths = proofMonths;
    }

    /** Whether an offence (offence date, disposal date) is a proven reoffence for an index date. */
    public Column isReoffence(Column indexDate, Column offenceDate, Column disposalDate) {
        return offenceDate
                .gt(indexDate)
                .and(offenceDate.leq(add_months(indexDate, followUpMonths)))
                .and(disposalDate.leq(add_months(indexDate, proofMonths)));
    }

    public Column followUpEnd(Column indexDate) {
        return add_months(indexDate, followUpMonths);
    }

    /**
     * Adds reoffences (long, 0 when none), reoffence_harm_days (their harm, 0 when none), first_reoffence_date and
     * days_to_first_reoffence (null when none) to any
     * Dataset with person_id and index_date, one row in, one row out.
     *
     * @param events any Dataset with person_id and index_date columns
     * @param proven ProvenOffences output (person_id, offence_date, disposal_date; harm_days when there)
     */
    public Dataset<Row> withReoffences(Dataset<Row> events, Dataset<Row> proven) {
        Dataset<Row> pairs = events.select(col(PERSON_ID), col(INDEX_DATE)).distinct();
        Dataset<Row> p = proven.select(
                col(PERSON_ID).as("_rp"),
                col(OFFENCE_DATE).as("_ro"),
                col(DISPOSAL_DATE).as("_rd"),
                StagedTables.optional(proven, HARM_DAYS, org.apache.spark.sql.types.DataTypes.DoubleType)
                        .as("_rh"));
        Dataset<Row> counted = pairs.join(
                        p,
                        col(PERSON_ID).equalTo(col("_rp")).and(isReoffence(col(INDEX_DATE), col("_ro"), col("_rd"))),
                        "left")
                .groupBy(PERSON_ID, INDEX_DATE)
                .agg(
                        count(col("_rp")).as(REOFFENCES),
                        min(col("_ro")).as(FIRST_REOFFENCE_DATE),
                        sum(coalesce(col("_rh"), lit(0.0))).as(REOFFENCE_HARM_DAYS));
        return events.join(counted, new String[] {PERSON_ID, INDEX_DATE}, "left")
                .withColumn(REOFFENCES, coalesce(col(REOFFENCES), lit(0L)))
                .withColumn(REOFFENCE_HARM_DAYS, coalesce(col(REOFFENCE_HARM_DAYS), lit(0.0)))
                .withColumn(DAYS_TO_FIRST_REOFFENCE, datediff(col(FIRST_REOFFENCE_DATE), col(INDEX_DATE)));
    }

    /**
     * The events as they are when they already carry reoffences (the measure stage's index_events do), else
     * {@link #withReoffences}: readers of an older warehouse count them here, by the same rule.
     */
    public Dataset<Row> withReoffencesIfMissing(Dataset<Row> events, Dataset<Row> proven) {
        return java.util.Arrays.asList(events.columns()).contains(REOFFENCES) ? events : withReoffences(events, proven);
    }
}
