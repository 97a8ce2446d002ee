package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.lcjp.reoffending.impact.MatchingColumns.DAYS_TO_FIRST_REOFFENCE;
import static org.lcjp.reoffending.impact.MatchingColumns.REOFFENCES;
import static org.lcjp.reoffending.impact.MatchingColumns.REOFFENDED;
import static org.lcjp.reoffending.impact.MatchingColumns.WEIGHT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Weighted sufficient statistics of the outcomes per comparison cell and group, in one aggregation: the job collects
 * the (small) result and {@link ComparisonTable} does the arithmetic. Input: person-level rows with the key
 * columns, {@code group_name}, {@code weight}, a 0/1 column (reoffended, or a need flag), reoffences and
 * days_to_first_reoffence (null for non-reoffenders).
 */
public final class OutcomeSummaries {
    public static final String GROUP_NAME = "group_name";
    static final String PEOPLE = "people";
    static final String W = "w";
    static final String W_SQ = "w_sq";
    static final String REOFFENDER_W_SQ = "reoffender_w_sq";
    static final String FLAG_SUM = "flag_sum";
    static final String REOFFENCES_SUM = "reoffences_sum";
    static final String REOFFENCES_SQ = "reoffences_sq";
    static final String REOFFENDERS = "reoffenders";
    static final String REOFFENDER_W = "reoffender_w";
    static final String DAYS_SUM = "days_sum";
    static final String DAYS_SQ = "days_sq";

    private OutcomeSummaries() {}

    public static Dataset<Row> summarise(Dataset<Row> people, String flagColumn, String... keys) {
        List<Column> groupBy = new ArrayList<>();
        for (String k : keys) {
            groupBy.add(col(k));
        }
        groupBy.add(col(GROUP_NAME));
        Column w = col(WEIGHT).cast("double");
        Column reoffender = col(REOFFENDED).equalTo(1);
        Column days = col(DAYS_TO_FIRST_REOFFENCE).cast("double");
        return people.groupBy(groupBy.toArray(Column[]::new))
                .agg(
                        count(lit(1)).as(PEOPLE),
                        sum(w).as(W),
                        sum(w.multiply(w)).as(W_SQ),
                        sum(w.multiply(col(flagColumn))).as(FLAG_SUM),
                        sum(w.multiply(col(REOFFENCES))).as(REOFFENCES_SUM),
                        sum(w.multiply(col(REOFFENCES)).multiply(col(REOFFENCES)))
                                .as(REOFFENCES_SQ),
                        count(when(reoffender, lit(1))).as(REOFFENDERS),
                        sum(when(reoffender, w).otherwise(0.0)).as(REOFFENDER_W),
                        sum(when(reoffender, w.multiply(w)).otherwise(0.0)).as(REOFFENDER_W_SQ),
                        sum(when(reoffender, w.multiply(days)).otherwise(0.0)).as(DAYS_SUM),
                        sum(when(reoffender, w.multiply(days).multiply(days)).otherwise(0.0))
                                .as(DAYS_SQ));
    }

    /** The reoffending measures of one collected summary row. */
    public static GroupOutcome reoffending(Row r) {
        long people = r.getAs(PEOPLE);
        double w = r.getAs(W);
        double wSq = r.getAs(W_SQ);
        Map<String, GroupOutcome.Measured> m = new LinkedHashMap<>();
        m.put(
                ComparisonRow.REOFFENDING_RATE,
                new GroupOutcome.Measured(
                        people, effective(w, wSq, r.<Double>getAs(FLAG_SUM), r.<Double>getAs(FLAG_SUM))));
        m.put(
                ComparisonRow.REOFFENCES_PER_OFFENDER,
                new GroupOutcome.Measured(
                        people, effective(w, wSq, r.<Double>getAs(REOFFENCES_SUM), r.<Double>getAs(REOFFENCES_SQ))));
        m.put(
                ComparisonRow.DAYS_TO_FIRST_REOFFENCE,
                new GroupOutcome.Measured(
                        r.<Long>getAs(REOFFENDERS),
                        effective(
                                r.getAs(REOFFENDER_W),
                                r.getAs(REOFFENDER_W_SQ),
                                r.<Double>getAs(DAYS_SUM),
                                r.<Double>getAs(DAYS_SQ))));
        return new GroupOutcome(r.getAs(GROUP_NAME), people, m);
    }

    /**
     * Weighted sums rescaled to Kish's effective sample size (Σw)²/Σw²: a control matched five times is one person's
     * information, not five, so intervals and tests must not count it five times. Means are unchanged; with every
     * weight 1 nothing changes.
     */
    static SampleSummary effective(double w, double wSq, double sum, double sumSq) {
        if (!(w > 0) || !(wSq > 0)) {
            return new SampleSummary(0, 0, 0);
        }
        double k = (w / wSq);
        return new SampleSummary(w * k, sum * k, sumSq * k);
    }

    /** The share of the group with the flag (a need), as NEED_SHARE. */
    public static GroupOutcome share(Row r) {
        long people = r.getAs(PEOPLE);
        double w = r.getAs(W);
        return new GroupOutcome(
                r.getAs(GROUP_NAME),
                people,
                Map.of(
                        ComparisonRow.NEED_SHARE,
                        new GroupOutcome.Measured(people, SampleSummary.ofProportion(r.<Double>getAs(FLAG_SUM), w))));
    }
}
