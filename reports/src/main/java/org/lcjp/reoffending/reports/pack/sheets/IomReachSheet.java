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
import org.lcjp.reoffending.reports.pack.PackData.ReachRow;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;
import org.lcjp.reoffending.reports.performance.PerformanceRow;

/**
 * Who IOM reaches (methodology section 10): per year, route and local authority, the highest-risk adults and the
 * share of them on the IOM caseload. Disclosure: those not on IOM are a hidden count; local authorities add up to
 * ALL. The routes overlap (ANY is not their sum), so they are not tied.
 */
public final class IomReachSheet implements PackSheet {
    private static final String TABLE = "iom_reach";
    private static final List<String> ROUTES = List.of("ANY", "ASSESSED_RISK", "ROSH", "PROLIFIC");

    @Override
    public Sheet build(PackContext ctx) {
        String name = "IOM_reach";
        String contents = "Integrated Offender Management: the share of the highest-risk adults on the caseload";
        String title = "Integrated Offender Management: who it reaches";
        Optional<List<ReachRow>> published = ctx.data().services().iomReach();
        if (published.isEmpty() || published.get().isEmpty()) {
            return ctx.absent(name, contents, title, TABLE);
        }
        List<ReachRow> rows = rows(ctx);
        Suppression<List<String>> s = suppression(ctx);
        List<List<Object>> table = new ArrayList<>();
        for (ReachRow r : rows) {
            List<String> k = key(r);
            boolean adults = s.isSuppressed(cell(k, "adults"));
            boolean onIom = s.isSuppressed(cell(k, "on_iom"));
            boolean shown = !shareWithheld(s, r) && r.highestRiskAdults() > 0;
            table.add(new ArrayList<>(List.of(
                    ServiceRows.period(ctx, r.period()),
                    ctx.label("route", r.route()),
                    ctx.label("LOCAL_AUTHORITY", r.localAuthority()),
                    Figure.count(r.highestRiskAdults(), adults),
                    Figure.count(r.onIom(), onIom),
                    new Formatted(Figure.unless(!shown, r.shareOnIom()), Column.Kind.PERCENT),
                    new Formatted(Figure.unless(!shown, r.ciLow()), Column.Kind.PERCENT),
                    new Formatted(Figure.unless(!shown, r.ciHigh()), Column.Kind.PERCENT),
                    ServiceRows.flags(ctx, r.status(), r.highestRiskAdults(), shown))));
        }
        return new Sheet(
                name,
                contents,
                title,
                "This worksheet contains one table: for each year, the highest-risk adults found by each route "
                        + "(a high assessed risk of reoffending, a high risk of serious harm, or the most prolific), "
                        + "in each local authority, and the share of them on the IOM caseload at some time in the "
                        + "year, with its 95% confidence interval.",
                List.of(ctx.notes().line("IOM_REACH", "DISCLOSURE", "RELIABILITY"), ctx.source(TABLE)),
                new Table(
                        "IOM_reach",
                        List.of(
                                Column.text("Period"),
                                Column.text("Route"),
                                Column.text("Local authority"),
                                Column.count("Highest-risk adults"),
                                Column.count("On IOM"),
                                Column.percent("Share on IOM"),
                                Column.percent("Lower 95% limit"),
                                Column.percent("Upper 95% limit"),
                                Column.flags("Row notes")),
                        table),
                List.of());
    }

    private static List<ReachRow> rows(PackContext ctx) {
        return ctx.data().services().iomReach().orElse(List.of()).stream()
                .sorted(Comparator.comparing(ReachRow::period, ServiceRows.PERIOD_ORDER)
                        .thenComparing(r -> ROUTES.indexOf(r.route()))
                        .thenComparing(ReachRow::localAuthority, ServiceRows.AREA_ORDER))
                .toList();
    }

    private static Suppression<List<String>> suppression(PackContext ctx) {
        return ctx.disclosed(IomReachSheet.class, () -> disclose(rows(ctx), ctx.threshold()));
    }

    /** The share on IOM goes with the two counts it divides. */
    private static boolean shareWithheld(Suppression<List<String>> s, ReachRow r) {
        return s.isSuppressed(cell(key(r), "adults")) || s.isSuppressed(cell(key(r), "on_iom"));
    }

    /** An iom_reach measure of the performance framework is withheld with the share it reads. */
    public static boolean withholds(PackContext ctx, PerformanceRow perf) {
        Suppression<List<String>> s = suppression(ctx);
        return ServiceRows.withholds(
                perf,
                TABLE,
                rows(ctx).stream()
                        .map(r -> new ServiceRows.Read(
                                Map.of("route", r.route(), "local_authority", r.localAuthority()),
                                r.period(),
                                r.periodStart(),
                                shareWithheld(s, r)))
                        .toList());
    }

    static Suppression<List<String>> disclose(List<ReachRow> rows, int threshold) {
        SuppressionProblem<List<String>> p = new SuppressionProblem<>();
        for (ReachRow r : rows) {
            List<String> k = key(r);
            p.visible(cell(k, "adults"), r.highestRiskAdults())
                    .visible(cell(k, "on_iom"), r.onIom())
                    .hidden(cell(k, "not_on_iom"), Math.max(0, r.highestRiskAdults() - r.onIom()));
            p.group(List.of(cell(k, "adults"), cell(k, "on_iom"), cell(k, "not_on_iom")));
        }
        ServiceRows.tieToAll(p, rows, IomReachSheet::key, 2, List.of("adults", "on_iom", "not_on_iom"));
        return p.solve(threshold);
    }

    private static List<String> key(ReachRow r) {
        return List.of(r.period(), r.route(), r.localAuthority());
    }
}
