package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lcjp.reoffending.reports.disclosure.Suppression;
import org.lcjp.reoffending.reports.disclosure.SuppressionProblem;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.FamilyRow;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Periods;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;
import org.lcjp.reoffending.reports.performance.PerformanceRow;

/**
 * Think Family (family_offending, methodology section 9): children's offending exposed against not exposed, per
 * financial year and by age 18, offenders who are parents, and families with offending in two generations. Every
 * count (children, child-years, offenders, families) is treated as a count of people, in one suppression problem:
 * a share's count, the rest of its group and the group are tied; each period adds up to POOLED; offenders who are
 * parents are the parents' group and the others the non-parents'. A share and its difference go with their counts.
 */
public final class FamilyOffendingSheet implements PackSheet {
    static final String NAME = "Think_Family";
    private static final String TABLE = "family_offending";
    private static final List<String> SETS =
            List.of("CHILDREN_BY_YEAR", "BY_AGE_18", "OFFENDER_PARENTS", "TWO_GENERATIONS");
    private static final String POOLED = "POOLED";

    private record Key(String set, String period, String group, String measure, String what) {}

    public record Shown(
            Figure units,
            Figure with,
            Figure value,
            Figure ciLow,
            Figure ciHigh,
            Figure difference,
            Figure differenceCiLow,
            Figure differenceCiHigh,
            Figure pValue,
            Object significant) {}

    @Override
    public Sheet build(PackContext ctx) {
        String contents = "Think Family: offending by the children of offenders, and offenders who are parents";
        String title = "Think Family: children's offending by whether a parent has offended";
        if (ctx.data().familyOffending().isEmpty()) {
            return ctx.absent(NAME, contents, title, TABLE);
        }
        List<FamilyRow> rows = rows(ctx);
        Map<FamilyRow, Shown> shown = shown(ctx);
        List<List<Object>> table = new ArrayList<>();
        for (FamilyRow r : rows) {
            Shown s = shown.get(r);
            table.add(new ArrayList<>(List.of(
                    ctx.label("family_set", r.measureSet()),
                    period(ctx, r),
                    ctx.label("group", r.groupName()),
                    ctx.label("measure", r.measure()),
                    ctx.label("family_unit", r.unit()),
                    s.units(),
                    s.with(),
                    new Formatted(s.value(), Column.Kind.PERCENT),
                    new Formatted(s.ciLow(), Column.Kind.PERCENT),
                    new Formatted(s.ciHigh(), Column.Kind.PERCENT),
                    r.referenceGroup() == null ? "None" : ctx.label("group", r.referenceGroup()),
                    new Formatted(s.difference(), Column.Kind.PERCENT),
                    new Formatted(s.differenceCiLow(), Column.Kind.PERCENT),
                    new Formatted(s.differenceCiHigh(), Column.Kind.PERCENT),
                    s.pValue(),
                    s.significant(),
                    ctx.label("comparison_status", r.status()))));
        }
        return new Sheet(
                NAME,
                contents,
                title,
                "This worksheet contains one table: the share of children with a proven offence, children exposed to "
                        + "a parent's offending against children not exposed, each financial year and by age 18 per "
                        + "year of birth; the share of offenders who are parents and the reoffending of parents against "
                        + "others; and the share of families with offending in two generations, with 95% confidence "
                        + "intervals, differences and tests.",
                List.of(ctx.notes().line("THINK_FAMILY", "COMPARISONS", "DISCLOSURE"), ctx.source(TABLE)),
                new Table(
                        "Think_Family",
                        List.of(
                                Column.text("Measure set"),
                                Column.text("Period"),
                                Column.text("Group"),
                                Column.text("Measure"),
                                Column.text("Counting"),
                                Column.count("Counted"),
                                Column.count("With the outcome"),
                                Column.percent("Share"),
                                Column.percent("Lower 95% limit"),
                                Column.percent("Upper 95% limit"),
                                Column.text("Compared with"),
                                Column.percent("Difference"),
                                Column.percent("Difference lower 95% limit"),
                                Column.percent("Difference upper 95% limit"),
                                Column.pValue("p-value"),
                                Column.text("Significant"),
                                Column.text("Status")),
                        table),
                List.of());
    }

