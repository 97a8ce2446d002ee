package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.IomRow;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/**
 * IOM: offending before and after adoption for the IOM cohort and its matched comparison group. Group sizes below
 * the threshold are withheld, with the totals and means of that group; a small total of proven offences is
 * withheld too (it bounds the people behind it); the change and the difference in differences go with them.
 */
public final class IomSheet implements PackSheet {
    @Override
    public Sheet build(PackContext ctx) {
        String name = "IOM";
        String contents = "Integrated Offender Management: offending before and after adoption";
        String title = "Integrated Offender Management: before and after adoption";
        if (ctx.data().iomPrePost().isEmpty() || ctx.data().iomPrePost().get().isEmpty()) {
            return ctx.absent(name, contents, title, "iom_pre_post");
        }
        List<IomRow> rows = ctx.data().iomPrePost().get();
        int t = ctx.threshold();
        Map<IomRow, boolean[]> flags = new HashMap<>();
        for (IomRow r : rows) {
            boolean people = small(r.people(), t);
            boolean counted = "PROVEN_OFFENCES".equals(r.measure());
            boolean before = people || (counted && small(round(r.beforeTotal()), t));
            boolean after = people || (counted && small(round(r.afterTotal()), t));
            flags.put(r, new boolean[] {people, before, after, before || after});
        }
        List<List<Object>> table = new ArrayList<>();
        for (IomRow r : rows) {
            boolean[] f = flags.get(r);
            boolean did = f[3]
                    || rows.stream().anyMatch(o -> !o.equals(r) && o.measure().equals(r.measure()) && flags.get(o)[3]);
            boolean isIom = r.did() != null || "IOM".equals(r.groupName());
            table.add(new ArrayList<>(List.of(
                    ctx.label("group", r.groupName()),
                    ctx.label("measure", r.measure()),
                    r.people() == null ? Figure.NOT_AVAILABLE : Figure.count(r.people(), f[0]),
                    Figure.unless(f[1], r.beforeTotal()),
                    Figure.unless(f[2], r.afterTotal()),
                    Figure.unless(f[1], r.beforeMean()),
                    Figure.unless(f[2], r.afterMean()),
                    Figure.unless(f[3], r.changeMean()),
                    Figure.unless(f[3], r.changeCiLow()),
                    Figure.unless(f[3], r.changeCiHigh()),
                    isIom ? Figure.unless(did, r.did()) : Figure.NOT_APPLICABLE,
                    isIom ? Figure.unless(did, r.didCiLow()) : Figure.NOT_APPLICABLE,
                    isIom ? Figure.unless(did, r.didCiHigh()) : Figure.NOT_APPLICABLE,
                    isIom ? Figure.unless(did, r.pValue()) : Figure.NOT_APPLICABLE,
                    ctx.label("comparison_status", r.status()))));
        }
        return new Sheet(
                name,
                contents,
                title,
                "This worksheet contains one table: proven offences and harm in the 12 months before and after "
                        + "adoption onto IOM, per person, for people adopted and a matched comparison group, with the "
                        + "difference in differences and its 95% confidence interval.",
                List.of(ctx.notes().line("IOM", "HARM", "DISCLOSURE"), ctx.source("iom_pre_post")),
                new Table(
                        "IOM_before_and_after",
                        List.of(
                                Column.text("Group"),
                                Column.text("Measure"),
                                Column.count("People"),
                                Column.decimal("Total before"),
                                Column.decimal("Total after"),
                                Column.decimal("Mean before"),
                                Column.decimal("Mean after"),
                                Column.decimal("Change per person"),
                                Column.decimal("Change lower 95% limit"),
                                Column.decimal("Change upper 95% limit"),
                                Column.decimal("Difference in differences"),
                                Column.decimal("Difference in differences lower 95% limit"),
                                Column.decimal("Difference in differences upper 95% limit"),
                                Column.pValue("p-value"),
                                Column.text("Status")),
                        table),
                List.of());
    }

    private static boolean small(Long v, int threshold) {
        return v != null && v >= 1 && v < threshold;
    }

    private static Long round(Double v) {
        return v == null ? null : Math.round(v);
    }
}
