package org.lcjp.reoffending.reports.pack.sheets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lcjp.reoffending.reports.disclosure.SuppressionProblem;
import org.lcjp.reoffending.reports.pack.DisclosedComparisons;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.model.Periods;
import org.lcjp.reoffending.reports.performance.PerformanceRow;

/** What the sheets of the service tables (needs and gaps, IOM reach, Checkpoint activity) share. */
final class ServiceRows {
    static final String ALL = "ALL";

    private ServiceRows() {}

    /** "April 2018 to March 2019" for FY2018-19, "All years pooled" for POOLED. */
    static String period(PackContext ctx, String period) {
        return DisclosedComparisons.POOLED.equals(period)
                ? ctx.label("common", "POOLED")
                : Periods.FinancialYear.parse(period)
                        .map(Periods.FinancialYear::label)
                        .orElse(period);
    }

    /** POOLED first, then the newest year first, as the comparison sheets order them. */
    static final Comparator<String> PERIOD_ORDER = Comparator.comparing(
                    (String p) -> DisclosedComparisons.POOLED.equals(p) ? 0 : 1)
            .thenComparing(Comparator.<String>reverseOrder());

    /** ALL first, then the areas by name, the unknown and out-of-area last. */
    static final Comparator<String> AREA_ORDER =
            Comparator.comparing((String a) -> !ALL.equals(a)).thenComparing(ReoffendingColumns.CATEGORY_ORDER);

    /** ALL, F, M, then not known. */
    static final Comparator<String> SEX_ORDER = Comparator.comparing((String s) -> !ALL.equals(s))
            .thenComparing(s -> s.equals("U"))
            .thenComparing(Comparator.naturalOrder());

    /**
     * Ties a breakdown to its ALL cell: for every cell kind {@code what} and every set of rows that differ only in
     * the broken-down column, the ALL row's count is the sum of the others'.
     */
    static <R> void tieToAll(
            SuppressionProblem<List<String>> p,
            List<R> rows,
            Function<R, List<String>> key,
            int brokenDown,
            List<String> kinds) {
        Map<List<String>, List<List<String>>> sets = new LinkedHashMap<>();
        for (R r : rows) {
            List<String> k = key.apply(r);
            List<String> rest = new ArrayList<>(k);
            rest.set(brokenDown, "*");
            sets.computeIfAbsent(rest, x -> new ArrayList<>()).add(k);
        }
        sets.values().forEach(keys -> {
            if (keys.size() > 1 && keys.stream().anyMatch(k -> ALL.equals(k.get(brokenDown)))) {
                for (String what : kinds) {
                    List<List<String>> cells = new ArrayList<>();
                    keys.forEach(k -> cells.add(cell(k, what)));
                    if (cells.stream().allMatch(p.counts()::containsKey)) {
                        p.group(cells);
                    }
                }
            }
        });
    }

    /** The key of one count of a row. */
    static List<String> cell(List<String> row, String what) {
        List<String> k = new ArrayList<>(row);
        k.add(what);
        return List.copyOf(k);
    }

    /**
     * A row of a service table as the performance framework reads it: its published columns that a target may filter
     * on, its period, and whether its sheet withholds the row's share.
     */
    record Read(Map<String, String> columns, String period, LocalDate periodStart, boolean shareWithheld) {}

    /**
     * Whether the Performance sheet must withhold a measure read from {@code table}: a row the measure reads (its
     * filters and period) has its share withheld on the sheet. The measure's value is that share (or, for the largest
     * gap, one of them), and beside the counts the sheet shows it would give back a count the sheet withholds.
     */
    static boolean withholds(PerformanceRow perf, String table, List<Read> rows) {
        if (!table.equals(perf.sourceTable()) || !perf.available()) {
            return false;
        }
        Map<String, String> filters = perf.filterMap();
        return rows.stream()
                .filter(r -> filters.entrySet().stream()
                        .allMatch(f -> !r.columns().containsKey(f.getKey())
                                || f.getValue().equals(r.columns().get(f.getKey()))))
                .filter(r -> perf.periodStart() == null
                        ? DisclosedComparisons.POOLED.equals(r.period())
                        : !DisclosedComparisons.POOLED.equals(r.period())
                                && perf.periodStart().equals(r.periodStart()))
                .anyMatch(Read::shareWithheld);
    }

    /** "[p]" for a provisional row, "[u]" for a share over few people, "None" otherwise. */
    static String flags(PackContext ctx, String status, Long denominator, boolean shown) {
        return ReoffendingColumns.flags(
                "PROVISIONAL".equals(status),
                shown && denominator != null && denominator < ctx.data().lowReliabilityBelow());
    }
}
