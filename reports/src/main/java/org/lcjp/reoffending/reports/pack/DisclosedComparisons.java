package org.lcjp.reoffending.reports.pack;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lcjp.reoffending.reports.disclosure.Suppression;
import org.lcjp.reoffending.reports.disclosure.SuppressionProblem;
import org.lcjp.reoffending.reports.pack.PackData.ComparisonRow;
import org.lcjp.reoffending.reports.pack.model.Figure;

/**
 * Disclosure control for cohort comparisons, over every row at once. Group sizes are counts of people. A
 * proportion (a rate or a need share) times its group size gives a count back, so each proportion stands for a
 * count of people with the outcome and one without (never shown, but derivable). Ties: each financial year's
 * people and outcome counts add up to the {@code POOLED} row's, and the treated people matched plus those not
 * matched are the treated people observed. A mean is withheld with its group; a difference (with its interval and
 * test) is withheld when either side of it is.
 */
public final class DisclosedComparisons {
    public static final Set<String> PROPORTIONS = Set.of("REOFFENDING_RATE", "NEED_SHARE");
    public static final String POOLED = "POOLED";

    /** A comparison row as shown. */
    public record Shown(
            Figure people,
            Figure value,
            Figure ciLow,
            Figure ciHigh,
            Figure difference,
            Figure differenceCiLow,
            Figure differenceCiHigh,
            Figure pValue,
            Object significant) {}

    private record Key(
            String comparison,
            String method,
            String group,
            String subgroup,
            String measure,
            String period,
            String what) {}

    private final Map<ComparisonRow, Shown> shown = new IdentityHashMap<>();

    private DisclosedComparisons() {}

    public static DisclosedComparisons apply(List<ComparisonRow> rows, int threshold) {
        SuppressionProblem<Key> p = new SuppressionProblem<>();
        for (ComparisonRow r : rows) {
            if (r.people() == null) {
                continue;
            }
            p.visible(key(r, "people"), r.people());
            Long k = outcomes(r);
            if (k != null) {
                p.visible(key(r, "with"), k).hidden(key(r, "without"), Math.max(0, r.people() - k));
                p.group(List.of(key(r, "people"), key(r, "with"), key(r, "without")));
            }
        }
        // Financial years add up to POOLED.
        Map<List<String>, List<ComparisonRow>> series = new LinkedHashMap<>();
        rows.stream()
                .filter(r -> r.people() != null)
                .forEach(r -> series.computeIfAbsent(
                                List.of(
                                        r.comparison(),
                                        s(r.method()),
                                        s(r.groupName()),
                                        s(r.subgroup()),
                                        s(r.measure())),
                                x -> new ArrayList<>())
                        .add(r));
        series.values().forEach(rs -> {
            List<ComparisonRow> pooled =
                    rs.stream().filter(r -> POOLED.equals(r.period())).toList();
            List<ComparisonRow> years = rs.stream()
                    .filter(r -> r.period() != null && !POOLED.equals(r.period()))
                    .toList();
            if (pooled.size() == 1 && !years.isEmpty()) {
                for (String what : List.of("people", "with")) {
                    List<Key> group = new ArrayList<>();
                    for (ComparisonRow r : rs) {
                        if (r.period() != null && p.counts().containsKey(key(r, what))) {
                            group.add(key(r, what));
                        }
                    }
                    if (group.size() == years.size() + 1) {
                        p.group(group);
                    }
                }
            }
        });
        // Matched treated people + unmatched = observed treated people.
        for (ComparisonRow m : rows) {
            if (!"MATCHED".equals(m.method())
                    || m.people() == null
                    || Objects.equals(m.groupName(), m.referenceGroup())) {
                continue;
            }
            rows.stream()
                    .filter(o -> "OBSERVED".equals(o.method())
                            && o.people() != null
                            && Objects.equals(o.comparison(), m.comparison())
                            && Objects.equals(o.period(), m.period())
                            && Objects.equals(o.groupName(), m.groupName())
                            && Objects.equals(o.subgroup(), m.subgroup())
                            && Objects.equals(o.measure(), m.measure())
                            && o.people() >= m.people())
                    .findFirst()
                    .ifPresent(o -> {
                        Key unmatched = key(m, "unmatched");
                        p.hidden(unmatched, o.people() - m.people());
                        p.group(List.of(key(o, "people"), key(m, "people"), unmatched));
                    });
        }
        Suppression<Key> solved = p.solve(threshold);
        DisclosedComparisons d = new DisclosedComparisons();
        for (ComparisonRow r : rows) {
            d.shown.put(r, show(r, rows, solved, threshold));
        }
        return d;
    }

