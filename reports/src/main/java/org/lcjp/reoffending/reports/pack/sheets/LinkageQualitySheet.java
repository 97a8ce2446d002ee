package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.LinkageQualityRow;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/** Linkage quality metrics. Persons by cluster size are counts of people and are disclosure-controlled. */
public final class LinkageQualitySheet implements PackSheet {
    /** Metrics whose values count people (persons, clusters); the others count records or pairs, or are shares. */
    static final Set<String> PEOPLE_METRICS = Set.of("CLUSTER_SIZE", "CHAINED_CLUSTERS_SPLIT");
    /** A group's records (linkage_quality by group). */
    static final String RECORDS = "RECORDS";

    /** A group in words: sex, ethnicity and age band codes as labelled; a dataset as agency/dataset. */
    private static String group(PackContext ctx, LinkageQualityRow l) {
        return switch (l.dimension()) {
            case "SEX", "ETHNICITY", "AGE_BAND" -> ctx.label(l.dimension(), l.groupName());
            case "ALL" -> "All";
            default -> l.groupName();
        };
    }

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
        List<LinkageQualityRow> all = ctx.data().linkageQuality().get();
        // A group of fewer records than the threshold could single a person out through any of its figures.
        Set<String> smallGroups = new HashSet<>();
        all.stream()
                .filter(l -> RECORDS.equals(l.metric()) && l.value() != null && l.value() < ctx.threshold())
                .forEach(l -> smallGroups.add(l.dimension() + "|" + l.groupName()));
        List<List<Object>> rows = new ArrayList<>();
        all.stream()
                .sorted(Comparator.comparing((LinkageQualityRow l) -> !"ALL".equals(l.dimension()))
                        .thenComparing(LinkageQualityRow::dimension)
                        .thenComparing(LinkageQualityRow::groupName)
                        .thenComparing(LinkageQualityRow::metric)
                        .thenComparing(l -> String.valueOf(l.category())))
                .forEach(l -> {
                    Figure v = Figure.ofNullable(l.value());
                    boolean smallPeople = PEOPLE_METRICS.contains(l.metric())
                            && v.isNumber()
                            && v.number() >= 1
                            && v.number() < ctx.threshold();
                    if (smallPeople || smallGroups.contains(l.dimension() + "|" + l.groupName()) && v.isNumber()) {
                        v = Figure.CONFIDENTIAL;
                    }
                    rows.add(new ArrayList<>(List.of(
                            ctx.label("dimension", l.dimension()),
                            group(ctx, l),
                            ctx.label("linkage_metric", l.metric()),
                            category(ctx, l),
                            v)));
                });
        return new Sheet(
                name,
                contents,
                title,
                "This worksheet contains one table: the linkage metrics of this run (pairs scored, how records were "
                        + "linked, persons by number of records, and accuracy where the truth is known), over all "
                        + "records and for the records of each sex, ethnicity, age band and dataset, so that it shows "
                        + "whether linkage works equally well for everyone.",
                List.of(ctx.notes().line("LINKAGE", "NOT_PEOPLE", "DISCLOSURE"), ctx.source("linkage_quality")),
                new Table(
                        "Linkage_quality",
                        List.of(
                                Column.text("Records of"),
                                Column.text("Group"),
                                Column.longText("Metric"),
                                Column.text("Category"),
                                Column.decimal("Value")),
                        rows),
                List.of());
    }
}
