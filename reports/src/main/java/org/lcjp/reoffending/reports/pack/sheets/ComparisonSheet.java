package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lcjp.reoffending.reports.pack.Cohorts;
import org.lcjp.reoffending.reports.pack.Column;
import org.lcjp.reoffending.reports.pack.DisclosedComparisons;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.BalanceRow;
import org.lcjp.reoffending.reports.pack.PackData.ComparisonRow;
import org.lcjp.reoffending.reports.pack.PanelPack;
import org.lcjp.reoffending.reports.pack.SheetWriter;

/** A sheet of cohort comparisons (Diversion; Women), one table per measure, with an interval chart of the rates. */
public final class ComparisonSheet {
    private static final List<String> MEASURES = List.of("REOFFENDING_RATE", "REOFFENCES_PER_OFFENDER",
            "DAYS_TO_FIRST_REOFFENCE", "NEED_SHARE");
    private final PackContext ctx;
    private final String sheetName;
    private final String title;
    private final Set<String> comparisons;
    private final boolean withBalance;

    private ComparisonSheet(PackContext ctx, String sheetName, String title, Set<String> comparisons, boolean withBalance) {
        this.ctx = ctx;
        this.sheetName = sheetName;
        this.title = title;
        this.comparisons = comparisons;
        this.withBalance = withBalance;
    }

    public static ComparisonSheet diversion(PackContext ctx) {
        return new ComparisonSheet(ctx, PanelPack.DIVERSION, "Checkpoint diversion: diverted against prosecuted",
                Set.of("DIVERSION"), true);
    }

    public static ComparisonSheet women(PackContext ctx) {
        return new ComparisonSheet(ctx, PanelPack.WOMEN, "Female offenders: women against men, and needs",
                Set.of("SEX", "NEEDS"), false);
    }

    public void write() {
        SheetWriter w = ctx.newSheet(sheetName);
        w.title(title);
        if (ctx.data().comparisons().isEmpty()) {
            w.paragraph("The cohort comparison table (cohort_comparison) was not produced this run.");
            return;
        }
        List<ComparisonRow> all = ctx.data().comparisons().get();
        List<ComparisonRow> rows = all.stream().filter(r -> comparisons.contains(r.comparison()))
                .sorted(Comparator.comparing(ComparisonRow::comparison)
                        .thenComparing(r -> r.cohortStart() == null ? "" : r.cohortStart().toString())
                        .thenComparing(r -> Objects.toString(r.method(), ""))
                        .thenComparing(r -> Objects.toString(r.subgroup(), ""))
                        .thenComparing(r -> Objects.toString(r.groupName(), "")))
                .toList();
        if (rows.isEmpty()) {
            w.paragraph("This comparison was not produced this run.");
            return;
        }
        w.note("Groups of fewer than 60 people are not compared: their rows say why (status TOO_SMALL).");
        w.note("Intervals are 95% confidence intervals; differences are against the reference group.");
        w.freezeHere();
        int n = 0;
        for (String measure : MEASURES) {
            List<ComparisonRow> m = rows.stream().filter(r -> measure.equals(r.measure())).toList();
            if (m.isEmpty()) {
                continue;
            }
            n++;
            w.subtitle("Table " + n + ": " + Cohorts.titleCase(measure));
            boolean proportion = DisclosedComparisons.PROPORTIONS.contains(measure);
            Column.Kind kind = proportion ? Column.Kind.PERCENT : Column.Kind.DECIMAL;
            boolean showComparison = m.stream().map(ComparisonRow::comparison).distinct().count() > 1;
            boolean showSubgroup = m.stream().anyMatch(r -> !"ALL".equals(r.subgroup()));
            boolean showCohort = m.stream().anyMatch(r -> r.cohortStart() != null);
            List<Column> columns = new ArrayList<>();
            if (showComparison) {
                columns.add(Column.shortText("Comparison"));
            }
            if (showCohort) {
                columns.add(Column.text("Cohort"));
            }
            columns.addAll(List.of(Column.shortText("Method"), Column.shortText("Group")));
            if (showSubgroup) {
                columns.add(Column.text("Subgroup"));
            }
            columns.addAll(List.of(Column.count("People"),
                    new Column("Value", kind), new Column("95% CI lower", kind), new Column("95% CI upper", kind),
                    Column.shortText("Reference group"), new Column("Difference", kind),
                    new Column("Difference CI lower", kind), new Column("Difference CI upper", kind),
                    Column.pValue("p-value"), Column.shortText("Significant"), Column.count("Sample size needed"),
                    Column.shortText("Status"), Column.longText("Note")));
            List<List<Object>> table = new ArrayList<>();
            for (ComparisonRow r : m) {
                DisclosedComparisons.Shown s = DisclosedComparisons.shown(r, all, ctx.threshold());
                List<Object> row = new ArrayList<>();
                if (showComparison) {
                    row.add(r.comparison());
                }
                if (showCohort) {
                    row.add(r.cohortStart() == null ? "All" : Cohorts.label(r.cohortStart(), r.cohortEnd()));
                }
                row.addAll(java.util.Arrays.asList(r.method(), r.groupName()));
                if (showSubgroup) {
                    row.add(r.subgroup());
                }
                row.addAll(java.util.Arrays.asList(s.people(), s.value(), s.ciLow(), s.ciHigh(), r.referenceGroup(),
                        s.difference(), s.differenceCiLow(), s.differenceCiHigh(), s.pValue(), s.significant(),
                        sampleSize(r.sampleSizeNeeded()), r.status(), r.note()));
                table.add(row);
            }
            String name = sheetName.replace(' ', '_') + "_" + measure.toLowerCase();
            w.table(name, columns, table);
            if (measure.equals("REOFFENDING_RATE")) {
                intervalChart(w, m, all);
            }
        }
        if (withBalance) {
            balance(w);
        }
    }

