package org.lcjp.reoffending.reports.pack.sheets;

import static org.lcjp.reoffending.reports.pack.sheets.ServiceRows.cell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lcjp.reoffending.reports.disclosure.Suppression;
import org.lcjp.reoffending.reports.disclosure.SuppressionProblem;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.NeedsRow;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.model.Chart;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;
import org.lcjp.reoffending.reports.performance.PerformanceRow;

/**
 * Gaps in provision (methodology section 10): per year, local authority and sex, people assessed, those with a
 * drugs-or-alcohol or accommodation need, and those of them with no contact with the service that meets it, with
 * the share and its interval; a bar chart of the share by local authority in the latest final year. Disclosure:
 * the people without the need and those with the need who were reached are hidden counts; local authorities add
 * up to ALL and the sexes to ALL.
 */
public final class NeedsGapsSheet implements PackSheet {
    private static final String TABLE = "needs_and_gaps";
    static final List<String> GAPS = List.of("DRUGS_OR_ALCOHOL", "ACCOMMODATION");
    private static final List<String> KINDS = List.of("assessed", "with", "without", "not_need", "reached");

    @Override
    public Sheet build(PackContext ctx) {
        String name = "Needs_and_gaps";
        String contents = "Gaps in provision: people with a need and no contact with the service, by local authority";
        String title = "Gaps in provision by local authority";
        Optional<List<NeedsRow>> published = ctx.data().services().needsAndGaps();
        if (published.isEmpty()) {
            return ctx.absent(name, contents, title, TABLE);
        }
        List<NeedsRow> rows = rows(ctx);
        if (rows.isEmpty()) {
            return new Sheet(
                    name,
                    contents,
                    title,
                    "This worksheet would contain one table; no service was delivered "
                            + "to set against the needs, so it is not available [x].",
                    List.of(),
                    null,
                    List.of());
        }
        Suppression<List<String>> s = suppression(ctx);
        List<List<Object>> table = new ArrayList<>();
        Map<NeedsRow, Figure> gapShares = new IdentityHashMap<>();
        for (NeedsRow r : rows) {
            List<String> k = key(r);
            boolean assessed = s.isSuppressed(cell(k, "assessed"));
            boolean with = s.isSuppressed(cell(k, "with"));
            boolean without = s.isSuppressed(cell(k, "without"));
            boolean gapShown = !gapWithheld(s, r) && r.peopleWithNeed() > 0;
            gapShares.put(r, Figure.unless(!gapShown, r.shareWithoutService()));
            table.add(new ArrayList<>(List.of(
                    ServiceRows.period(ctx, r.period()),
                    ctx.label("LOCAL_AUTHORITY", r.localAuthority()),
                    ctx.label("SEX", r.sex()),
                    ctx.label("need", r.need()),
                    ctx.label("service", r.service()),
                    Figure.count(r.peopleAssessed(), assessed),
                    Figure.count(r.peopleWithNeed(), with),
                    new Formatted(Figure.unless(assessed || with, r.needShare()), Column.Kind.PERCENT),
                    Figure.count(r.peopleWithoutService(), without),
                    new Formatted(gapShares.get(r), Column.Kind.PERCENT),
                    new Formatted(Figure.unless(!gapShown, r.ciLow()), Column.Kind.PERCENT),
                    new Formatted(Figure.unless(!gapShown, r.ciHigh()), Column.Kind.PERCENT),
                    ServiceRows.flags(ctx, r.status(), r.peopleWithNeed(), gapShown))));
        }
        return new Sheet(
                name,
                contents,
                title,
                "This worksheet contains one table: for each year and all final years pooled, each local authority "
                        + "and sex, the people assessed by probation, those with a drugs or alcohol need or an "
                        + "accommodation need, and the share of them with no contact with substance-misuse treatment "
                        + "or housing support around their index event, with its 95% confidence interval.",
                List.of(ctx.notes().line("NEEDS_GAPS", "DISCLOSURE", "RELIABILITY"), ctx.source(TABLE)),
                new Table(
                        "Gaps_in_provision",
                        List.of(
                                Column.text("Period"),
                                Column.text("Local authority"),
                                Column.text("Sex"),
                                Column.text("Need"),
                                Column.text("Service"),
                                Column.count("People assessed"),
                                Column.count("People with the need"),
                                Column.percent("Share with the need"),
                                Column.count("People with the need and no service contact"),
                                Column.percent("Share with no service contact"),
                                Column.percent("Lower 95% limit"),
                                Column.percent("Upper 95% limit"),
                                Column.flags("Row notes")),
                        table),
                chart(ctx, rows, gapShares));
    }

