package org.lcjp.reoffending.reports.pack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.lcjp.reoffending.reports.disclosure.Ratios;
import org.lcjp.reoffending.reports.disclosure.Suppression;
import org.lcjp.reoffending.reports.disclosure.SuppressionProblem;
import org.lcjp.reoffending.reports.pack.ReportingYears.CrossRow;
import org.lcjp.reoffending.reports.pack.ReportingYears.Period;
import org.lcjp.reoffending.reports.pack.ReportingYears.YearRow;
import org.lcjp.reoffending.reports.pack.model.Figure;

/**
 * Disclosure control over every count of people the pack shows from proven reoffending, solved as one problem so
 * that no table gives away what another withholds: the yearly headline (every year, all populations), the
 * breakdowns (the two latest FINAL years, every dimension) and the cross-tabulations by local authority (whose
 * margins are the breakdowns' cells). Tied together: the categories of a dimension add up to the year's total (the
 * sentence lengths to the custody disposal), adults and juveniles to all offenders, the cross-tabulation's rows
 * and columns to the breakdowns, and offenders minus reoffenders is the number who did not reoffend, never shown
 * but never derivable when small. Only cells the pack shows are in the problem: a cell nobody sees ties nothing.
 */
public final class DisclosedYears {
    /** A row as shown. {@code lowReliability}: a rate over fewer than the low-reliability size ([u]). */
    public record Shown(
            Figure offenders,
            Figure reoffenders,
            Figure rate,
            Figure reoffences,
            Figure reoffencesPerReoffender,
            Figure reoffencesPerOffender,
            Figure harm,
            Figure harmPerOffender,
            boolean lowReliability) {}

    record Key(Period period, String population, String dimension, String category, String measure) {}

    static final String OFFENDERS = "offenders";
    static final String REOFFENDERS = "reoffenders";
    static final String NON_REOFFENDERS = "non_reoffenders";
    static final String REOFFENCES = "reoffences";
    private static final List<String> ADDITIVE = List.of(OFFENDERS, REOFFENDERS, REOFFENCES);
    /** The dimension a cross-tabulated cell carries: row dimension "x" column dimension. */
    static final String CROSS = " x ";

    private final Suppression<Key> suppression;
    private final int threshold;
    private final int lowReliabilityBelow;
    private final Set<YearRow> shownRows;

    private DisclosedYears(
            Suppression<Key> suppression, int threshold, int lowReliabilityBelow, Set<YearRow> shownRows) {
        this.suppression = suppression;
        this.threshold = threshold;
        this.lowReliabilityBelow = lowReliabilityBelow;
        this.shownRows = shownRows;
    }

    /** The rows the pack shows: every year's ALL rows, and every row of the breakdown years. */
    public static boolean isShown(YearRow r, List<Period> breakdownPeriods) {
        return r.dimension().equals("ALL") || breakdownPeriods.contains(r.period());
    }

    public static DisclosedYears apply(ReportingYears years, int threshold, int lowReliabilityBelow) {
        List<Period> breakdown = years.breakdownPeriods();
        List<YearRow> rows =
                years.rows().stream().filter(r -> isShown(r, breakdown)).toList();
        SuppressionProblem<Key> p = new SuppressionProblem<>();
        for (YearRow r : rows) {
            cell(p, key(r, ""), r.offenders(), r.reoffenders(), r.reoffences(), totalLevel(r));
        }
        List<CrossRow> cross = years.crossRows().stream()
                .filter(c -> breakdown.contains(c.period()))
                .toList();
        for (CrossRow c : cross) {
            cell(p, crossKey(c, ""), c.offenders(), c.reoffenders(), c.reoffences(), 0);
        }
        for (String measure : ADDITIVE) {
            // Categories of a dimension with their total.
            Map<List<Object>, List<YearRow>> byDimension = rows.stream()
                    .filter(r -> !r.dimension().equals("ALL"))
                    .collect(Collectors.groupingBy(r -> List.of(r.period(), r.population(), r.dimension())));
            byDimension.forEach((k, cells) -> {
                YearRow first = cells.get(0);
                Key total = first.dimension().equals("SENTENCE_LENGTH")
                        ? new Key(first.period(), first.population(), "INDEX_DISPOSAL", "CUSTODY", measure)
                        : new Key(first.period(), first.population(), "ALL", "ALL", measure);
                if (p.counts().containsKey(total)) {
                    List<Key> group = new ArrayList<>(
                            cells.stream().map(r -> key(r, measure)).toList());
                    group.add(total);
                    p.group(group);
                }
            });
            // Adults and juveniles make all offenders, cell by cell.
            rows.stream().filter(r -> r.population().equals("ALL")).forEach(all -> {
                List<Key> group = new ArrayList<>(List.of(key(all, measure)));
                for (String population : List.of("ADULT", "JUVENILE")) {
                    Key k = new Key(all.period(), population, all.dimension(), all.category(), measure);
                    if (p.counts().containsKey(k)) {
                        group.add(k);
                    }
                }
                p.group(group);
            });
            // A cross-tabulation's rows and columns add up to the breakdowns' cells (population ALL).
            Map<List<Object>, List<CrossRow>> byRow = cross.stream()
                    .collect(Collectors.groupingBy(
                            c -> List.of(c.period(), c.rowDimension(), c.rowCategory(), c.columnDimension())));
            byRow.forEach((k, cells) -> margin(
                    p,
                    cells,
                    new Key(
                            cells.get(0).period(),
                            "ALL",
                            cells.get(0).rowDimension(),
                            cells.get(0).rowCategory(),
                            measure),
                    measure));
            Map<List<Object>, List<CrossRow>> byColumn = cross.stream()
                    .collect(Collectors.groupingBy(
                            c -> List.of(c.period(), c.rowDimension(), c.columnDimension(), c.columnCategory())));
            byColumn.forEach((k, cells) -> margin(
                    p,
                    cells,
                    new Key(
                            cells.get(0).period(),
                            "ALL",
                            cells.get(0).columnDimension(),
                            cells.get(0).columnCategory(),
                            measure),
                    measure));
        }
        return new DisclosedYears(p.solve(threshold), threshold, lowReliabilityBelow, new HashSet<>(rows));
    }

