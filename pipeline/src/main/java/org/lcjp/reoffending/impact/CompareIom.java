package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.measures.MeasureColumns;
import org.lcjp.reoffending.settings.ComparisonSettings;

/**
 * IOM pre/post with a difference in differences, per financial year and POOLED, overall (category ALL) and per IOM
 * category: each group's mean change (after - before) per person with a t interval, and on the IOM rows the matched
 * IOM people's mean change minus their comparison partners', with a Welch interval and p-value on the per-person
 * changes, comparison people reused counted at Kish's effective sample size. A comparison partner is in the period
 * and category of the adopted person it was matched to. Collects a few rows of sums per cell.
 */
public final class CompareIom {
    public static final String ALL = ComparisonRow.ALL;
    private static final String WEIGHT = MatchingColumns.WEIGHT;
    private static final String[][] MEASURES = {
        {IomPrePostRow.PROVEN_OFFENCES, PrePostOffending.BEFORE_OFFENCES, PrePostOffending.AFTER_OFFENCES},
        {IomPrePostRow.HARM_DAYS, PrePostOffending.BEFORE_HARM, PrePostOffending.AFTER_HARM}
    };
    private static final String CELL_PERIOD = "_cell_period";
    private static final String CELL_CATEGORY = "_cell_category";

    private final ComparisonSettings settings;
    private final ComparisonStatistics stats;

    public CompareIom(ComparisonSettings settings) {
        this.settings = settings;
        this.stats = new ComparisonStatistics(settings.confidence(), settings.power());
    }

    /**
     * @param rows    iom_pre_post rows
     * @param adopted adopted people with complete follow-up (POOLED, ALL)
     * @param matched of whom found a comparison partner
     */
    public record Result(List<IomPrePostRow> rows, long adopted, long matched) {}

    /** Per-group sums of one measure: people (matches), Σbefore, Σafter, the change's Σ and Σ², and Σw². */
    record Sums(long people, double before, double after, SampleSummary change, double weightSquares) {
        Sums plus(Sums o) {
            return new Sums(
                    people + o.people,
                    before + o.before,
                    after + o.after,
                    new SampleSummary(
                            change.weight() + o.change.weight(),
                            change.sum() + o.change.sum(),
                            change.sumOfSquares() + o.change.sumOfSquares()),
                    weightSquares + o.weightSquares);
        }

        /** The change at Kish's effective sample size: a comparison person matched twice is one person's data. */
        SampleSummary effectiveChange() {
            return OutcomeSummaries.effective(change.weight(), weightSquares, change.sum(), change.sumOfSquares());
        }
    }