    /** The gap share by local authority in the latest final year, both sexes, from the figures the table shows. */
    private static List<Chart> chart(PackContext ctx, List<NeedsRow> rows, Map<NeedsRow, Figure> gapShares) {
        Optional<String> latest = rows.stream()
                .filter(NeedsRow::isFinal)
                .map(NeedsRow::period)
                .filter(p -> !"POOLED".equals(p))
                .max(Comparator.naturalOrder());
        if (latest.isEmpty()) {
            return List.of();
        }
        List<String> areas = rows.stream()
                .filter(r ->
                        r.period().equals(latest.get()) && !r.localAuthority().equals("ALL"))
                .map(NeedsRow::localAuthority)
                .distinct()
                .sorted(ServiceRows.AREA_ORDER)
                .toList();
        List<Chart.Series> series = new ArrayList<>();
        for (String need : GAPS) {
            List<Double> values = new ArrayList<>();
            for (String area : areas) {
                Double v = null;
                for (NeedsRow r : rows) {
                    if (r.period().equals(latest.get())
                            && r.need().equals(need)
                            && r.localAuthority().equals(area)
                            && r.sex().equals("ALL")) {
                        v = gapShares.get(r).number();
                    }
                }
                values.add(v);
            }
            series.add(new Chart.Series(ctx.label("need", need), values));
        }
        String year = ServiceRows.period(ctx, latest.get());
        return List.of(new Chart(
                Chart.Type.BAR,
                "Share with a need and no service contact by local authority, " + year,
                "Bar chart of the share of people with a drugs or alcohol need, and with an accommodation need, who had "
                        + "no contact with the service, in each local authority in " + year + ". Withheld figures are "
                        + "left out. The figures are in the table.",
                areas.stream().map(a -> ctx.label("LOCAL_AUTHORITY", a)).toList(),
                series,
                "0%"));
    }

    /** The gaps the sheet shows: the needs that a delivered service is set against. */
    private static List<NeedsRow> rows(PackContext ctx) {
        return ctx.data().services().needsAndGaps().orElse(List.of()).stream()
                .filter(r -> GAPS.contains(r.need()) && r.peopleWithoutService() != null)
                .sorted(Comparator.comparing(NeedsRow::period, ServiceRows.PERIOD_ORDER)
                        .thenComparing(r -> GAPS.indexOf(r.need()))
                        .thenComparing(NeedsRow::localAuthority, ServiceRows.AREA_ORDER)
                        .thenComparing(NeedsRow::sex, ServiceRows.SEX_ORDER))
                .toList();
    }

    private static Suppression<List<String>> suppression(PackContext ctx) {
        return ctx.disclosed(NeedsGapsSheet.class, () -> disclose(rows(ctx), ctx.threshold()));
    }

    /** The share with no service contact goes with the two counts it divides. */
    private static boolean gapWithheld(Suppression<List<String>> s, NeedsRow r) {
        return s.isSuppressed(cell(key(r), "with")) || s.isSuppressed(cell(key(r), "without"));
    }

    /**
     * A needs_and_gaps measure of the performance framework is withheld when the sheet withholds a gap it reads (for
     * the largest gap, either need's: the value would tell which one it is and so give it back).
     */
    public static boolean withholds(PackContext ctx, PerformanceRow perf) {
        Suppression<List<String>> s = suppression(ctx);
        return ServiceRows.withholds(
                perf,
                TABLE,
                rows(ctx).stream()
                        .map(r -> new ServiceRows.Read(
                                Map.of("local_authority", r.localAuthority(), "sex", r.sex(), "need", r.need()),
                                r.period(),
                                r.periodStart(),
                                gapWithheld(s, r)))
                        .toList());
    }

    static Suppression<List<String>> disclose(List<NeedsRow> rows, int threshold) {
        SuppressionProblem<List<String>> p = new SuppressionProblem<>();
        for (NeedsRow r : rows) {
            List<String> k = key(r);
            p.visible(cell(k, "assessed"), r.peopleAssessed())
                    .visible(cell(k, "with"), r.peopleWithNeed())
                    .visible(cell(k, "without"), r.peopleWithoutService())
                    .hidden(cell(k, "not_need"), Math.max(0, r.peopleAssessed() - r.peopleWithNeed()))
                    .hidden(cell(k, "reached"), Math.max(0, r.peopleWithNeed() - r.peopleWithoutService()));
            p.group(List.of(cell(k, "assessed"), cell(k, "with"), cell(k, "not_need")));
            p.group(List.of(cell(k, "with"), cell(k, "without"), cell(k, "reached")));
        }
        ServiceRows.tieToAll(p, rows, NeedsGapsSheet::key, 2, KINDS);
        ServiceRows.tieToAll(p, rows, NeedsGapsSheet::key, 3, KINDS);
        return p.solve(threshold);
    }

    private static List<String> key(NeedsRow r) {
        return List.of(r.period(), r.need(), r.localAuthority(), r.sex());
    }
}
