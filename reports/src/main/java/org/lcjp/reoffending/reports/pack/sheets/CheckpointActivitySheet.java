package org.lcjp.reoffending.reports.pack.sheets;

import static org.lcjp.reoffending.reports.pack.sheets.ServiceRows.cell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lcjp.reoffending.reports.disclosure.Suppression;
import org.lcjp.reoffending.reports.disclosure.SuppressionProblem;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.CheckpointRow;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;
import org.lcjp.reoffending.reports.performance.PerformanceRow;

/**
 * Checkpoint activity (methodology section 10), beside the Checkpoint comparison: per year of decision, referrals,
 * eligible, diverted, prosecuted, and completion among the contracts ended. Each referral is a person's case, so
 * every count is treated as a count of people. Ties: diverted and prosecuted add up to the referrals, eligible and
 * not eligible too; contracts ended and open add up to the diverted; completed and failed to the ended.
 */
public final class CheckpointActivitySheet implements PackSheet {
    private static final String TABLE = "checkpoint_activity";

    @Override
    public Sheet build(PackContext ctx) {
        String name = "Checkpoint_activity";
        String contents = "Checkpoint: referrals, decisions and contracts completed, by year";
        String title = "Checkpoint activity by year";
        Optional<List<CheckpointRow>> published = ctx.data().services().checkpointActivity();
        if (published.isEmpty() || published.get().isEmpty()) {
            return ctx.absent(name, contents, title, TABLE);
        }
        List<CheckpointRow> rows = rows(ctx);
        Suppression<List<String>> s = suppression(ctx);
        List<List<Object>> table = new ArrayList<>();
        for (CheckpointRow r : rows) {
            List<String> k = List.of(r.period());
            boolean ended = s.isSuppressed(cell(k, "ended"));
            boolean completed = s.isSuppressed(cell(k, "completed"));
            boolean shown = !rateWithheld(s, r) && r.contractsEnded() > 0;
            table.add(new ArrayList<>(List.of(
                    ServiceRows.period(ctx, r.period()),
                    Figure.count(r.referrals(), s.isSuppressed(cell(k, "referrals"))),
                    Figure.count(r.peopleReferred(), s.isSuppressed(cell(k, "people"))),
                    Figure.count(r.eligible(), s.isSuppressed(cell(k, "eligible"))),
                    Figure.count(r.diverted(), s.isSuppressed(cell(k, "diverted"))),
                    Figure.count(r.prosecuted(), s.isSuppressed(cell(k, "prosecuted"))),
                    Figure.count(r.contractsEnded(), ended),
                    Figure.count(r.completed(), completed),
                    Figure.count(r.contractsOpen(), s.isSuppressed(cell(k, "open"))),
                    new Formatted(Figure.unless(!shown, r.completionRate()), Column.Kind.PERCENT),
                    new Formatted(Figure.unless(!shown, r.ciLow()), Column.Kind.PERCENT),
                    new Formatted(Figure.unless(!shown, r.ciHigh()), Column.Kind.PERCENT),
                    Figure.unless(!shown, r.meanContractDays()),
                    ServiceRows.flags(ctx, r.status(), r.contractsEnded(), shown))));
        }
        return new Sheet(
                name,
                contents,
                title,
                "This worksheet contains one table: for each year of the decision, Checkpoint referrals, the people "
                        + "referred, those eligible, diverted and prosecuted, the contracts ended, completed and still "
                        + "open, and the share of ended contracts completed, with its 95% confidence interval.",
                List.of(ctx.notes().line("CHECKPOINT_ACTIVITY", "DISCLOSURE", "RELIABILITY"), ctx.source(TABLE)),
                new Table(
                        "Checkpoint_activity",
                        List.of(
                                Column.text("Period"),
                                Column.count("Referrals"),
                                Column.count("People referred"),
                                Column.count("Eligible"),
                                Column.count("Diverted"),
                                Column.count("Prosecuted"),
                                Column.count("Contracts ended"),
                                Column.count("Contracts completed"),
                                Column.count("Contracts open"),
                                Column.percent("Share of ended contracts completed"),
                                Column.percent("Lower 95% limit"),
                                Column.percent("Upper 95% limit"),
                                Column.decimal("Mean contract length (days)"),
                                Column.flags("Row notes")),
                        table),
                List.of());
    }

    private static List<CheckpointRow> rows(PackContext ctx) {
        return ctx.data().services().checkpointActivity().orElse(List.of()).stream()
                .sorted(Comparator.comparing(CheckpointRow::period, ServiceRows.PERIOD_ORDER))
                .toList();
    }

    private static Suppression<List<String>> suppression(PackContext ctx) {
        return ctx.disclosed(CheckpointActivitySheet.class, () -> disclose(rows(ctx), ctx.threshold()));
    }

    /** The completion rate goes with the contracts it divides. */
    private static boolean rateWithheld(Suppression<List<String>> s, CheckpointRow r) {
        List<String> k = List.of(r.period());
        return s.isSuppressed(cell(k, "ended")) || s.isSuppressed(cell(k, "completed"));
    }

    /** A checkpoint_activity measure of the performance framework is withheld with the year's completion rate. */
    public static boolean withholds(PackContext ctx, PerformanceRow perf) {
        Suppression<List<String>> s = suppression(ctx);
        return ServiceRows.withholds(
                perf,
                TABLE,
                rows(ctx).stream()
                        .map(r -> new ServiceRows.Read(Map.of(), r.period(), r.periodStart(), rateWithheld(s, r)))
                        .toList());
    }

    static Suppression<List<String>> disclose(List<CheckpointRow> rows, int threshold) {
        SuppressionProblem<List<String>> p = new SuppressionProblem<>();
        for (CheckpointRow r : rows) {
            List<String> k = List.of(r.period());
            p.visible(cell(k, "referrals"), r.referrals())
                    .visible(cell(k, "people"), r.peopleReferred())
                    .visible(cell(k, "eligible"), r.eligible())
                    .visible(cell(k, "diverted"), r.diverted())
                    .visible(cell(k, "prosecuted"), r.prosecuted())
                    .visible(cell(k, "ended"), r.contractsEnded())
                    .visible(cell(k, "completed"), r.completed())
                    .visible(cell(k, "open"), r.contractsOpen())
                    .hidden(cell(k, "not_eligible"), Math.max(0, r.referrals() - r.eligible()))
                    .hidden(cell(k, "failed"), Math.max(0, r.contractsEnded() - r.completed()));
            p.group(List.of(cell(k, "referrals"), cell(k, "eligible"), cell(k, "not_eligible")));
            if (r.diverted() + r.prosecuted() == r.referrals()) {
                p.group(List.of(cell(k, "referrals"), cell(k, "diverted"), cell(k, "prosecuted")));
            }
            if (r.contractsEnded() + r.contractsOpen() == r.diverted()) {
                p.group(List.of(cell(k, "diverted"), cell(k, "ended"), cell(k, "open")));
            }
            p.group(List.of(cell(k, "ended"), cell(k, "completed"), cell(k, "failed")));
        }
        return p.solve(threshold);
    }
}