    private static void margin(SuppressionProblem<Key> p, List<CrossRow> cells, Key total, String measure) {
        if (!p.counts().containsKey(total)) {
            return;
        }
        List<Key> group =
                new ArrayList<>(cells.stream().map(c -> crossKey(c, measure)).toList());
        group.add(total);
        p.group(group);
    }

    private static void cell(
            SuppressionProblem<Key> p, Key base, long offenders, long reoffenders, long reoffences, int level) {
        Key off = with(base, OFFENDERS);
        Key re = with(base, REOFFENDERS);
        Key non = with(base, NON_REOFFENDERS);
        p.total(off, offenders, level)
                .total(re, reoffenders, level)
                .total(with(base, REOFFENCES), reoffences, level)
                .hidden(non, Math.max(0, offenders - reoffenders));
        p.group(List.of(off, re, non));
    }

    /** The year's overall figures are kept where possible: ALL/ALL most, then other ALL rows and columns. */
    private static int totalLevel(YearRow r) {
        boolean allPopulation = r.population().equals("ALL");
        boolean allDimension = r.dimension().equals("ALL");
        return allPopulation && allDimension ? 3 : allDimension ? 2 : allPopulation ? 1 : 0;
    }

    private static Key with(Key k, String measure) {
        return new Key(k.period(), k.population(), k.dimension(), k.category(), measure);
    }

    private static Key key(YearRow r, String measure) {
        return new Key(r.period(), r.population(), r.dimension(), r.category(), measure);
    }

    private static Key crossKey(CrossRow c, String measure) {
        return new Key(
                c.period(),
                "ALL",
                c.rowDimension() + CROSS + c.columnDimension(),
                c.rowCategory() + CROSS + c.columnCategory(),
                measure);
    }

    public Shown shown(YearRow r) {
        if (!shownRows.contains(r)) {
            throw new IllegalArgumentException("Row not shown by the pack, so not disclosure-controlled: " + r);
        }
        return show(key(r, ""), r.offenders(), r.reoffenders(), r.reoffences(), r.harmDays());
    }

    public Shown shown(CrossRow c) {
        return show(crossKey(c, ""), c.offenders(), c.reoffenders(), c.reoffences(), null);
    }

    private Shown show(Key base, long offenders, long reoffenders, long reoffences, Double harmDays) {
        boolean off = suppression.isSuppressed(with(base, OFFENDERS));
        boolean re = suppression.isSuppressed(with(base, REOFFENDERS));
        boolean reo = suppression.isSuppressed(with(base, REOFFENCES));
        // Harm describes the reoffences of the reoffenders: withheld with either.
        boolean harm = re || reo;
        return new Shown(
                Figure.count(offenders, off),
                Figure.count(reoffenders, re),
                ratio(reoffenders, offenders, off, re),
                Figure.count(reoffences, reo),
                ratio(reoffences, reoffenders, re, reo),
                ratio(reoffences, offenders, off, reo),
                harmDays == null ? Figure.NOT_AVAILABLE : Figure.unless(harm, harmDays),
                harmDays == null ? Figure.NOT_AVAILABLE : ratioOf(harmDays, offenders, off, harm),
                offenders > 0 && offenders < lowReliabilityBelow);
    }

    private Figure ratio(long numerator, long denominator, boolean denominatorSuppressed, boolean numeratorSuppressed) {
        return ratioOf((double) numerator, denominator, denominatorSuppressed, numeratorSuppressed);
    }

    private Figure ratioOf(
            double numerator, long denominator, boolean denominatorSuppressed, boolean numeratorSuppressed) {
        if (denominatorSuppressed || numeratorSuppressed) {
            return Figure.CONFIDENTIAL;
        }
        if (Ratios.notApplicable(denominator)) {
            return Figure.NOT_APPLICABLE;
        }
        return Ratios.suppress(denominator, false, false, threshold)
                ? Figure.CONFIDENTIAL
                : Figure.of(numerator / denominator);
    }
}
