package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.settings.ComparisonSettings;

/**
 * A treated group against its reference group (Checkpoint diverted against prosecuted; any scheme with a sample of
 * the same shape), as observed and after propensity matching inside each financial year, per financial year and
 * POOLED, with covariate balance before and after matching. Counting is done in Spark; the driver collects only
 * per-period, per-group sums and per-covariate moments, and does the arithmetic in plain Java.
 */
public final class TreatmentComparison {
    private static final List<String> MEASURES = List.of(
            ComparisonRow.REOFFENDING_RATE,
            ComparisonRow.REOFFENCES_PER_OFFENDER,
            ComparisonRow.DAYS_TO_FIRST_REOFFENCE);

    /** The comparison's name in cohort_comparison and the group names of its two arms. */
    public record Arms(String comparison, String treated, String reference) {}

    /**
     * @param rows           cohort_comparison rows, OBSERVED and MATCHED, per period and POOLED
     * @param balance        comparison_balance rows over every period (empty when matching was not possible)
     * @param treated        treated units in the sample (complete follow-up)
     * @param matchedTreated treated units matched within the caliper
     */
    public record Result(
            List<ComparisonRow> rows, List<BalanceTable.Balance> balance, long treated, long matchedTreated) {}

    private final ComparisonSettings settings;
    private final Arms arms;
    private final MatchingDesign design;

    public TreatmentComparison(ComparisonSettings settings, Arms arms, MatchingDesign design) {
        this.settings = settings;
        this.arms = arms;
        this.design = design;
    }

    /**
     * @param sample one row per unit: the design's id and covariates (a unit with a null covariate is not matched),
     *               group_name (the arms' names), treated, period, period_start, period_end (ComparisonPeriods.select),
     *               reoffences, reoffended (0/1) and days_to_first_reoffence; units of groups other than the
     *               two arms are left out (they must not become controls)
     */
    public Result run(Dataset<Row> sample) {
        // The model fit and every collect below read the sample and the scores: compute each once.
        Dataset<Row> persisted = sample.filter(col(OutcomeSummaries.GROUP_NAME).isin(arms.treated(), arms.reference()))
                .persist();
        try {
            return compare(persisted);
        } finally {
            persisted.unpersist();
        }
    }

    private Result compare(Dataset<Row> sample) {
        ComparisonTable table = new ComparisonTable(settings);
        Map<ComparisonTable.Cell, List<GroupOutcome>> observed =
                outcomes(sample.withColumn(MatchingColumns.WEIGHT, lit(1L)), ComparisonRow.OBSERVED);
        List<ComparisonRow> rows = new ArrayList<>();
        observed.forEach(
                (cell, groups) -> rows.addAll(table.rows(cell, arms.reference(), withBoth(groups), MEASURES, null)));

        Map<ComparisonTable.Cell, Long> treatedIn = new LinkedHashMap<>();
        observed.forEach((cell, groups) -> treatedIn.put(matchedCell(cell), people(groups, arms.treated())));
        long treated = treatedIn.entrySet().stream()
                .filter(e -> ComparisonRow.POOLED.equals(e.getKey().period()))
                .mapToLong(Map.Entry::getValue)
                .sum();
        long controls = observed.entrySet().stream()
                .filter(e -> ComparisonRow.POOLED.equals(e.getKey().period()))
                .mapToLong(e -> people(e.getValue(), arms.reference()))
                .sum();
        if (Math.min(treated, controls) < settings.minimumGroupSize()) {
            treatedIn
                    .keySet()
                    .forEach(cell -> rows.addAll(table.rows(
                            cell,
                            arms.reference(),
                            withBoth(List.of()),
                            MEASURES,
                            "Not matched: a group is below the minimum size over every financial year")));
            return new Result(rows, List.of(), treated, 0);
        }
        Column known = lit(true);
        for (String c : design.covariates()) {
            known = known.and(col(c).isNotNull());
        }
        PropensityMatch.MatchedSample fitted = new PropensityMatch(settings, design).match(sample.filter(known));
        Dataset<Row> scored = fitted.scored().persist();
        Dataset<Row> matchedUnits = fitted.matched().persist();
        try {
            Map<ComparisonTable.Cell, List<GroupOutcome>> after = outcomes(matchedUnits, ComparisonRow.MATCHED);
            long matchedTreated = 0;
            for (Map.Entry<ComparisonTable.Cell, Long> e : treatedIn.entrySet()) {
                List<GroupOutcome> groups = after.getOrDefault(e.getKey(), List.of());
                long matched = people(groups, arms.treated());
                if (ComparisonRow.POOLED.equals(e.getKey().period())) {
                    matchedTreated = matched;
                }
                String note = matched + " of " + e.getValue() + " " + arms.treated() + " matched within "
                        + settings.caliperSd()
                        + " SD of the logit in the same financial year; controls weighted by times used";
                rows.addAll(table.rows(e.getKey(), arms.reference(), withBoth(groups), MEASURES, note));
            }
            List<BalanceTable.Moment> moments = new CovariateBalance(design)
                    .moments(scored, matchedUnits).collectAsList().stream()
                            .map(r -> new BalanceTable.Moment(
                                    r.getAs(CovariateBalance.PHASE),
                                    r.<Boolean>getAs(MatchingColumns.TREATED),
                                    r.getAs(CovariateBalance.COVARIATE),
                                    r.<Double>getAs(CovariateBalance.W),
                                    r.<Double>getAs(CovariateBalance.SUM),
                                    r.<Double>getAs(CovariateBalance.SUM_SQ)))
                            .toList();
            return new Result(rows, BalanceTable.compute(moments, settings.imbalanceSmd()), treated, matchedTreated);
        } finally {
            matchedUnits.unpersist();
            scored.unpersist();
        }
    }

