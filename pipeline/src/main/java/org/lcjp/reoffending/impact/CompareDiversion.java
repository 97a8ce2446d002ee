package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.settings.ComparisonSettings;

/**
 * Diverted against prosecuted, observed and after propensity matching. Counting is done in Spark; the job-side
 * part here collects only per-group sums (a handful of rows) and per-covariate moments, then does the arithmetic
 * in plain Java, as the EM step of the linkage does.
 */
public final class CompareDiversion {
    private static final List<String> MEASURES = List.of(ComparisonRow.REOFFENDING_RATE,
            ComparisonRow.REOFFENCES_PER_OFFENDER, ComparisonRow.DAYS_TO_FIRST_REOFFENCE);

    private final ComparisonSettings settings;

    public CompareDiversion(ComparisonSettings settings) {
        this.settings = settings;
    }

    /**
     * @param rows    cohort_comparison rows, OBSERVED and MATCHED
     * @param balance comparison_balance rows (empty when matching was not possible)
     * @param matchedTreated diverted people matched within the caliper
     */
    public record Result(List<ComparisonRow> rows, List<BalanceTable.Balance> balance, long matchedTreated) {
    }

    /** @param sample the DiversionSample output (group_name DIVERTED or PROSECUTED) */
    public Result run(Dataset<Row> sample) {
        // The model fit and every collect below read the sample and the scores: compute each once.
        Dataset<Row> persisted = sample.persist();
        try {
            return compare(persisted);
        } finally {
            persisted.unpersist();
        }
    }

    private Result compare(Dataset<Row> sample) {
        ComparisonTable table = new ComparisonTable(settings);
        List<GroupOutcome> observed = outcomes(sample.withColumn(MatchingColumns.WEIGHT, lit(1L)));
        List<ComparisonRow> rows = new ArrayList<>(table.rows(cell(ComparisonRow.OBSERVED),
                DiversionSample.PROSECUTED, withBoth(observed), MEASURES, null));

        Dataset<Row> matchable = sample.filter(col(MatchingColumns.AGE).isNotNull());
        long treated = people(observed, DiversionSample.DIVERTED);
        long controls = people(observed, DiversionSample.PROSECUTED);
        if (Math.min(treated, controls) < settings.minimumGroupSize()) {
            rows.addAll(table.rows(cell(ComparisonRow.MATCHED), DiversionSample.PROSECUTED, withBoth(observed), MEASURES,
                    "Not matched: a group is below the minimum size"));
            return new Result(rows, List.of(), 0);
        }
        PropensityMatch.MatchedSample fitted = new PropensityMatch(settings).match(matchable);
        Dataset<Row> scored = fitted.scored().persist();
        PropensityMatch.MatchedSample matched = new PropensityMatch.MatchedSample(scored, fitted.pairs(),
                fitted.matched().persist());
        try {
            return matchedResult(table, rows, matched, treated);
        } finally {
            matched.matched().unpersist();
            scored.unpersist();
        }
    }

    private Result matchedResult(ComparisonTable table, List<ComparisonRow> rows, PropensityMatch.MatchedSample matched,
                                 long treated) {
        List<GroupOutcome> after = outcomes(matched.matched());
        long matchedTreated = people(after, DiversionSample.DIVERTED);
        String note = matchedTreated + " of " + treated + " diverted matched within " + settings.caliperSd()
                + " SD of the logit; controls weighted by times used";
        rows.addAll(table.rows(cell(ComparisonRow.MATCHED), DiversionSample.PROSECUTED, withBoth(after), MEASURES, note));
        List<BalanceTable.Moment> moments = new CovariateBalance().moments(matched.scored(), matched.matched())
                .collectAsList().stream()
                .map(r -> new BalanceTable.Moment(r.getAs(CovariateBalance.PHASE), r.<Boolean>getAs(MatchingColumns.TREATED),
                        r.getAs(CovariateBalance.COVARIATE), r.<Double>getAs(CovariateBalance.W),
                        r.<Double>getAs(CovariateBalance.SUM), r.<Double>getAs(CovariateBalance.SUM_SQ)))
                .toList();
        return new Result(rows, BalanceTable.compute(moments, settings.imbalanceSmd()), matchedTreated);
    }

    private static ComparisonTable.Cell cell(String method) {
        return new ComparisonTable.Cell(ComparisonRow.DIVERSION, null, null, method, ComparisonRow.ALL);
    }

    private static List<GroupOutcome> outcomes(Dataset<Row> people) {
        return OutcomeSummaries.summarise(people, MatchingColumns.REOFFENDED).collectAsList().stream()
                .map(OutcomeSummaries::reoffending).toList();
    }

    /** Both groups always appear, an absent one with no people (and so TOO_SMALL). */
    private static List<GroupOutcome> withBoth(List<GroupOutcome> groups) {
        List<GroupOutcome> out = new ArrayList<>(groups.stream()
                .filter(g -> g.groupName().equals(DiversionSample.DIVERTED) || g.groupName().equals(DiversionSample.PROSECUTED))
                .toList());
        for (String g : List.of(DiversionSample.DIVERTED, DiversionSample.PROSECUTED)) {
            if (out.stream().noneMatch(o -> o.groupName().equals(g))) {
                out.add(new GroupOutcome(g, 0, java.util.Map.of()));
            }
        }
        out.sort(java.util.Comparator.comparing(GroupOutcome::groupName));
        return out;
    }

    private static long people(List<GroupOutcome> groups, String name) {
        return groups.stream().filter(g -> g.groupName().equals(name)).mapToLong(GroupOutcome::people).sum();
    }
}
