package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.ReportingYears;
import org.lcjp.reoffending.reports.pack.model.Chart;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Rag;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;
import org.lcjp.reoffending.reports.performance.PerformanceRow;

/**
 * Every outcome measure of conf/targets.yaml in its latest period: value, target, RAG rating in words and colour,
 * change on the year and on the baseline with their intervals and significance; a trend chart of the measures
 * that are proportions. Values go through the same disclosure rules as the tables they come from.
 */
public final class PerformanceSheet implements PackSheet {
    public static final String NAME = "Performance";

    @Override
    public Sheet build(PackContext ctx) {
        String contents = "Each outcome measure against its target, with its rating and change";
        String title = "Performance against the partnership's targets";
        if (ctx.data().performance().isEmpty()) {
            return ctx.absent(NAME, contents, title, "performance");
        }
        List<PerformanceRow> all = ctx.data().performance().get();
        Map<String, List<PerformanceRow>> byMeasure = new LinkedHashMap<>();
        all.forEach(r ->
                byMeasure.computeIfAbsent(r.measureId(), k -> new ArrayList<>()).add(r));
        List<List<Object>> rows = new ArrayList<>();
        TreeMap<java.time.LocalDate, String> periods = new TreeMap<>();
        Map<String, Map<String, Double>> trend = new LinkedHashMap<>();
        for (List<PerformanceRow> rs : byMeasure.values()) {
            PerformanceRow latest = rs.stream()
                    .filter(PerformanceRow::available)
                    .max(Comparator.comparing(
                            PerformanceRow::periodStart, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .orElse(rs.get(0));
            Column.Kind kind = kind(latest.format());
            Figure value = value(ctx, latest);
            Figure previous = rs.stream()
                    .filter(o -> Objects.equals(o.period(), latest.previousPeriod()))
                    .findFirst()
                    .map(o -> value(ctx, o))
                    .orElse(Figure.NOT_AVAILABLE);
            Figure baseline = rs.stream()
                    .filter(o -> Objects.equals(o.period(), latest.baselinePeriod()))
                    .findFirst()
                    .map(o -> value(ctx, o))
                    .orElse(Figure.NOT_AVAILABLE);
            boolean yearWithheld = !value.isNumber() || (latest.previousPeriod() != null && !previous.isNumber());
            boolean baseWithheld = !value.isNumber()
                    || (latest.baselinePeriod() != null
                            && !baseline.isNumber()
                            && !latest.baselinePeriod().equals(latest.period()));
            Object rating = latest.rag() == null || !value.isNumber()
                    ? Figure.NOT_AVAILABLE
                    : new Rag(latest.rag(), ctx.label("rag", latest.rag()));
            rows.add(new ArrayList<>(List.of(
                    latest.title(),
                    latest.period() == null ? "Not available" : latest.period(),
                    new Formatted(value, kind),
                    new Formatted(Figure.of(latest.target()), kind),
                    ctx.label("direction", latest.direction()),
                    rating,
                    new Formatted(change(yearWithheld, latest.changeOnYear()), kind),
                    new Formatted(change(yearWithheld, latest.changeOnYearCiLow()), kind),
                    new Formatted(change(yearWithheld, latest.changeOnYearCiHigh()), kind),
                    significant(yearWithheld, latest.changeOnYear(), latest.changeOnYearSignificant()),
                    latest.baselinePeriod() == null ? Figure.NOT_AVAILABLE : latest.baselinePeriod(),
                    new Formatted(change(baseWithheld, latest.changeOnBaseline()), kind),
                    new Formatted(change(baseWithheld, latest.changeOnBaselineCiLow()), kind),
                    new Formatted(change(baseWithheld, latest.changeOnBaselineCiHigh()), kind),
                    significant(baseWithheld, latest.changeOnBaseline(), latest.changeOnBaselineSignificant()),
                    latest.available() ? (latest.note() == null ? "None" : latest.note()) : "[x] " + latest.note())));
            if ("PERCENT".equals(latest.format())) {
                for (PerformanceRow r : rs) {
                    Figure v = value(ctx, r);
                    if (r.available() && r.periodStart() != null && "FINAL".equals(r.status())) {
                        periods.put(r.periodStart(), r.period());
                        trend.computeIfAbsent(r.title(), k -> new LinkedHashMap<>())
                                .put(r.period(), v.number());
                    }
                }
            }
        }
        List<String> categories = new ArrayList<>(periods.values());
        List<Chart.Series> series = new ArrayList<>();
        trend.forEach((t, values) -> {
            if (values.values().stream().filter(Objects::nonNull).count() >= 2) {
                series.add(
                        new Chart.Series(t, categories.stream().map(values::get).toList()));
            }
        });
        List<Chart> charts = series.isEmpty()
                ? List.of()
                : List.of(new Chart(
                        Chart.Type.LINE,
                        "Measures that are proportions, by final year",
                        "Line chart of each performance measure that is a proportion over its final years; the figures and "
                                + "targets are in the table.",
                        categories,
                        series,
                        "0%"));
        return new Sheet(
                NAME,
                contents,
                title,
                "This worksheet contains one table: each outcome measure of the partnership's performance framework "
                        + "in its latest final period, its target, a rating (green, amber or red), and its change on the "
                        + "year before and on the baseline period with 95% confidence intervals.",
                List.of(ctx.notes().line("PERFORMANCE", "PERFORMANCE_CHANGE", "DISCLOSURE"), ctx.source("performance")),
                new Table(
                        "Performance",
                        List.of(
                                Column.text("Measure"),
                                Column.text("Period"),
                                Column.decimal("Value"),
                                Column.decimal("Target"),
                                Column.text("Direction"),
                                Column.text("Rating"),
                                Column.decimal("Change on the year before"),
                                Column.decimal("Change on the year lower 95% limit"),
                                Column.decimal("Change on the year upper 95% limit"),
                                Column.text("Change on the year significant"),
                                Column.text("Baseline period"),
                                Column.decimal("Change on baseline"),
                                Column.decimal("Change on baseline lower 95% limit"),
                                Column.decimal("Change on baseline upper 95% limit"),
                                Column.text("Change on baseline significant"),
                                Column.longText("Row notes")),
                        rows),
                charts);
    }

    static Column.Kind kind(String format) {
        return switch (format == null ? "" : format) {
            case "PERCENT" -> Column.Kind.PERCENT;
            case "COUNT" -> Column.Kind.COUNT;
            default -> Column.Kind.DECIMAL;
        };
    }

    /**
     * A measure's value as the pack may show it: withheld when the counts behind it are below the threshold, or when
     * the yearly table withholds the same figure (so no sheet gives away what another hides).
     */
    public static Figure value(PackContext ctx, PerformanceRow r) {
        if (!r.available() || r.value() == null) {
            return Figure.NOT_AVAILABLE;
        }
        int t = ctx.threshold();
        boolean withheld = switch (r.statistic()) {
            case "PROPORTION" ->
                small(r.denominator(), t)
                        || small(r.numerator(), t)
                        || (r.numerator() != null
                                && r.denominator() != null
                                && small(r.denominator() - r.numerator(), t));
            case "RATE" -> small(r.denominator(), t) || small(r.numerator(), t);
            case "RATIO" -> small(r.denominator(), t);
            case "COUNT" -> small(r.value(), t);
            default -> false;
        };
        if (!withheld && "proven_reoffending".equals(r.sourceTable()) && r.periodStart() != null) {
            withheld = yearly(ctx, r)
                    .map(s -> Figure.CONFIDENTIAL.equals(s.rate())
                            || Figure.CONFIDENTIAL.equals(s.reoffencesPerOffender())
                            || Figure.CONFIDENTIAL.equals(s.harmPerOffender()))
                    .orElse(false);
        }
        if (!withheld && "cohort_comparison".equals(r.sourceTable())) {
            withheld = comparisonWithheld(ctx, r);
        }
        withheld = withheld
                || RjActivitySheet.withholds(ctx, r)
                || FamilyOffendingSheet.withholds(ctx, r)
                || CheckpointActivitySheet.withholds(ctx, r)
                || IomReachSheet.withholds(ctx, r)
                || NeedsGapsSheet.withholds(ctx, r);
        return withheld ? Figure.CONFIDENTIAL : Figure.of(r.value());
    }

    /** A measure read from cohort_comparison is withheld when the comparison sheet withholds that row's figures. */
    private static boolean comparisonWithheld(PackContext ctx, PerformanceRow r) {
        Map<String, String> f = r.filterMap();
        return ctx.data().comparisons().orElse(List.of()).stream()
                .filter(c -> matches(f, "comparison", c.comparison())
                        && matches(f, "method", c.method())
                        && matches(f, "group_name", c.groupName())
                        && matches(f, "subgroup", c.subgroup())
                        && matches(f, "measure", c.measure())
                        && matches(f, "period", c.period())
                        && ComparisonSheet.period(ctx, c).equals(r.period()))
                .anyMatch(c -> {
                    var s = ctx.comparisons().shown(c);
                    return Figure.CONFIDENTIAL.equals(s.value()) || Figure.CONFIDENTIAL.equals(s.difference());
                });
    }

    private static boolean matches(Map<String, String> filters, String column, String value) {
        return !filters.containsKey(column) || filters.get(column).equals(value);
    }

    /** The yearly table's row for a proven_reoffending measure over a population as a whole. */
    private static Optional<org.lcjp.reoffending.reports.pack.DisclosedYears.Shown> yearly(
            PackContext ctx, PerformanceRow r) {
        Map<String, String> f = r.filterMap();
        String population = f.getOrDefault("population", "ALL");
        String dimension = f.getOrDefault("dimension", "ALL");
        String category = f.getOrDefault("category", "ALL");
        for (ReportingYears.Period p : ctx.years().periods()) {
            if (p.start().equals(r.periodStart()) && p.end().equals(r.periodEnd())) {
                Optional<ReportingYears.YearRow> row = ctx.years().row(p, population, dimension, category);
                if (row.isPresent()
                        && org.lcjp.reoffending.reports.pack.DisclosedYears.isShown(
                                row.get(), ctx.years().breakdownPeriods())) {
                    return Optional.of(ctx.disclosedYears().shown(row.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean small(Double v, int threshold) {
        return v != null && v >= 1 && v < threshold;
    }

    private static Figure change(boolean withheld, Double v) {
        return Figure.unless(withheld, v);
    }

    private static Object significant(boolean withheld, Double change, Boolean significant) {
        if (change == null) {
            return Figure.NOT_AVAILABLE;
        }
        if (withheld) {
            return Figure.CONFIDENTIAL;
        }
        return significant == null ? Figure.NOT_AVAILABLE : significant ? "Yes" : "No";
    }
}