    private static List<FamilyRow> rows(PackContext ctx) {
        return ctx.data().familyOffending().orElse(List.of()).stream()
                .sorted(Comparator.comparing((FamilyRow r) -> SETS.indexOf(r.measureSet()))
                        .thenComparing(r -> POOLED.equals(r.period()) ? 0 : 1)
                        .thenComparing(FamilyRow::period, Comparator.reverseOrder())
                        .thenComparing(FamilyRow::measure)
                        .thenComparing(FamilyRow::groupName))
                .toList();
    }

    /** The sheet's figures, solved once per pack for the sheet and the Performance sheet alike. */
    private static Map<FamilyRow, Shown> shown(PackContext ctx) {
        return ctx.disclosed(FamilyOffendingSheet.class, () -> disclose(rows(ctx), ctx.threshold()));
    }

    /** "April 2018 to March 2019", "Jan to Mar 2019" (a cohort), "Born in 2001", "All years pooled", "All". */
    private static String period(PackContext ctx, FamilyRow r) {
        if (POOLED.equals(r.period())) {
            return ctx.label("common", POOLED);
        }
        if ("BY_AGE_18".equals(r.measureSet())) {
            return "Born in " + r.period();
        }
        return r.periodStart() == null || r.periodEnd() == null
                ? ctx.label("common", "ALL")
                : Periods.label(r.periodStart(), r.periodEnd());
    }

    public static Map<FamilyRow, Shown> disclose(List<FamilyRow> rows, int threshold) {
        SuppressionProblem<Key> p = new SuppressionProblem<>();
        for (FamilyRow r : rows) {
            if (POOLED.equals(r.period())) {
                p.total(key(r, "units"), r.denominator(), 1);
            } else {
                p.visible(key(r, "units"), r.denominator());
            }
        }
        for (FamilyRow r : rows) {
            if (r.numerator() != null) {
                Key rest = rest(rows, r);
                p.visible(with(rows, r), r.numerator());
                if (!p.counts().containsKey(rest)) {
                    p.hidden(rest, Math.max(0, r.denominator() - r.numerator()));
                }
                p.group(List.of(key(r, "units"), with(rows, r), rest));
            }
        }
        // Each period adds up to POOLED, for the groups and for those with the outcome.
        Map<List<String>, List<FamilyRow>> series = new LinkedHashMap<>();
        rows.forEach(
                r -> series.computeIfAbsent(List.of(r.measureSet(), r.groupName(), r.measure()), k -> new ArrayList<>())
                        .add(r));
        series.values().forEach(rs -> {
            if (rs.stream().filter(r -> POOLED.equals(r.period())).count() == 1 && rs.size() > 1) {
                for (String what : List.of("units", "with")) {
                    List<Key> group = rs.stream()
                            .map(r -> what.equals("units") ? key(r, what) : with(rows, r))
                            .filter(p.counts()::containsKey)
                            .toList();
                    if (group.size() == rs.size()) {
                        p.group(group);
                    }
                }
            }
        });
        Suppression<Key> s = p.solve(threshold);
        Map<FamilyRow, Boolean> valueWithheld = new IdentityHashMap<>();
        for (FamilyRow r : rows) {
            boolean units = s.isSuppressed(key(r, "units"));
            boolean with = r.numerator() != null && s.isSuppressed(with(rows, r));
            boolean rest = r.numerator() != null
                    && (small(r.denominator() - r.numerator(), threshold) || s.isSuppressed(rest(rows, r)));
            valueWithheld.put(r, units || with || rest);
        }
        Map<FamilyRow, Shown> out = new IdentityHashMap<>();
        for (FamilyRow r : rows) {
            boolean v = valueWithheld.get(r);
            boolean isReference =
                    r.referenceGroup() == null || r.referenceGroup().equals(r.groupName());
            FamilyRow reference = isReference
                    ? null
                    : rows.stream()
                            .filter(o -> o.measureSet().equals(r.measureSet())
                                    && o.period().equals(r.period())
                                    && o.measure().equals(r.measure())
                                    && o.groupName().equals(r.referenceGroup()))
                            .findFirst()
                            .orElse(null);
            boolean d = v || (reference != null && valueWithheld.get(reference));
            out.put(
                    r,
                    new Shown(
                            Figure.count(r.denominator(), s.isSuppressed(key(r, "units"))),
                            r.numerator() == null
                                    ? Figure.NOT_AVAILABLE
                                    : Figure.count(r.numerator(), s.isSuppressed(with(rows, r))),
                            Figure.unless(v, r.value()),
                            Figure.unless(v, r.ciLow()),
                            Figure.unless(v, r.ciHigh()),
                            isReference ? Figure.NOT_APPLICABLE : Figure.unless(d, r.difference()),
                            isReference ? Figure.NOT_APPLICABLE : Figure.unless(d, r.differenceCiLow()),
                            isReference ? Figure.NOT_APPLICABLE : Figure.unless(d, r.differenceCiHigh()),
                            isReference ? Figure.NOT_APPLICABLE : Figure.unless(d, r.pValue()),
                            isReference
                                    ? Figure.NOT_APPLICABLE
                                    : d
                                            ? Figure.CONFIDENTIAL
                                            : r.significant() == null
                                                    ? Figure.NOT_AVAILABLE
                                                    : r.significant() ? "Yes" : "No"));
        }
        return out;
    }

