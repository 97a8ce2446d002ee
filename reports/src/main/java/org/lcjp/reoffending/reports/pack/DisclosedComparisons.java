package org.lcjp.reoffending.reports.pack;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lcjp.reoffending.reports.pack.PackData.ComparisonRow;

/**
 * Disclosure control for cohort comparisons. Group sizes below the threshold are suppressed. A proportion (a rate
 * or a need share) times the group size gives a count back, so a proportion is suppressed when that count, or the
 * count of the rest of the group, is 1 to threshold - 1; a mean is suppressed when its group is below the
 * threshold. A difference (with its interval and test) is suppressed when either side of it is.
 */
public final class DisclosedComparisons {
    public static final Set<String> PROPORTIONS = Set.of("REOFFENDING_RATE", "NEED_SHARE");

    /** A comparison row as shown. */
    public record Shown(Figure people, Figure value, Figure ciLow, Figure ciHigh, Figure difference,
                        Figure differenceCiLow, Figure differenceCiHigh, Figure pValue, Object significant) {
    }

    private DisclosedComparisons() {
    }

    public static Shown shown(ComparisonRow r, List<ComparisonRow> all, int threshold) {
        boolean valueSuppressed = valueSuppressed(r, threshold);
        ComparisonRow reference = r.referenceGroup() == null || r.referenceGroup().equals(r.groupName()) ? null
                : all.stream().filter(o -> Objects.equals(o.comparison(), r.comparison())
                        && Objects.equals(o.cohortStart(), r.cohortStart()) && Objects.equals(o.method(), r.method())
                        && Objects.equals(o.subgroup(), r.subgroup()) && Objects.equals(o.measure(), r.measure())
                        && Objects.equals(o.groupName(), r.referenceGroup()))
                .findFirst().orElse(null);
        boolean differenceSuppressed = valueSuppressed || (reference != null && valueSuppressed(reference, threshold));
        Figure people = r.people() == null ? Figure.NOT_APPLICABLE
                : Figure.count(r.people(), small(r.people(), threshold));
        return new Shown(people,
                or(valueSuppressed, r.value()), or(valueSuppressed, r.ciLow()), or(valueSuppressed, r.ciHigh()),
                or(differenceSuppressed, r.difference()), or(differenceSuppressed, r.differenceCiLow()),
                or(differenceSuppressed, r.differenceCiHigh()), or(differenceSuppressed, r.pValue()),
                differenceSuppressed ? Figure.SUPPRESSED : r.significant());
    }

    static boolean valueSuppressed(ComparisonRow r, int threshold) {
        if (r.people() == null || r.value() == null) {
            return false;
        }
        long people = r.people();
        if (small(people, threshold)) {
            return true;
        }
        if (PROPORTIONS.contains(r.measure())) {
            long k = Math.round(r.value() * people);
            return small(k, threshold) || small(people - k, threshold);
        }
        return false;
    }

    static boolean small(long count, int threshold) {
        return count >= 1 && count < threshold;
    }

    private static Figure or(boolean suppressed, Double value) {
        return suppressed && value != null ? Figure.SUPPRESSED : Figure.ofNullable(value);
    }
}