    /** @param sample the IomSample output */
    public Result run(Dataset<Row> sample) {
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
        values.add(first(col(IomSample.MATCH_LEVEL)).as(IomSample.MATCH_LEVEL));
        for (int level = 1; level <= IomSample.LEVELS; level++) {
            // An adopted person is one row of weight 1; their level says how they were matched.
            aggs.add(sum(when(
                                    col(OutcomeSummaries.GROUP_NAME)
                                            .equalTo(IomSample.IOM)
                                            .and(col(IomSample.MATCH_LEVEL).equalTo(level)),
                                    col(WEIGHT))
                            .otherwise(0L))
                    .as("level_" + level));
        }
        Column[] cells = {
            struct(
                    col(ComparisonPeriods.PERIOD).as("p"),
                    col(IomSample.CATEGORY).as("c")),
            struct(col(ComparisonPeriods.PERIOD).as("p"), lit(ALL).as("c")),
            struct(lit(ComparisonRow.POOLED).as("p"), col(IomSample.CATEGORY).as("c")),
            struct(lit(ComparisonRow.POOLED).as("p"), lit(ALL).as("c"))
        };
        Dataset<Row> exploded = sample.withColumn("_cell", explode(array(cells)))
                .withColumn(CELL_PERIOD, col("_cell.p"))
                .withColumn(CELL_CATEGORY, col("_cell.c"));
        // A comparison person matched n times within a cell is one row with weight n.
        Dataset<Row> weighted = exploded.groupBy(
                        col(CELL_PERIOD),
                        col(CELL_CATEGORY),
                        col(OutcomeSummaries.GROUP_NAME),
                        col(IomSample.MATCHED),
                        col(MeasureColumns.PERSON_ID),
                        col(MeasureColumns.INDEX_DATE))
                .agg(count(lit(1)).as(WEIGHT), values.toArray(Column[]::new));
        List<Row> collected = weighted.groupBy(
                        CELL_PERIOD, CELL_CATEGORY, OutcomeSummaries.GROUP_NAME, IomSample.MATCHED)
                .agg(sum(col(WEIGHT)).as("people"), aggs.toArray(Column[]::new))
                .collectAsList();

        TreeSet<String[]> keys = new TreeSet<>(
                Comparator.<String[], String>comparing(k -> ComparisonRow.POOLED.equals(k[0]) ? "~" : k[0])
                        .thenComparing(k -> ALL.equals(k[1]) ? "" : k[1]));
        for (Row r : collected) {
            if (IomSample.IOM.equals(r.getAs(OutcomeSummaries.GROUP_NAME))) {
                keys.add(new String[] {r.getAs(CELL_PERIOD), r.getAs(CELL_CATEGORY)});
            }
        }
        if (keys.isEmpty()) {
            keys.add(new String[] {ComparisonRow.POOLED, ALL});
        }
        List<IomPrePostRow> rows = new ArrayList<>();
        long adopted = 0;
        long matched = 0;
        for (String[] key : keys) {
            List<Row> cell = collected.stream()
                    .filter(r -> key[0].equals(r.getAs(CELL_PERIOD)) && key[1].equals(r.getAs(CELL_CATEGORY)))
                    .toList();
            long[] byLevel = new long[IomSample.LEVELS];
            for (Row r : cell) {
                for (int level = 1; level <= IomSample.LEVELS; level++) {
                    byLevel[level - 1] += r.<Long>getAs("level_" + level);
                }
            }
            for (String[] m : MEASURES) {
                Sums iomAll = sums(cell, m[0], IomSample.IOM, null);
                Sums iomMatched = sums(cell, m[0], IomSample.IOM, true);
                Sums comparison = sums(cell, m[0], IomSample.COMPARISON, null);
                String note = iomMatched.people() + " of " + iomAll.people() + " IOM people matched" + levels(byLevel)
                        + "; difference in differences over the matched";
                boolean tooSmall = Math.min(iomMatched.people(), comparison.people()) < settings.minimumGroupSize();
                TestResult did =
                        tooSmall ? null : stats.welch(iomMatched.effectiveChange(), comparison.effectiveChange());
                Double share = iomAll.people() == 0 ? null : (double) iomMatched.people() / iomAll.people();
                rows.add(row(key, IomSample.IOM, m[0], iomAll, share, did, tooSmall, note));
                rows.add(row(key, IomSample.COMPARISON, m[0], comparison, null, null, tooSmall, null));
                if (ComparisonRow.POOLED.equals(key[0]) && ALL.equals(key[1]) && m == MEASURES[0]) {
                    adopted = iomAll.people();
                    matched = iomMatched.people();
                }
            }
        }
        return new Result(rows, adopted, matched);
    }

    private static String levels(long[] counts) {
        return " (" + counts[0] + " in the same quarter at the same prior offences and harm, " + counts[1]
                + " in the same year at banded offences and harm, " + counts[2] + " at banded offences only)";
    }

    private IomPrePostRow row(
            String[] key,
            String group,
            String measure,
            Sums s,
            Double share,
            TestResult did,
            boolean tooSmall,
            String note) {
        if (tooSmall) {
            String why = "Cannot compare: a group has fewer than " + settings.minimumGroupSize() + " people (" + group
                    + " " + s.people() + ")";
            return new IomPrePostRow(
                    key[0],
                    key[1],
                    group,
                    measure,
                    s.people(),
                    share,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    ComparisonRow.TOO_SMALL,
                    note == null ? why : note + "; " + why);
        }
        Interval ci = stats.meanInterval(s.effectiveChange());
        double n = s.people();
        return new IomPrePostRow(
                key[0],
                key[1],
                group,
                measure,
                s.people(),
                share,
                s.before(),
                s.after(),
                s.before() / n,
                s.after() / n,
                s.change().mean(),
                ci.low(),
                ci.high(),
                did == null ? null : did.difference(),
                did == null ? null : did.interval().low(),
                did == null ? null : did.interval().high(),
                did == null ? null : did.pValue(),
                ComparisonRow.OK,
                note);
    }

    private static Sums sums(List<Row> collected, String measure, String group, Boolean matched) {
        Sums total = new Sums(0, 0, 0, new SampleSummary(0, 0, 0), 0);
        for (Row r : collected) {
            if (r.<String>getAs(OutcomeSummaries.GROUP_NAME).equals(group)
                    && (matched == null || matched.equals(r.<Boolean>getAs(IomSample.MATCHED)))) {
                long people = r.getAs("people");
                total = total.plus(new Sums(
                        people,
                        r.getAs(measure + "_before"),
                        r.getAs(measure + "_after"),
                        new SampleSummary(people, r.getAs(measure + "_change"), r.getAs(measure + "_change_sq")),
                        r.<Double>getAs("w_sq")));
            }
        }
        return total;
    }
}