    private void intervalChart(SheetWriter w, List<ComparisonRow> rates, List<ComparisonRow> all) {
        List<ComparisonRow> overall = rates.stream().filter(r -> "ALL".equals(r.subgroup())).toList();
        if (overall.isEmpty()) {
            return;
        }
        IntervalChartData chart = new IntervalChartData("Reoffending rate");
        for (ComparisonRow r : overall) {
            DisclosedComparisons.Shown s = DisclosedComparisons.shown(r, all, ctx.threshold());
            String category = (r.cohortStart() == null ? "" : Cohorts.label(r.cohortStart(), r.cohortEnd()) + " ")
                    + Cohorts.titleCase(r.method()) + ": " + r.groupName();
            chart.add(category, s.value(), s.ciLow(), s.ciHigh());
        }
        w.subtitle("Chart: proportion who reoffended with 95% confidence intervals");
        chart.write(w, sheetName.replace(' ', '_') + "_rate_chart_data", "Group", Column.Kind.PERCENT,
                "Proportion who reoffended, with 95% confidence intervals",
                "Interval chart: for each group the proportion who reoffended (diamond) and its 95% confidence "
                        + "interval (error bar). Figures are in the reoffending rate table above.", "0%");
    }

    /** Not a count of people, but shown as one: the pack never shows a number from 1 to threshold - 1 as a count. */
    private Object sampleSize(Long n) {
        return n == null ? null : org.lcjp.reoffending.reports.pack.Figure.count(n, n >= 1 && n < ctx.threshold());
    }

    private void balance(SheetWriter w) {
        w.subtitle("Covariate balance before and after matching (standardised mean differences)");
        if (ctx.data().balance().isEmpty()) {
            w.paragraph("The covariate balance table (comparison_balance) was not produced this run.");
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (BalanceRow b : ctx.data().balance().get()) {
            if (comparisons.contains(b.comparison())) {
                rows.add(java.util.Arrays.asList(b.comparison(), b.covariate(), b.treatedMean(), b.controlMeanBefore(),
                        b.controlMeanAfter(), b.smdBefore(), b.smdAfter(), b.imbalancedAfter()));
            }
        }
        w.table(sheetName.replace(' ', '_') + "_balance", List.of(Column.text("Comparison"), Column.text("Covariate"),
                Column.decimal("Diverted mean"), Column.decimal("Comparison mean before"),
                Column.decimal("Comparison mean after"), Column.decimal("SMD before"), Column.decimal("SMD after"),
                Column.text("Imbalanced after matching")), rows);
    }
}
