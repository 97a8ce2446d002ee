package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.LinkageSensitivityRow;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Periods;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/**
 * Persons and the headline FINAL reoffending rates at each linkage match threshold (linkage_sensitivity): how much
 * the headline figures depend on where the linkage draws the line. Persons, offenders and reoffenders are counts of
 * people and are disclosure-controlled, and a rate over suppressed counts is withheld with them.
 */
public final class LinkageSensitivitySheet implements PackSheet {
    static final String NAME = "Linkage_sensitivity";

    /** The sentence the data quality sheet carries when a headline rate moves beyond the tolerance; empty otherwise. */
    public static Optional<String> warning(PackContext ctx) {
        List<String> moved = ctx.data().linkageSensitivity().orElse(List.of()).stream()
                .filter(LinkageSensitivityRow::exceedsTolerance)
                .map(r -> ctx.label("population", r.population()).toLowerCase(java.util.Locale.UK))
                .distinct()
                .sorted()
                .toList();
        if (moved.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                "Linkage: the headline reoffending rate of " + String.join(" and of ", moved) + " moves by more than "
                        + "the tolerance (linkage.sensitivity.rate_tolerance) between the match thresholds of the linkage; "
                        + "treat it with caution and see the " + NAME + " worksheet.");
    }

    @Override
    public Sheet build(PackContext ctx) {
        String contents = "Persons and headline reoffending rates at each linkage match threshold";
        String title = "Linkage sensitivity: headline figures at each match threshold";
        if (ctx.data().linkageSensitivity().isEmpty()) {
            return ctx.absent(NAME, contents, title, "linkage_sensitivity");
        }
        List<List<Object>> rows = new ArrayList<>();
        ctx.data().linkageSensitivity().get().stream()
                .sorted(Comparator.comparing(LinkageSensitivityRow::population)
                        .thenComparingDouble(LinkageSensitivityRow::matchThreshold))
                .forEach(r -> {
                    boolean small = small(ctx, r.offenders()) || small(ctx, r.reoffenders());
                    rows.add(new ArrayList<>(List.of(
                            Figure.of(r.matchThreshold()),
                            r.main() ? "Yes" : "No",
                            Figure.count(r.persons(), small(ctx, r.persons())),
                            Figure.of(r.recordsReclustered()),
                            ctx.label("population", r.population()),
                            r.cohortStart() == null ? "No final cohort" : Periods.label(r.cohortStart(), r.cohortEnd()),
                            count(ctx, r.offenders()),
                            count(ctx, r.reoffenders()),
                            Figure.unless(small, r.reoffendingRate()),
                            Figure.unless(small, r.rateChange() == null ? null : r.rateChange() * 100),
                            r.exceedsTolerance() ? "Yes" : "No")));
                });
        List<String> lines = new ArrayList<>();
        warning(ctx).ifPresent(lines::add);
        lines.add(ctx.notes().line("LINKAGE", "DISCLOSURE"));
        lines.add(ctx.source("linkage_sensitivity"));
        return new Sheet(
                NAME,
                contents,
                title,
                "This worksheet contains one table: for each population and linkage match threshold, the persons found "
                        + "and the latest final cohort's reoffending rate; every other table uses the main threshold.",
                lines,
                new Table(
                        "Linkage_sensitivity",
                        List.of(
                                Column.decimal("Match threshold"),
                                Column.text("Main threshold"),
                                Column.count("Persons"),
                                Column.number("Records re-clustered"),
                                Column.text("Population"),
                                Column.text("Cohort"),
                                Column.count("Offenders"),
                                Column.count("Reoffenders"),
                                Column.percent("Reoffending rate"),
                                Column.decimal("Change from the main threshold (percentage points)"),
                                Column.text("Beyond tolerance")),
                        rows),
                List.of());
    }

    private static boolean small(PackContext ctx, Long n) {
        return n != null && n >= 1 && n < ctx.threshold();
    }

    private static Figure count(PackContext ctx, Long n) {
        return n == null ? Figure.NOT_AVAILABLE : Figure.count(n, small(ctx, n));
    }
}
