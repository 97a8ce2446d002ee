package org.lcjp.reoffending.impact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.lcjp.reoffending.settings.ComparisonSettings;

/**
 * Turns the group outcomes of one comparison cell (comparison, cohort, method, subgroup) into cohort_comparison
 * rows: each group's value with its interval, and each non-reference group's difference from the reference group
 * with interval, p-value and, when not significant, the people per group a significant result would need.
 */
public final class ComparisonTable {

    private final ComparisonSettings settings;
    private final ComparisonStatistics stats;

    public ComparisonTable(ComparisonSettings settings) {
        this.settings = settings;
        this.stats = new ComparisonStatistics(settings.confidence(), settings.power());
    }

    /** The fixed part of a row. */
    public record Cell(
            String comparison,
            String period,
            LocalDate cohortStart,
            LocalDate cohortEnd,
            String method,
            String subgroup) {}

    public List<ComparisonRow> rows(
            Cell cell, String referenceGroup, List<GroupOutcome> groups, List<String> measures, String note) {
        GroupOutcome reference = groups.stream()
                .filter(g -> g.groupName().equals(referenceGroup))
                .findFirst()
                .orElse(new GroupOutcome(referenceGroup, 0, java.util.Map.of()));
        List<ComparisonRow> out = new ArrayList<>();
        List<GroupOutcome> all = new ArrayList<>(groups);
        if (groups.stream().noneMatch(g -> g.groupName().equals(referenceGroup))) {
            all.add(reference);
        }
        // Every group of the cell is reported only when every group is large enough (methodology.md section 5).
        GroupOutcome smallest = all.stream()
                .min(java.util.Comparator.comparingLong(GroupOutcome::people))
                .orElseThrow();
        for (GroupOutcome g : all) {
            for (String measure : measures) {
                out.add(row(cell, referenceGroup, g, reference, smallest, measure, note));
            }
        }
        return out;
    }

    private ComparisonRow row(
            Cell cell,
            String referenceGroup,
            GroupOutcome group,
            GroupOutcome reference,
            GroupOutcome smallest,
            String measure,
            String note) {
        GroupOutcome.Measured m = group.measures().get(measure);
        long people = m == null ? 0 : m.people();
        if (smallest.people() < settings.minimumGroupSize() || m == null) {
            String why = "Cannot compare: a group has fewer than " + settings.minimumGroupSize() + " people ("
                    + smallest.groupName() + " " + smallest.people() + ")";
            return new ComparisonRow(
                    cell.comparison(),
                    cell.period(),
                    cell.cohortStart(),
                    cell.cohortEnd(),
                    cell.method(),
                    group.groupName(),
                    cell.subgroup(),
                    measure,
                    people,
                    null,
                    null,
                    null,
                    referenceGroup,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    ComparisonRow.TOO_SMALL,
                    join(note, why));
        }
        boolean proportion = isProportion(measure);
        SampleSummary s = m.summary();
        Interval ci = proportion ? stats.wilson(s.sum(), s.weight()) : stats.meanInterval(s);
        Double diff = null;
        Double low = null;
        Double high = null;
        Double p = null;
        Boolean significant = null;
        Long needed = null;
        GroupOutcome.Measured r = reference.measures().get(measure);
        if (!group.groupName().equals(referenceGroup)
                && r != null
                && r.summary().weight() > 1
                && s.weight() > 1) {
            TestResult t = proportion ? stats.twoProportions(s, r.summary()) : stats.welch(s, r.summary());
            diff = t.difference();
            low = t.interval().low();
            high = t.interval().high();
            p = t.pValue();
            significant = t.significant();
            if (!t.significant()) {
                needed = proportion
                        ? stats.sampleSizeForProportions(s.mean(), r.summary().mean())
                        : stats.sampleSizeForMeans(s, r.summary());
            }
        }
        return new ComparisonRow(
                cell.comparison(),
                cell.period(),
                cell.cohortStart(),
                cell.cohortEnd(),
                cell.method(),
                group.groupName(),
                cell.subgroup(),
                measure,
                people,
                s.mean(),
                ci.low(),
                ci.high(),
                referenceGroup,
                diff,
                low,
                high,
                p,
                significant,
                needed,
                ComparisonRow.OK,
                note);
    }

    /** Rates and shares (REOFFENDING_RATE, NEED_SHARE, OFFENDING_SHARE...) are proportions; the rest are means. */
    public static boolean isProportion(String measure) {
        return measure.endsWith("_RATE") || measure.endsWith("_SHARE");
    }

    private static String join(String a, String b) {
        return a == null || a.isEmpty() ? b : a + "; " + b;
    }
}
