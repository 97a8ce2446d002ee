package org.lcjp.reoffending.reports.pack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.lcjp.reoffending.reports.disclosure.Ratios;
import org.lcjp.reoffending.reports.disclosure.Suppression;
import org.lcjp.reoffending.reports.disclosure.SuppressionProblem;
import org.lcjp.reoffending.reports.pack.PackData.ReoffendingRow;

/**
 * Disclosure control over proven_reoffending, one cohort at a time, since every cell of a cohort is tied to the
 * others: the categories of a dimension add up to the cohort's ALL cell (the custody sentence lengths to the
 * CUSTODY disposal), ADULT and JUVENILE add up to ALL, and offenders minus reoffenders is the number who did not
 * reoffend, which is never shown but must not be derivable when it is small.
 */
public final class DisclosedReoffending {
    /** A row as shown. */
    public record Shown(Figure offenders, Figure reoffenders, Figure reoffences, Figure reoffendingRate,
                        Figure reoffencesPerReoffender, Figure reoffencesPerOffender) {
    }

    private record Key(String population, String dimension, String category, String measure) {
    }

    private static final String OFFENDERS = "offenders";
    private static final String REOFFENDERS = "reoffenders";
    private static final String NON_REOFFENDERS = "non_reoffenders";
    private static final String REOFFENCES = "reoffences";
    private static final List<String> ADDITIVE = List.of(OFFENDERS, REOFFENDERS, REOFFENCES);

    private final Map<ReoffendingRow, Shown> shown = new IdentityHashMap<>();

    private DisclosedReoffending() {
    }

    public static DisclosedReoffending apply(List<ReoffendingRow> rows, int threshold) {
        DisclosedReoffending d = new DisclosedReoffending();
        Map<LocalDate, List<ReoffendingRow>> byCohort = rows.stream()
                .collect(Collectors.groupingBy(ReoffendingRow::cohortStart, LinkedHashMap::new, Collectors.toList()));
        byCohort.values().forEach(cohort -> d.applyToCohort(cohort, threshold));
        return d;
    }

    public Shown shown(ReoffendingRow row) {
        return Objects.requireNonNull(shown.get(row), "row not in the disclosed set");
    }

    private void applyToCohort(List<ReoffendingRow> rows, int threshold) {
        SuppressionProblem<Key> problem = new SuppressionProblem<>();
        for (ReoffendingRow r : rows) {
            int level = totalLevel(r);
            problem.total(key(r, OFFENDERS), r.offenders(), level)
                    .total(key(r, REOFFENDERS), r.reoffenders(), level)
                    .total(key(r, REOFFENCES), r.reoffences(), level)
                    .hidden(key(r, NON_REOFFENDERS), Math.max(0, r.offenders() - r.reoffenders()));
            problem.group(List.of(key(r, OFFENDERS), key(r, REOFFENDERS), key(r, NON_REOFFENDERS)));
        }
        Map<String, Map<String, List<ReoffendingRow>>> byPopulationDimension = rows.stream().collect(Collectors.groupingBy(
                ReoffendingRow::population, Collectors.groupingBy(ReoffendingRow::dimension)));
        for (String measure : ADDITIVE) {
            // Categories of a dimension with their total.
            byPopulationDimension.forEach((population, byDimension) -> byDimension.forEach((dimension, cells) -> {
                Key total = dimension.equals("SENTENCE_LENGTH")
                        ? new Key(population, "INDEX_DISPOSAL", "CUSTODY", measure)
                        : new Key(population, "ALL", "ALL", measure);
                if (dimension.equals("ALL") || !problem.counts().containsKey(total)) {
                    return;
                }
                List<Key> group = new ArrayList<>();
                cells.forEach(r -> group.add(key(r, measure)));
                group.add(total);
                problem.group(group);
            }));
            // ADULT + JUVENILE = ALL for each cell.
            rows.stream().filter(r -> r.population().equals("ALL")).forEach(all -> {
                List<Key> group = new ArrayList<>();
                group.add(key(all, measure));
                for (String population : List.of("ADULT", "JUVENILE")) {
                    Key k = new Key(population, all.dimension(), all.category(), measure);
                    if (problem.counts().containsKey(k)) {
                        group.add(k);
                    }
                }
                problem.group(group);
            });
        }
        Suppression<Key> s = problem.solve(threshold);
        for (ReoffendingRow r : rows) {
            shown.put(r, show(r, s, threshold));
        }
    }

    /** The cohort's overall figures are kept where possible: ALL/ALL/ALL most, then other ALL rows and columns. */
    private static int totalLevel(ReoffendingRow r) {
        boolean allPopulation = r.population().equals("ALL");
        boolean allDimension = r.dimension().equals("ALL");
        return allPopulation && allDimension ? 3 : allDimension ? 2 : allPopulation ? 1 : 0;
    }

    private static Shown show(ReoffendingRow r, Suppression<Key> s, int threshold) {
        boolean off = s.isSuppressed(key(r, OFFENDERS));
        boolean reoff = s.isSuppressed(key(r, REOFFENDERS));
        boolean reoffences = s.isSuppressed(key(r, REOFFENCES));
        return new Shown(
                Figure.count(r.offenders(), off),
                Figure.count(r.reoffenders(), reoff),
                Figure.count(r.reoffences(), reoffences),
                ratio(r.reoffendingRate(), r.offenders(), off, reoff, threshold),
                ratio(r.reoffencesPerReoffender(), r.reoffenders(), reoff, reoffences, threshold),
                ratio(r.reoffencesPerOffender(), r.offenders(), off, reoffences, threshold));
    }

    private static Figure ratio(Double value, long denominator, boolean denominatorSuppressed,
                                boolean numeratorSuppressed, int threshold) {
        if (denominatorSuppressed || numeratorSuppressed) {
            return Figure.SUPPRESSED;
        }
        if (Ratios.notApplicable(denominator) || value == null) {
            return Figure.NOT_APPLICABLE;
        }
        return Ratios.suppress(denominator, false, false, threshold) ? Figure.SUPPRESSED : Figure.of(value);
    }

    private static Key key(ReoffendingRow r, String measure) {
        return new Key(r.population(), r.dimension(), r.category(), measure);
    }
}
