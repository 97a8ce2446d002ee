package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.lcjp.reoffending.measures.MeasureColumns.DISPOSAL_DATE;
import static org.lcjp.reoffending.measures.MeasureColumns.HARM_DAYS;
import static org.lcjp.reoffending.measures.MeasureColumns.INDEX_DATE;
import static org.lcjp.reoffending.measures.MeasureColumns.OFFENCE_DATE;
import static org.lcjp.reoffending.measures.MeasureColumns.PERSON_ID;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.measures.FollowUpWindow;
import org.lcjp.reoffending.settings.CohortSettings;

/**
 * Proven offences and their harm in equal windows either side of a date (IOM adoption, or a comparison person's
 * pseudo-adoption): after = the proven-reoffence rule of {@link FollowUpWindow}; before = offences committed in
 * the follow-up length up to and including the date, proven within the waiting months after it, so both windows
 * allow the same time for proof. ProvenOffences already counts an offence reported twice once.
 */
public final class PrePostOffending {
    public static final String BEFORE_OFFENCES = "before_offences";
    public static final String BEFORE_HARM = "before_harm";
    public static final String AFTER_OFFENCES = "after_offences";
    public static final String AFTER_HARM = "after_harm";

    private final CohortSettings cohort;

    public PrePostOffending(CohortSettings cohort) {
        this.cohort = cohort;
    }

    /** @param dates one row per (person_id, index_date); @param proven ProvenOffences. One row in, one row out. */
    public Dataset<Row> build(Dataset<Row> dates, Dataset<Row> proven) {
        Column date = col(INDEX_DATE);
        Column offence = col("_po");
        Column before = offence.gt(add_months(date, -cohort.followUpMonths()))
                .and(offence.leq(date))
                .and(col("_pd").leq(add_months(date, cohort.waitingMonths())));
        Column after = new FollowUpWindow(cohort).isReoffence(date, offence, col("_pd"));
        Column harm = coalesce(col("_ph").cast("double"), lit(0.0));
        Dataset<Row> p = proven.select(
                col(PERSON_ID).as("_pp"),
                col(OFFENCE_DATE).as("_po"),
                col(DISPOSAL_DATE).as("_pd"),
                col(HARM_DAYS).as("_ph"));
        Dataset<Row> totals = dates.select(col(PERSON_ID), date)
                .distinct()
                .join(p, col(PERSON_ID).equalTo(col("_pp")).and(before.or(after)), "left")
                .groupBy(PERSON_ID, INDEX_DATE)
                .agg(
                        total(when(before, 1.0)).as(BEFORE_OFFENCES),
                        total(when(before, harm)).as(BEFORE_HARM),
                        total(when(after, 1.0)).as(AFTER_OFFENCES),
                        total(when(after, harm)).as(AFTER_HARM));
        return dates.join(totals, new String[] {PERSON_ID, INDEX_DATE}, "left");
    }

    private static Column total(Column c) {
        return coalesce(sum(c), lit(0.0));
    }
}
