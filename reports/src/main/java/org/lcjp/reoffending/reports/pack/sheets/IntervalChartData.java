package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lcjp.reoffending.reports.pack.Charts;
import org.lcjp.reoffending.reports.pack.Column;
import org.lcjp.reoffending.reports.pack.Figure;
import org.lcjp.reoffending.reports.pack.SheetWriter;

/**
 * The chart-data table behind an interval chart: per category the estimate, its bounds, and the error-bar
 * lengths the chart reads (estimate minus lower, upper minus estimate). Blank wherever a figure is suppressed.
 */
final class IntervalChartData {
    static final String ESTIMATE_LOWER = "95% CI lower";
    static final String ESTIMATE_UPPER = "95% CI upper";
    static final String BELOW = "Error bar below";
    static final String ABOVE = "Error bar above";

    private final String estimateName;
    private final List<String> categories = new ArrayList<>();
    private final Map<String, Map<String, Figure>> series = new LinkedHashMap<>();

    IntervalChartData(String estimateName) {
        this.estimateName = estimateName;
        for (String s : List.of(estimateName, ESTIMATE_LOWER, ESTIMATE_UPPER, BELOW, ABOVE)) {
            series.put(s, new LinkedHashMap<>());
        }
    }

    void add(String category, Figure estimate, Figure lower, Figure upper) {
        categories.add(category);
        series.get(estimateName).put(category, estimate);
        series.get(ESTIMATE_LOWER).put(category, lower);
        series.get(ESTIMATE_UPPER).put(category, upper);
        boolean complete = estimate.isNumber() && lower.isNumber() && upper.isNumber();
        series.get(BELOW).put(category, complete ? Figure.of(estimate.number() - lower.number()) : Figure.NOT_APPLICABLE);
        series.get(ABOVE).put(category, complete ? Figure.of(upper.number() - estimate.number()) : Figure.NOT_APPLICABLE);
    }

    boolean isEmpty() {
        return categories.isEmpty();
    }

    /** Writes the table and the chart below it; returns the rows the chart takes. */
    int write(SheetWriter w, String tableName, String categoryHeader, Column.Kind kind, String title, String altText,
              String axisFormat) {
        ReoffendingTables.ChartBlock block = ReoffendingTables.chartData(w, tableName, categoryHeader, categories,
                new ArrayList<>(series.keySet()), series, kind);
        if (!block.worthDrawing()) {
            return 0;
        }
        int height = 18;
        List<Charts.Series> s = block.series();
        Charts.interval(w.sheet(), new Charts.Place(0, w.nextRow() + 1, 8, height), title, altText,
                block.categories(), s.get(0), s.get(3), s.get(4), axisFormat);
        for (int i = 0; i <= height + 1; i++) {
            w.blank();
        }
        return height;
    }
}
