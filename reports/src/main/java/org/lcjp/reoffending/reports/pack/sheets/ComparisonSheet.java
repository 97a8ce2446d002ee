package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lcjp.reoffending.reports.pack.DisclosedComparisons;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.ComparisonRow;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Periods;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/** The rows of one comparison of cohort_comparison (Checkpoint; women and men; needs), every period and method. */
public final class ComparisonSheet implements PackSheet {
    private final String name;
    private final String comparison;
    private final String contents;
    private final String title;
    private final List<String> notes;
    private final boolean subgroupColumn;

    private ComparisonSheet(String name, String comparison, String contents, String title, List<String> notes) {
        this(name, comparison, contents, title, notes, true);
    }

    private ComparisonSheet(
            String name, String comparison, String contents, String title, List<String> notes, boolean subgroupColumn) {
        this.name = name;
        this.comparison = comparison;
        this.contents = contents;
        this.title = title;
        this.notes = notes;
        this.subgroupColumn = subgroupColumn;
    }

    /** RJ: its subgroups differ only in the group compared with, which the table shows already. */
    public static ComparisonSheet rj() {
        return new ComparisonSheet(
                "RJ_reoffending",
                "RJ",
                "Restorative justice: reoffending after a completed "
                        + "restorative process against offenders not referred and referrals that ended otherwise",
                "Restorative justice: reoffending after a completed restorative process",
                List.of("COMPARISONS", "RJ_MATCHING", "COMPARISON_DISCLOSURE"),
                false);
    }

    public static ComparisonSheet checkpoint() {
        return new ComparisonSheet(
                "Checkpoint",
                "DIVERSION",
                "Checkpoint: reoffending of people diverted against "
                        + "people prosecuted, as observed and after matching",
                "Checkpoint diversion: diverted against prosecuted",
                List.of("COMPARISONS", "MATCHING", "COMPARISON_DISCLOSURE"));
    }

    public static ComparisonSheet women() {
        return new ComparisonSheet(
                "Women",
                "SEX",
                "Female offenders: reoffending of women against men",
                "Female offenders: women against men",
                List.of("COMPARISONS", "COMPARISON_DISCLOSURE"));
    }

    public static ComparisonSheet needs() {
        return new ComparisonSheet(
                "Women_needs",
                "NEEDS",
                "Female offenders: needs of women and men, and reoffending " + "by need",
                "Female offenders: needs of women and men",
                List.of("COMPARISONS", "COMPARISON_DISCLOSURE"));
    }

    /** "April 2018 to March 2019", "All years pooled", or the cohort. */
    static String period(PackContext ctx, ComparisonRow r) {
        if (r.period() != null) {
            return DisclosedComparisons.POOLED.equals(r.period())
                    ? ctx.label("common", "POOLED")
                    : Periods.FinancialYear.parse(r.period())
                            .map(Periods.FinancialYear::label)
                            .orElse(r.period());
        }
        return r.cohortStart() == null ? "All years" : Periods.label(r.cohortStart(), r.cohortEnd());
    }

    @Override
    public Sheet build(PackContext ctx) {
        if (ctx.data().comparisons().isEmpty()) {
            return ctx.absent(name, contents, title, "cohort_comparison");
        }
        List<ComparisonRow> rows = ctx.data().comparisons().get().stream()
                .filter(r -> comparison.equals(r.comparison()))
                .sorted(Comparator.comparing(
                                (ComparisonRow r) -> DisclosedComparisons.POOLED.equals(r.period()) ? 0 : 1)
                        .thenComparing(
                                r -> Objects.toString(r.period(), Objects.toString(r.cohortStart(), "")),
                                Comparator.reverseOrder())
                        .thenComparing(r -> Objects.toString(r.measure(), ""))
                        .thenComparing(r -> Objects.toString(r.method(), ""), Comparator.reverseOrder())
                        .thenComparing(r -> Objects.toString(r.subgroup(), ""))
                        .thenComparing(r -> Objects.toString(r.groupName(), "")))
                .toList();
        if (rows.isEmpty()) {
            return new Sheet(
                    name,
                    contents,
                    title,
                    "This worksheet would contain one table; this comparison was not "
                            + "produced by this run, so it is not available [x].",
                    List.of(),
                    null,
                    List.of());
        }
        boolean subgroups = subgroupColumn && rows.stream().anyMatch(r -> !"ALL".equals(r.subgroup()));
        List<Column> columns = new ArrayList<>(
                List.of(Column.text("Period"), Column.text("Measure"), Column.text("Method"), Column.text("Group")));
        if (subgroups) {
            columns.add(Column.text("Need"));
        }
        columns.addAll(List.of(
                Column.count("People"),
                Column.decimal("Value"),
                Column.decimal("Lower 95% limit"),
                Column.decimal("Upper 95% limit"),
                Column.text("Compared with"),
                Column.decimal("Difference"),
                Column.decimal("Difference lower 95% limit"),
                Column.decimal("Difference upper 95% limit"),
                Column.pValue("p-value"),
                Column.text("Significant"),
                Column.text("Status")));
        List<List<Object>> table = new ArrayList<>();
        for (ComparisonRow r : rows) {
            DisclosedComparisons.Shown s = ctx.comparisons().shown(r);
            Column.Kind kind =
                    DisclosedComparisons.PROPORTIONS.contains(r.measure()) ? Column.Kind.PERCENT : Column.Kind.DECIMAL;
            List<Object> row = new ArrayList<>(List.of(
                    period(ctx, r),
                    ctx.label("measure", r.measure()),
                    ctx.label("method", r.method()),
                    ctx.label("group", r.groupName())));
            if (subgroups) {
                row.add(ctx.label("subgroup", r.subgroup()));
            }
            row.addAll(List.of(
                    s.people(),
                    new Formatted(s.value(), kind),
                    new Formatted(s.ciLow(), kind),
                    new Formatted(s.ciHigh(), kind),
                    r.referenceGroup() == null ? "None" : ctx.label("group", r.referenceGroup()),
                    new Formatted(s.difference(), kind),
                    new Formatted(s.differenceCiLow(), kind),
                    new Formatted(s.differenceCiHigh(), kind),
                    s.pValue(),
                    s.significant(),
                    ctx.label("comparison_status", r.status())));
            table.add(row);
        }
        return new Sheet(
                name,
                contents,
                title,
                "This worksheet contains one table: for each year and all years pooled, each group's size, its "
                        + "proportion who reoffended (or mean) with a 95% confidence interval, and the difference from "
                        + "the group it is compared with, with its interval and test.",
                List.of(ctx.notes().line(notes.toArray(String[]::new)), ctx.source("cohort_comparison")),
                new Table(name + "_comparison", columns, table),
                List.of());
    }

    /** The sheets of comparisons this pack knows. */
    public static final Set<String> COMPARISONS = Set.of("DIVERSION", "SEX", "NEEDS", "RJ");
}
