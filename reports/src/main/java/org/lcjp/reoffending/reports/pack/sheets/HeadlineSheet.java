package org.lcjp.reoffending.reports.pack.sheets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lcjp.reoffending.reports.pack.Charts;
import org.lcjp.reoffending.reports.pack.Cohorts;
import org.lcjp.reoffending.reports.pack.Column;
import org.lcjp.reoffending.reports.pack.Figure;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.ReoffendingRow;
import org.lcjp.reoffending.reports.pack.PanelPack;
import org.lcjp.reoffending.reports.pack.SheetWriter;

/** The latest final cohort and the provisional ones after it, then the trend over every cohort with a line chart. */
public final class HeadlineSheet {
    static final int CHART_HEIGHT = 20;
    private final PackContext ctx;

    public HeadlineSheet(PackContext ctx) {
        this.ctx = ctx;
    }

    public void write() {
        SheetWriter w = ctx.newSheet(PanelPack.HEADLINE);
        w.title("Headline: proven reoffending");
        w.note("Offenders in each cohort who committed a proven reoffence within 12 months (proven within a further 6).");
        w.note("PROVISIONAL cohorts have not yet had their full follow-up and waiting periods: their figures will rise.");
        List<ReoffendingRow> overall = ctx.data().provenReoffending().stream()
                .filter(r -> r.dimension().equals("ALL"))
                .sorted(Comparator.comparing(ReoffendingRow::cohortStart)
                        .thenComparing(ReoffendingRow::population, Cohorts.POPULATION_ORDER))
                .toList();
        Optional<LocalDate> latestFinal = overall.stream().filter(r -> r.status().equals("FINAL"))
                .map(ReoffendingRow::cohortStart).max(Comparator.naturalOrder());

        w.subtitle("Table 1: latest final cohort and provisional cohorts").freezeBelowNextHeader();
        List<ReoffendingRow> latest = overall.stream()
                .filter(r -> r.status().equals("PROVISIONAL")
                        ? latestFinal.map(f -> r.cohortStart().isAfter(f)).orElse(true)
                        : latestFinal.map(f -> r.cohortStart().equals(f)).orElse(false))
                .sorted(Comparator.comparing(ReoffendingRow::cohortStart).reversed()
                        .thenComparing(ReoffendingRow::population, Cohorts.POPULATION_ORDER))
                .toList();
        w.table("Headline_latest", columns(), rows(latest));

        w.subtitle("Table 2: trend over all cohorts");
        SheetWriter.TableRange trend = w.table("Headline_trend", columns(), rows(overall));
        if (trend == null) {
            return;
        }
        w.subtitle("Chart 1: proportion of offenders who reoffended, by cohort");
        Map<String, Map<String, Figure>> series = new LinkedHashMap<>();
        List<String> cohorts = new ArrayList<>();
        for (ReoffendingRow r : overall) {
            String label = label(r);
            if (!cohorts.contains(label)) {
                cohorts.add(label);
            }
            series.computeIfAbsent(Cohorts.titleCase(r.population()), k -> new LinkedHashMap<>())
                    .put(label, ctx.reoffending().shown(r).reoffendingRate());
        }
        ReoffendingTables.ChartBlock block = ReoffendingTables.chartData(w, "Headline_chart_data", "Cohort",
                cohorts, new ArrayList<>(series.keySet()), series, Column.Kind.PERCENT);
        if (!block.worthDrawing()) {
            return;
        }
        int top = w.nextRow() + 1;
        Charts.line(w.sheet(), new Charts.Place(0, top, 8, CHART_HEIGHT),
                "Proportion of offenders who reoffended, by cohort",
                "Line chart of the proportion of offenders who committed a proven reoffence, for each cohort, "
                        + "for all offenders, adults and juveniles. Figures are in Table 2; provisional cohorts are marked (P).",
                block.categories(), block.series(), "0%");
        for (int i = 0; i <= CHART_HEIGHT; i++) {
            w.blank();
        }
    }

    private List<Column> columns() {
        return ReoffendingTables.columns(List.of(Column.text("Cohort"), Column.text("Status"), Column.text("Population")));
    }

    private List<List<Object>> rows(List<ReoffendingRow> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (ReoffendingRow r : rows) {
            List<Object> row = new ArrayList<>(List.of(label(r), r.status(), Cohorts.titleCase(r.population())));
            row.addAll(ReoffendingTables.measures(ctx.reoffending().shown(r)));
            out.add(row);
        }
        return out;
    }

    static String label(ReoffendingRow r) {
        return Cohorts.label(r.cohortStart(), r.cohortEnd()) + (r.status().equals("PROVISIONAL") ? " (P)" : "");
    }
}