    public Shown shown(ComparisonRow r) {
        return Objects.requireNonNull(shown.get(r), "row not in the disclosed set");
    }

    private static Long outcomes(ComparisonRow r) {
        if (!PROPORTIONS.contains(r.measure()) || r.value() == null || r.people() == null) {
            return null;
        }
        return Math.round(r.value() * r.people());
    }

    private static boolean valueSuppressed(ComparisonRow r, Suppression<Key> s, int threshold) {
        if (r.people() == null) {
            return false;
        }
        boolean people = s.isSuppressed(key(r, "people")) || (r.people() >= 1 && r.people() < threshold);
        Long k = outcomes(r);
        return people || (k != null && s.isSuppressed(key(r, "with")));
    }

    private static Shown show(ComparisonRow r, List<ComparisonRow> all, Suppression<Key> s, int threshold) {
        boolean valueSuppressed = valueSuppressed(r, s, threshold);
        ComparisonRow reference =
                r.referenceGroup() == null || r.referenceGroup().equals(r.groupName())
                        ? null
                        : all.stream()
                                .filter(o -> Objects.equals(o.comparison(), r.comparison())
                                        && Objects.equals(o.period(), r.period())
                                        && Objects.equals(o.cohortStart(), r.cohortStart())
                                        && Objects.equals(o.method(), r.method())
                                        && Objects.equals(o.subgroup(), r.subgroup())
                                        && Objects.equals(o.measure(), r.measure())
                                        && Objects.equals(o.groupName(), r.referenceGroup()))
                                .findFirst()
                                .orElse(null);
        boolean differenceSuppressed =
                valueSuppressed || (reference != null && valueSuppressed(reference, s, threshold));
        Figure people =
                r.people() == null ? Figure.NOT_AVAILABLE : Figure.count(r.people(), s.isSuppressed(key(r, "people")));
        boolean isReference = r.referenceGroup() != null && r.referenceGroup().equals(r.groupName());
        return new Shown(
                people,
                Figure.unless(valueSuppressed, r.value()),
                Figure.unless(valueSuppressed, r.ciLow()),
                Figure.unless(valueSuppressed, r.ciHigh()),
                isReference ? Figure.NOT_APPLICABLE : Figure.unless(differenceSuppressed, r.difference()),
                isReference ? Figure.NOT_APPLICABLE : Figure.unless(differenceSuppressed, r.differenceCiLow()),
                isReference ? Figure.NOT_APPLICABLE : Figure.unless(differenceSuppressed, r.differenceCiHigh()),
                isReference ? Figure.NOT_APPLICABLE : Figure.unless(differenceSuppressed, r.pValue()),
                isReference
                        ? Figure.NOT_APPLICABLE
                        : differenceSuppressed
                                ? Figure.CONFIDENTIAL
                                : r.significant() == null ? Figure.NOT_AVAILABLE : r.significant() ? "Yes" : "No");
    }

    private static Key key(ComparisonRow r, String what) {
        return new Key(
                r.comparison(),
                s(r.method()),
                s(r.groupName()),
                s(r.subgroup()),
                s(r.measure()),
                r.period() != null ? r.period() : String.valueOf(r.cohortStart()),
                what);
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }
}
