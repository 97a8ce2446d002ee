package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lcjp.reoffending.reports.pack.Cohorts;
import org.lcjp.reoffending.reports.pack.Column;
import org.lcjp.reoffending.reports.pack.Figure;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.IomRow;
import org.lcjp.reoffending.reports.pack.PanelPack;
import org.lcjp.reoffending.reports.pack.SheetWriter;

/**
 * IOM: proven offences and harm in the 12 months before and after adoption, for the IOM cohort and its matched
 * comparison group. Group sizes and offence totals below the threshold are suppressed, with the means derived from
 * them, the change, and the difference-in-differences that uses both groups.
 */
public final class IomSheet {
    private final PackContext ctx;

    public IomSheet(PackContext ctx) {
        this.ctx = ctx;
    }

    public void write() {
        SheetWriter w = ctx.newSheet(PanelPack.IOM);
        w.title("Integrated Offender Management: before and after adoption");
        if (ctx.data().iomPrePost().isEmpty() || ctx.data().iomPrePost().get().isEmpty()) {
            w.paragraph("The IOM before-and-after table (iom_pre_post) was not produced this run.");
            return;
        }
        List<IomRow> rows = ctx.data().iomPrePost().get();
        w.note("Change is after minus before per person; the difference-in-differences (DiD) subtracts the comparison "
                + "group's change, to separate the scheme's effect from regression to the mean.");
        int t = ctx.threshold();
        Map<IomRow, boolean[]> flags = new LinkedHashMap<>();
        for (IomRow r : rows) {
            boolean people = small(r.people(), t);
            boolean counted = "PROVEN_OFFENCES".equals(r.measure());
            boolean beforeTotal = people || (counted && small(round(r.beforeTotal()), t));
            boolean afterTotal = people || (counted && small(round(r.afterTotal()), t));
            flags.put(r, new boolean[]{people, beforeTotal, afterTotal, beforeTotal || afterTotal});
        }
        List<List<Object>> table = new ArrayList<>();
        IntervalChartData chart = new IntervalChartData("Change per person");
        for (IomRow r : rows) {
            boolean[] f = flags.get(r);
            boolean did = f[3] || rows.stream().anyMatch(o -> o != r && o.measure().equals(r.measure()) && flags.get(o)[3]);
            table.add(Arrays.asList(r.groupName(), Cohorts.titleCase(r.measure()),
                    r.people() == null ? null : Figure.count(r.people(), f[0]),
                    fig(f[1], r.beforeTotal()), fig(f[2], r.afterTotal()), fig(f[1], r.beforeMean()),
                    fig(f[2], r.afterMean()), fig(f[3], r.changeMean()), fig(f[3], r.changeCiLow()),
                    fig(f[3], r.changeCiHigh()), fig(did, r.did()), fig(did, r.didCiLow()), fig(did, r.didCiHigh()),
                    fig(did, r.pValue()), r.status(), r.note()));
            if ("PROVEN_OFFENCES".equals(r.measure())) {
                chart.add(r.groupName(), fig(f[3], r.changeMean()), fig(f[3], r.changeCiLow()), fig(f[3], r.changeCiHigh()));
            }
        }
        w.subtitle("Table 1: before and after adoption").freezeBelowNextHeader();
        w.table("IOM_pre_post", List.of(Column.text("Group"), Column.text("Measure"), Column.count("People"),
                Column.count("Total before"), Column.count("Total after"), Column.decimal("Mean before"),
                Column.decimal("Mean after"), Column.decimal("Change per person"), Column.decimal("Change CI lower"),
                Column.decimal("Change CI upper"), Column.decimal("DiD"), Column.decimal("DiD CI lower"),
                Column.decimal("DiD CI upper"), Column.pValue("p-value"), Column.text("Status"),
                Column.longText("Note")), table);
        if (chart.isEmpty()) {
            return;
        }
        w.subtitle("Chart 1: change in proven offences per person, with 95% confidence intervals");
        chart.write(w, "IOM_chart_data", "Group", Column.Kind.DECIMAL,
                "Change in proven offences per person after adoption, with 95% confidence intervals",
                "Interval chart: for the IOM cohort and the comparison group, the mean change in proven offences "
                        + "per person from the 12 months before adoption to the 12 months after (diamond), with its "
                        + "95% confidence interval (error bar). Figures are in Table 1.", "0.0");
    }

    private static boolean small(Long v, int threshold) {
        return v != null && v >= 1 && v < threshold;
    }

    private static Long round(Double v) {
        return v == null ? null : Math.round(v);
    }

    private static Figure fig(boolean suppressed, Double v) {
        return suppressed && v != null ? Figure.SUPPRESSED : Figure.ofNullable(v);
    }
}
