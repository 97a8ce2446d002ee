package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.measures.MeasureColumns;
import org.lcjp.reoffending.settings.ComparisonSettings;

/**
 * IOM pre/post with a difference in differences: each group's mean change (after - before) per person with a t
 * interval, and on the IOM rows the matched IOM people's mean change minus the comparison group's, with a Welch
 * interval and p-value on the per-person changes, comparison people reused counted at Kish's effective sample
 * size. Collects four rows of sums.
 */
public final class CompareIom {
    private static final String WEIGHT = MatchingColumns.WEIGHT;
    private static final String[][] MEASURES = {
            {IomPrePostRow.PROVEN_OFFENCES, PrePostOffending.BEFORE_OFFENCES, PrePostOffending.AFTER_OFFENCES},
            {IomPrePostRow.HARM_DAYS, PrePostOffending.BEFORE_HARM, PrePostOffending.AFTER_HARM}};

    private final ComparisonSettings settings;
    private final ComparisonStatistics stats;

    public CompareIom(ComparisonSettings settings) {
        this.settings = settings;
        this.stats = new ComparisonStatistics(settings.confidence(), settings.power());
    }

    /** Per-group sums of one measure: people (matches), Σbefore, Σafter, the change's Σ and Σ², and Σw². */
    record Sums(long people, double before, double after, SampleSummary change, double weightSquares) {
        Sums plus(Sums o) {
            return new Sums(people + o.people, before + o.before, after + o.after, new SampleSummary(
                    change.weight() + o.change.weight(), change.sum() + o.change.sum(),
                    change.sumOfSquares() + o.change.sumOfSquares()), weightSquares + o.weightSquares);
        }

        /** The change at Kish's effective sample size: a comparison person matched twice is one person's data. */
        SampleSummary effectiveChange() {
            return OutcomeSummaries.effective(change.weight(), weightSquares, change.sum(), change.sumOfSquares());
        }
    }

    /** @param sample the IomSample output */
    public List<IomPrePostRow> run(Dataset<Row> sample) {
        List<Column> values = new ArrayList<>();
        List<Column> aggs = new ArrayList<>();
        Column w = col(WEIGHT).cast("double");
        for (String[] m : MEASURES) {
            values.add(first(col(m[1])).as(m[1]));
            values.add(first(col(m[2])).as(m[2]));
            Column change = col(m[2]).minus(col(m[1]));
            aggs.add(sum(w.multiply(col(m[1]))).as(m[0] + "_before"));
            aggs.add(sum(w.multiply(col(m[2]))).as(m[0] + "_after"));
            aggs.add(sum(w.multiply(change)).as(m[0] + "_change"));
            aggs.add(sum(w.multiply(change).multiply(change)).as(m[0] + "_change_sq"));
        }
        aggs.add(sum(w.multiply(w)).as("w_sq"));
        // A comparison person matched n times is one row with weight n.
        Dataset<Row> weighted = sample.groupBy(col(OutcomeSummaries.GROUP_NAME), col(IomSample.MATCHED),
                        col(MeasureColumns.PERSON_ID), col(MeasureColumns.INDEX_DATE))
                .agg(count(lit(1)).as(WEIGHT), values.toArray(Column[]::new));
        List<Row> collected = weighted.groupBy(OutcomeSummaries.GROUP_NAME, IomSample.MATCHED)
                .agg(sum(col(WEIGHT)).as("people"), aggs.toArray(Column[]::new)).collectAsList();
        List<IomPrePostRow> rows = new ArrayList<>();
        for (String[] m : MEASURES) {
            Sums iomAll = sums(collected, m[0], IomSample.IOM, null);
            Sums iomMatched = sums(collected, m[0], IomSample.IOM, true);
            Sums comparison = sums(collected, m[0], IomSample.COMPARISON, null);
            String note = iomMatched.people() + " of " + iomAll.people()
                    + " IOM people matched; difference in differences over the matched";
            boolean tooSmall = Math.min(iomMatched.people(), comparison.people()) < settings.minimumGroupSize();
            TestResult did = tooSmall ? null : stats.welch(iomMatched.effectiveChange(), comparison.effectiveChange());
            rows.add(row(IomSample.IOM, m[0], iomAll, did, tooSmall, note));
            rows.add(row(IomSample.COMPARISON, m[0], comparison, null, tooSmall, null));
        }
        return rows;
    }

    private IomPrePostRow row(String group, String measure, Sums s, TestResult did, boolean tooSmall, String note) {
        if (tooSmall) {
            String why = "Cannot compare: a group has fewer than " + settings.minimumGroupSize() + " people (" + group
                    + " " + s.people() + ")";
            return new IomPrePostRow(group, measure, s.people(), null, null, null, null, null, null, null, null, null,
                    null, null, ComparisonRow.TOO_SMALL, note == null ? why : note + "; " + why);
        }
        Interval ci = stats.meanInterval(s.effectiveChange());
        double n = s.people();
        return new IomPrePostRow(group, measure, s.people(), s.before(), s.after(), s.before() / n, s.after() / n,
                s.change().mean(), ci.low(), ci.high(), did == null ? null : did.difference(),
                did == null ? null : did.interval().low(), did == null ? null : did.interval().high(),
                did == null ? null : did.pValue(), ComparisonRow.OK, note);
    }

    private static Sums sums(List<Row> collected, String measure, String group, Boolean matched) {
        Sums total = new Sums(0, 0, 0, new SampleSummary(0, 0, 0), 0);
        for (Row r : collected) {
            if (r.<String>getAs(OutcomeSummaries.GROUP_NAME).equals(group)
                    && (matched == null || matched.equals(r.<Boolean>getAs(IomSample.MATCHED)))) {
                long people = r.getAs("people");
                total = total.plus(new Sums(people, r.getAs(measure + "_before"), r.getAs(measure + "_after"),
                        new SampleSummary(people, r.getAs(measure + "_change"), r.getAs(measure + "_change_sq")),
                        r.<Double>getAs("w_sq")));
            }
        }
        return total;
    }
}