    /**
     * Observed rows only, labelled with a subgroup: the treated against a second reference group that is not matched
     * (RJ's completed processes against referrals that ended otherwise). Units of other groups are left out.
     */
    public List<ComparisonRow> observed(Dataset<Row> sample, String subgroup) {
        ComparisonTable table = new ComparisonTable(settings);
        Dataset<Row> arm = sample.filter(col(OutcomeSummaries.GROUP_NAME).isin(arms.treated(), arms.reference()));
        List<ComparisonRow> rows = new ArrayList<>();
        outcomes(arm.withColumn(MatchingColumns.WEIGHT, lit(1L)), ComparisonRow.OBSERVED)
                .forEach((cell, groups) -> rows.addAll(table.rows(
                        new ComparisonTable.Cell(
                                cell.comparison(),
                                cell.period(),
                                cell.cohortStart(),
                                cell.cohortEnd(),
                                cell.method(),
                                subgroup),
                        arms.reference(),
                        withBoth(groups),
                        MEASURES,
                        null)));
        return rows;
    }

    private Map<ComparisonTable.Cell, List<GroupOutcome>> outcomes(Dataset<Row> units, String method) {
        List<Row> summaries = OutcomeSummaries.summarise(
                        ComparisonPeriods.withPooled(units),
                        MatchingColumns.REOFFENDED,
                        ComparisonPeriods.PERIOD,
                        ComparisonPeriods.PERIOD_START,
                        ComparisonPeriods.PERIOD_END)
                .collectAsList();
        return ComparisonPeriods.cells(summaries, arms.comparison(), method, null, OutcomeSummaries::reoffending);
    }

    private static ComparisonTable.Cell matchedCell(ComparisonTable.Cell observed) {
        return new ComparisonTable.Cell(
                observed.comparison(),
                observed.period(),
                observed.cohortStart(),
                observed.cohortEnd(),
                ComparisonRow.MATCHED,
                observed.subgroup());
    }

    /** Both arms always appear, an absent one with no people (and so TOO_SMALL); other groups are left out. */
    private List<GroupOutcome> withBoth(List<GroupOutcome> groups) {
        List<GroupOutcome> out = new ArrayList<>(groups.stream()
                .filter(g ->
                        g.groupName().equals(arms.treated()) || g.groupName().equals(arms.reference()))
                .toList());
        for (String g : List.of(arms.treated(), arms.reference())) {
            if (out.stream().noneMatch(o -> o.groupName().equals(g))) {
                out.add(new GroupOutcome(g, 0, Map.of()));
            }
        }
        out.sort(Comparator.comparing(GroupOutcome::groupName));
        return out;
    }

    private static long people(List<GroupOutcome> groups, String name) {
        return groups.stream()
                .filter(g -> g.groupName().equals(name))
                .mapToLong(GroupOutcome::people)
                .sum();
    }
}
