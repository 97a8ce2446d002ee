package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.lcjp.reoffending.reports.pack.Figure;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.LinkageQualityRow;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/** Linkage quality metrics. Persons by cluster size are counts of people and are disclosure-controlled. */
public final class LinkageQualitySheet implements PackSheet {
    /** Metrics whose values count people (persons, clusters); the others count records or pairs, or are shares. */
    static final Set<String> PEOPLE_METRICS = Set.of("CLUSTER_SIZE", "CHAINED_CLUSTERS_SPLIT");

    /**
     * A numeric category (a match-weight bin, records per person) is stored as a number: it is a label, not a count,
     * and as text it would read like one.
     */
    private static Object category(PackContext ctx, LinkageQualityRow l) {
        if (l.category() == null) {
            return "All";
        }
        if (l.category().matches("-?\\d+")) {
            return new Formatted(Figure.of(Long.parseLong(l.category())), Column.Kind.NUMBER);
        }
        return ctx.label("common", l.category());
    }

    @Override
    public Sheet build(PackContext ctx) {
        String name = "Linkage_quality";
        String contents = "How records were linked into people, and how well";
        String title = "Linkage quality";
        if (ctx.data().linkageQuality().isEmpty()) {
            return ctx.absent(name, contents, title, "linkage_quality");
        }
        List<List<Object>> rows = new ArrayList<>();
        ctx.data().linkageQuality().get().stream()
                .sorted(Comparator.comparing(LinkageQualityRow::metric).thenComparing(LinkageQualityRow::category))
                .forEach(l -> {
                    Figure v = Figure.ofNullable(l.value());
                    if (PEOPLE_METRICS.contains(l.metric()) && v.isNumber() && v.number() >= 1
                            && v.number() < ctx.threshold()) {
                        v = Figure.CONFIDENTIAL;
                    }
                    rows.add(new ArrayList<>(List.of(ctx.label("linkage_metric", l.metric()), category(ctx, l), v)));
                });
        return new Sheet(name, contents, title,
                "This worksheet contains one table: the linkage metrics of this run (pairs scored, how records were "
                        + "linked, persons by number of records, and accuracy where the truth is known).",
                List.of(ctx.notes().line("LINKAGE", "NOT_PEOPLE", "DISCLOSURE"), ctx.source("linkage_quality")),
                new Table("Linkage_quality", List.of(Column.longText("Metric"), Column.text("Category"),
                        Column.decimal("Value")), rows), List.of());
    }
}