    /**
     * A family_offending measure of the performance framework is withheld when this sheet withholds its share or a
     * count it is computed from (the framework divides the counts even where the comparison is TOO_SMALL).
     */
    public static boolean withholds(PackContext ctx, PerformanceRow perf) {
        if (!TABLE.equals(perf.sourceTable()) || ctx.data().familyOffending().isEmpty()) {
            return false;
        }
        List<FamilyRow> rows = ctx.data().familyOffending().get();
        Map<String, String> f = perf.filterMap();
        Map<FamilyRow, Shown> shown = shown(ctx);
        return rows.stream()
                .filter(r -> matches(f, "measure_set", r.measureSet())
                        && matches(f, "group_name", r.groupName())
                        && matches(f, "measure", r.measure())
                        && (perf.periodStart() == null
                                ? POOLED.equals(r.period()) || "ALL".equals(r.period())
                                : perf.periodStart().equals(r.periodStart()) && !POOLED.equals(r.period())))
                .anyMatch(r -> !shown.get(r).units().isNumber()
                        || (r.numerator() != null && !shown.get(r).with().isNumber())
                        || (r.value() != null && !shown.get(r).value().isNumber()));
    }

    private static boolean matches(Map<String, String> filters, String column, String value) {
        return !filters.containsKey(column) || filters.get(column).equals(value);
    }

    private static Optional<FamilyRow> find(List<FamilyRow> rows, FamilyRow like, String group) {
        return rows.stream()
                .filter(r -> r.measureSet().equals(like.measureSet())
                        && Objects.equals(r.period(), like.period())
                        && r.groupName().equals(group)
                        && r.denominator() >= 0)
                .findFirst();
    }

    /**
     * The cell of a row's count with the outcome: offenders who are parents (the ALL row of PARENT_SHARE) are the
     * same figure as the parents' group, so one cell.
     */
    private static Key with(List<FamilyRow> rows, FamilyRow r) {
        if ("PARENT_SHARE".equals(r.measure())) {
            Optional<FamilyRow> parents = find(rows, r, "PARENT");
            if (parents.isPresent() && parents.get().denominator() == r.numerator()) {
                return key(parents.get(), "units");
            }
        }
        return key(r, "with");
    }

    /** The rest of a row's group: for PARENT_SHARE, the non-parents' group (shown); otherwise never shown. */
    private static Key rest(List<FamilyRow> rows, FamilyRow r) {
        if ("PARENT_SHARE".equals(r.measure())) {
            Optional<FamilyRow> others = find(rows, r, "NOT_PARENT");
            if (others.isPresent() && others.get().denominator() == r.denominator() - r.numerator()) {
                return key(others.get(), "units");
            }
        }
        return key(r, "rest");
    }

    private static boolean small(long v, int threshold) {
        return v >= 1 && v < threshold;
    }

    private static Key key(FamilyRow r, String what) {
        return new Key(r.measureSet(), r.period(), r.groupName(), r.measure(), what);
    }
}
