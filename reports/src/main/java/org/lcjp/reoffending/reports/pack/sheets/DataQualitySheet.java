package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lcjp.reoffending.reports.disclosure.Suppression;
import org.lcjp.reoffending.reports.disclosure.SuppressionProblem;
import org.lcjp.reoffending.reports.pack.Cohorts;
import org.lcjp.reoffending.reports.pack.Column;
import org.lcjp.reoffending.reports.pack.Figure;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.DataQualityRow;
import org.lcjp.reoffending.reports.pack.PackData.LinkageQualityRow;
import org.lcjp.reoffending.reports.pack.PanelPack;
import org.lcjp.reoffending.reports.pack.SheetWriter;

/**
 * Per source file: rows read, accepted, quarantined (and by rule), superseded and deleted, and the share of its
 * records linked to police or court records. Row counts go through the same disclosure control as people counts,
 * since a handful of quarantined rows can point at a handful of people.
 */
public final class DataQualitySheet {
    private static final String SHARE_LINKED = "SHARE_LINKED_TO_POLICE_OR_COURT";
    private final PackContext ctx;

    public DataQualitySheet(PackContext ctx) {
        this.ctx = ctx;
    }

    public void write() {
        SheetWriter w = ctx.newSheet(PanelPack.DATA_QUALITY);
        w.title("Data quality");
        if (ctx.data().dataQuality().isEmpty()) {
            w.paragraph("The data-quality table (data_quality) was not produced this run.");
        } else {
            files(w, ctx.data().dataQuality().get());
        }
        w.subtitle("Linkage quality");
        if (ctx.data().linkageQuality().isEmpty()) {
            w.paragraph("The linkage-quality table (linkage_quality) was not produced this run.");
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        ctx.data().linkageQuality().get().stream()
                .sorted(Comparator.comparing(LinkageQualityRow::metric).thenComparing(LinkageQualityRow::category))
                .forEach(l -> rows.add(Arrays.asList(Cohorts.titleCase(l.metric()), l.category(), Figure.ofNullable(l.value()))));
        w.table("Linkage_quality", List.of(Column.longText("Metric"), Column.text("Category"), Column.decimal("Value")), rows);
    }

    private void files(SheetWriter w, List<DataQualityRow> files) {
        Map<String, Double> shareLinked = new TreeMap<>();
        ctx.data().linkageQuality().ifPresent(l -> l.stream().filter(q -> SHARE_LINKED.equals(q.metric()))
                .forEach(q -> shareLinked.put(q.category(), q.value())));
        List<List<Object>> table = new ArrayList<>();
        List<List<Object>> byRule = new ArrayList<>();
        List<DataQualityRow> sorted = files.stream().sorted(Comparator.comparing(DataQualityRow::sourceFile)).toList();
        for (DataQualityRow f : sorted) {
            Suppression<String> s = suppress(f);
            table.add(Arrays.asList(f.sourceFile(), f.agency(), f.dataset(), f.extractDate(),
                    count(s, "read", f.rowsRead()), count(s, "accepted", f.rowsAccepted()),
                    count(s, "quarantined", f.rowsQuarantined()), count(s, "superseded", f.rowsSuperseded()),
                    count(s, "deleted", f.rowsDeleted()), count(s, "pnc", f.pncCheckFailures()),
                    count(s, "warnings", f.warnings()),
                    Figure.ofNullable(shareLinked.get(f.agency() + "/" + f.dataset()))));
            new TreeMap<>(f.quarantinedByRule()).forEach((rule, n) ->
                    byRule.add(List.of(f.sourceFile(), rule, count(s, "rule:" + rule, n))));
        }
        w.subtitle("Table 1: rows per source file").freezeBelowNextHeader();
        w.table("Data_quality_files", List.of(Column.longText("Source file"), Column.shortText("Agency"), Column.text("Dataset"),
                Column.date("Extract date"), Column.count("Rows read"), Column.count("Accepted"),
                Column.count("Quarantined"), Column.count("Superseded"), Column.count("Deleted"),
                Column.count("PNC check failures"), Column.count("Warnings"),
                Column.percent("Share linked to police or court")), table);
        w.subtitle("Table 2: quarantined rows by rule");
        w.table("Data_quality_rules", List.of(Column.longText("Source file"), Column.text("Rule"),
                Column.count("Rows quarantined")), byRule);
    }

    private Suppression<String> suppress(DataQualityRow f) {
        SuppressionProblem<String> p = new SuppressionProblem<String>()
                .visible("read", f.rowsRead()).visible("accepted", f.rowsAccepted())
                .visible("quarantined", f.rowsQuarantined()).visible("superseded", f.rowsSuperseded())
                .visible("deleted", f.rowsDeleted()).visible("pnc", f.pncCheckFailures())
                .visible("warnings", f.warnings());
        p.group(List.of("read", "accepted", "quarantined"));
        List<String> rules = new ArrayList<>(List.of("quarantined"));
        new TreeMap<>(f.quarantinedByRule()).forEach((rule, n) -> {
            p.visible("rule:" + rule, n);
            rules.add("rule:" + rule);
        });
        p.group(rules);
        return p.solve(ctx.threshold());
    }

    private static Figure count(Suppression<String> s, String key, long value) {
        return Figure.count(value, s.isSuppressed(key));
    }
}
