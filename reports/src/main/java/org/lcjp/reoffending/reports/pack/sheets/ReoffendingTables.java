package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.lcjp.reoffending.reports.pack.Charts;
import org.lcjp.reoffending.reports.pack.Column;
import org.lcjp.reoffending.reports.pack.DisclosedReoffending;
import org.lcjp.reoffending.reports.pack.Figure;
import org.lcjp.reoffending.reports.pack.PackData.ReoffendingRow;
import org.lcjp.reoffending.reports.pack.SheetWriter;

/** The columns of every proven-reoffending table in the pack, and the chart-data blocks behind the charts. */
final class ReoffendingTables {
    static final List<Column> MEASURES = List.of(
            Column.count("Offenders"),
            Column.count("Reoffenders"),
            Column.percent("Proportion who reoffended"),
            Column.count("Reoffences"),
            Column.decimal("Reoffences per reoffender"),
            Column.decimal("Reoffences per offender"));

    private ReoffendingTables() {
    }

    static List<Object> measures(DisclosedReoffending.Shown s) {
        return List.of(s.offenders(), s.reoffenders(), s.reoffendingRate(), s.reoffences(),
                s.reoffencesPerReoffender(), s.reoffencesPerOffender());
    }

    static List<Column> columns(List<Column> leading) {
        List<Column> c = new ArrayList<>(leading);
        c.addAll(MEASURES);
        return c;
    }

    /**
     * Writes a chart-data table: one row per category, one column per series, suppressed or not-applicable
     * figures left blank so that a chart shows a gap rather than a false zero. Returns the category range and
     * the series (title cell and values) for {@link Charts}.
     */
    static ChartBlock chartData(SheetWriter w, String tableName, String categoryHeader, List<String> categories,
                                List<String> seriesNames, Map<String, Map<String, Figure>> valueBySeriesAndCategory,
                                Column.Kind kind) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(categoryHeader));
        seriesNames.forEach(s -> columns.add(new Column(s, kind)));
        List<List<Object>> rows = new ArrayList<>();
        for (String category : categories) {
            List<Object> row = new ArrayList<>();
            row.add(category);
            for (String s : seriesNames) {
                Figure f = valueBySeriesAndCategory.getOrDefault(s, Map.of()).get(category);
                row.add(f != null && f.isNumber() ? f.number() : BLANK);
            }
            rows.add(row);
        }
        w.note("Chart data: suppressed (~) and not applicable (..) figures are left blank here and show as gaps.");
        SheetWriter.TableRange r = w.table(tableName, columns, rows);
        List<Charts.Series> series = new ArrayList<>();
        for (int i = 0; i < seriesNames.size(); i++) {
            int col = r.firstColumn() + 1 + i;
            series.add(new Charts.Series(new CellReference(r.headerRow(), col),
                    new CellRangeAddress(r.firstDataRow(), r.lastRow(), col, col)));
        }
        boolean anyFigure = valueBySeriesAndCategory.values().stream()
                .anyMatch(m -> m.values().stream().anyMatch(f -> f != null && f.isNumber()));
        if (!anyFigure) {
            w.note("No chart: every figure in it would be suppressed or not applicable.");
        }
        return new ChartBlock(new CellRangeAddress(r.firstDataRow(), r.lastRow(), 0, 0), series, anyFigure);
    }

    /** The ranges a chart reads; {@code worthDrawing} is false when every value is blank. */
    record ChartBlock(CellRangeAddress categories, List<Charts.Series> series, boolean worthDrawing) {
    }

    /** A cell written as an empty string is still text to Excel; this marker makes {@link SheetWriter} leave it empty. */
    static final Object BLANK = SheetWriter.EMPTY;
}
