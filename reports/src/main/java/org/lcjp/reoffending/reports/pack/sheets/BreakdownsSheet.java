package org.lcjp.reoffending.reports.pack.sheets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.lcjp.reoffending.reports.pack.Charts;
import org.lcjp.reoffending.reports.pack.Cohorts;
import org.lcjp.reoffending.reports.pack.Column;
import org.lcjp.reoffending.reports.pack.Figure;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.ReoffendingRow;
import org.lcjp.reoffending.reports.pack.PanelPack;
import org.lcjp.reoffending.reports.pack.SheetWriter;

/** Every breakdown of the latest final cohort (the latest cohort when none is final yet), each with a bar chart. */
public final class BreakdownsSheet {
    /** Dimensions in the order the pack shows them. */
    static final List<String> DIMENSIONS = List.of("SEX", "AGE_BAND", "ETHNICITY", "OFFENCE_GROUP", "PREVIOUS_OFFENCES",
            "INDEX_DISPOSAL", "SENTENCE_LENGTH", "LOCAL_AUTHORITY");
    private final PackContext ctx;

    public BreakdownsSheet(PackContext ctx) {
        this.ctx = ctx;
    }

    public void write() {
        SheetWriter w = ctx.newSheet(PanelPack.BREAKDOWNS);
        List<ReoffendingRow> all = ctx.data().provenReoffending();
        Optional<LocalDate> cohort = all.stream().filter(r -> r.status().equals("FINAL"))
                .map(ReoffendingRow::cohortStart).max(Comparator.naturalOrder())
                .or(() -> all.stream().map(ReoffendingRow::cohortStart).max(Comparator.naturalOrder()));
        w.title("Breakdowns of the latest final cohort");
        if (cohort.isEmpty()) {
            w.note("No cohorts in this run.");
            return;
        }
        List<ReoffendingRow> rows = all.stream().filter(r -> r.cohortStart().equals(cohort.get())).toList();
        ReoffendingRow first = rows.get(0);
        w.paragraph("Cohort: " + Cohorts.label(first.cohortStart(), first.cohortEnd()) + " (" + first.status() + ")");
        if (!first.status().equals("FINAL")) {
            w.note("No cohort is final yet: this is the latest provisional cohort and its figures will rise.");
        }
        w.freezeHere();
        List<String> dimensions = new ArrayList<>(DIMENSIONS);
        rows.stream().map(ReoffendingRow::dimension).distinct()
                .filter(d -> !d.equals("ALL") && !dimensions.contains(d)).sorted().forEach(dimensions::add);
        int n = 0;
        for (String dimension : dimensions) {
            List<ReoffendingRow> cells = rows.stream().filter(r -> r.dimension().equals(dimension))
                    .sorted(Comparator.comparing(ReoffendingRow::population, Cohorts.POPULATION_ORDER)
                            .thenComparing(ReoffendingRow::category, Cohorts.CATEGORY_ORDER))
                    .toList();
            if (cells.isEmpty()) {
                continue;
            }
            n++;
            String name = Cohorts.titleCase(dimension);
            w.subtitle("Table " + n + ": " + name);
            List<List<Object>> table = new ArrayList<>();
            Map<String, Map<String, Figure>> series = new LinkedHashMap<>();
            TreeSet<String> categories = new TreeSet<>(Cohorts.CATEGORY_ORDER);
            for (ReoffendingRow r : cells) {
                List<Object> row = new ArrayList<>(List.of(Cohorts.titleCase(r.population()), r.category()));
                row.addAll(ReoffendingTables.measures(ctx.reoffending().shown(r)));
                table.add(row);
                categories.add(r.category());
                series.computeIfAbsent(Cohorts.titleCase(r.population()), k -> new LinkedHashMap<>())
                        .put(r.category(), ctx.reoffending().shown(r).reoffendingRate());
            }
            w.table("Breakdown_" + dimension.toLowerCase(), ReoffendingTables.columns(
                    List.of(Column.text("Population"), Column.text(name))), table);
            ReoffendingTables.ChartBlock block = ReoffendingTables.chartData(w, "Breakdown_" + dimension.toLowerCase()
                    + "_chart_data", name, new ArrayList<>(categories), new ArrayList<>(series.keySet()), series, Column.Kind.PERCENT);
            if (!block.worthDrawing()) {
                continue;
            }
            int height = Math.max(12, Math.min(40, 4 + categories.size() * series.size()));
            Charts.bar(w.sheet(), new Charts.Place(0, w.nextRow() + 1, 8, height),
                    "Proportion who reoffended by " + name.toLowerCase(),
                    "Bar chart of the proportion of offenders who reoffended in each " + name.toLowerCase()
                            + " category, for all offenders, adults and juveniles. Figures are in Table " + n + ".",
                    block.categories(), block.series(), "0%");
            for (int i = 0; i <= height + 1; i++) {
                w.blank();
            }
        }
    }
}
