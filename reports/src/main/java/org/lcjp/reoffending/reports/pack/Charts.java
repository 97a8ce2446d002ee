package org.lcjp.reoffending.reports.pack;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTErrBars;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTLineSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumData;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumRef;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumVal;
import org.openxmlformats.schemas.drawingml.x2006.chart.STErrBarType;
import org.openxmlformats.schemas.drawingml.x2006.chart.STErrDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.STErrValType;

/**
 * Native Excel charts whose series are cell ranges on the sheet, with titles from header cells, so that figures
 * and charts cannot disagree. Suppressed figures are blank in a chart's range and plot as gaps.
 */
public final class Charts {
    /** A series: its title cell and its values (one column). */
    public record Series(CellReference title, CellRangeAddress values) {
    }

    /** Where a chart goes: top-left column and row, width and height in cells. */
    public record Place(int column, int row, int width, int height) {
    }

    /** The Government Analysis Function's accessible categorical palette: dark blue, turquoise, orange, pink. */
    private static final byte[][] PALETTE = {
            {0x12, 0x43, 0x6D}, {0x28, (byte) 0xA1, (byte) 0x97}, {(byte) 0xF4, 0x6A, 0x25}, {(byte) 0x80, 0x16, 0x50}};

    private Charts() {
    }

    private static XDDFSolidFillProperties colour(int i) {
        return new XDDFSolidFillProperties(XDDFColor.from(PALETTE[i % PALETTE.length]));
    }

    public static XSSFChart line(XSSFSheet sheet, Place place, String title, String altText, CellRangeAddress categories,
                                 List<Series> series, String valueFormat) {
        XSSFChart chart = frame(sheet, place, title, altText);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = valueAxis(chart, valueFormat);
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromStringCellRange(sheet, categories);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            XDDFLineChartData.Series line = (XDDFLineChartData.Series) data.addSeries(cats, values(sheet, s));
            line.setTitle(text(sheet, s.title()), qualified(sheet, s.title()));
            line.setSmooth(false);
            line.setMarkerStyle(MarkerStyle.CIRCLE);
            XDDFLineProperties stroke = new XDDFLineProperties(colour(i));
            stroke.setWidth(2.25);
            line.setLineProperties(stroke);
        }
        chart.plot(data);
        return chart;
    }

    public static XSSFChart bar(XSSFSheet sheet, Place place, String title, String altText, CellRangeAddress categories,
                                List<Series> series, String valueFormat) {
        XSSFChart chart = frame(sheet, place, title, altText);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.LEFT);
        // First category at the top, as the table reads; the value axis then crosses at the last (bottom) one.
        x.setOrientation(AxisOrientation.MAX_MIN);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.BOTTOM);
        y.setCrosses(AxisCrosses.MAX);
        y.setNumberFormat(valueFormat);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.BAR);
        data.setVaryColors(false);
        XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromStringCellRange(sheet, categories);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            XDDFChartData.Series bar = data.addSeries(cats, values(sheet, s));
            bar.setTitle(text(sheet, s.title()), qualified(sheet, s.title()));
            XDDFShapeProperties fill = new XDDFShapeProperties();
            fill.setFillProperties(colour(i));
            bar.setShapeProperties(fill);
        }
        chart.plot(data);
        return chart;
    }

    /**
     * An interval chart: each category's estimate as a marker with error bars to its lower and upper bounds. The
     * error bars read their lengths (estimate minus lower, upper minus estimate) from cell ranges, like the values.
     */
    public static XSSFChart interval(XSSFSheet sheet, Place place, String title, String altText,
                                     CellRangeAddress categories, Series estimate, Series below, Series above,
                                     String valueFormat) {
        XSSFChart chart = frame(sheet, place, title, altText);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = valueAxis(chart, valueFormat);
        y.setCrossBetween(AxisCrossBetween.BETWEEN);
        // Labels at the foot of the plot even when every value is negative.
        x.setTickLabelPosition(AxisTickLabelPosition.LOW);
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromStringCellRange(sheet, categories);
        XDDFLineChartData.Series line = (XDDFLineChartData.Series) data.addSeries(cats, values(sheet, estimate));
        line.setTitle(text(sheet, estimate.title()), qualified(sheet, estimate.title()));
        line.setLineProperties(new XDDFLineProperties(new XDDFNoFillProperties()));
        line.setMarkerStyle(MarkerStyle.DIAMOND);
        chart.plot(data);
        CTLineSer ser = chart.getCTChart().getPlotArea().getLineChartArray(0).getSerArray(0);
        CTErrBars bars = ser.addNewErrBars();
        bars.addNewErrDir().setVal(STErrDir.Y);
        bars.addNewErrBarType().setVal(STErrBarType.BOTH);
        bars.addNewErrValType().setVal(STErrValType.CUST);
        bars.addNewNoEndCap().setVal(false);
        cached(sheet, bars.addNewPlus().addNewNumRef(), above.values());
        cached(sheet, bars.addNewMinus().addNewNumRef(), below.values());
        // The series has no line (markers only); the bars need their own, or readers draw them invisible.
        var ln = bars.addNewSpPr().addNewLn();
        ln.setW(19050);
        ln.addNewSolidFill().addNewSrgbClr().setVal(PALETTE[0]);
        return chart;
    }

    /** A reference with its cached values: some readers draw error bars only from the cache. */
    private static void cached(XSSFSheet sheet, CTNumRef ref, CellRangeAddress range) {
        ref.setF(reference(sheet, range));
        CTNumData cache = ref.addNewNumCache();
        cache.setFormatCode("General");
        int n = range.getLastRow() - range.getFirstRow() + 1;
        cache.addNewPtCount().setVal(n);
        for (int i = 0; i < n; i++) {
            var row = sheet.getRow(range.getFirstRow() + i);
            var cell = row == null ? null : row.getCell(range.getFirstColumn());
            if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                CTNumVal pt = cache.addNewPt();
                pt.setIdx(i);
                pt.setV(String.valueOf(cell.getNumericCellValue()));
            }
        }
    }

    private static String reference(XSSFSheet sheet, CellRangeAddress range) {
        return new org.apache.poi.ss.util.AreaReference(
                new CellReference(sheet.getSheetName(), range.getFirstRow(), range.getFirstColumn(), true, true),
                new CellReference(sheet.getSheetName(), range.getLastRow(), range.getLastColumn(), true, true),
                org.apache.poi.ss.SpreadsheetVersion.EXCEL2007).formatAsString();
    }

    private static XSSFChart frame(XSSFSheet sheet, Place place, String title, String altText) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, place.column(), place.row(),
                place.column() + place.width(), place.row() + place.height());
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.displayBlanksAs(DisplayBlanks.GAP);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        chart.getGraphicFrame().getCTGraphicalObjectFrame().getNvGraphicFramePr().getCNvPr().setDescr(altText);
        chart.getGraphicFrame().getCTGraphicalObjectFrame().getNvGraphicFramePr().getCNvPr().setTitle(title);
        return chart;
    }

    private static XDDFValueAxis valueAxis(XSSFChart chart, String format) {
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setNumberFormat(format);
        return y;
    }

    private static XDDFNumericalDataSource<Double> values(XSSFSheet sheet, Series s) {
        return XDDFDataSourcesFactory.fromNumericCellRange(sheet, s.values());
    }

    /** A title reference with its sheet, so every reader resolves it (a bare B4 is not enough for LibreOffice). */
    private static CellReference qualified(XSSFSheet sheet, CellReference ref) {
        return new CellReference(sheet.getSheetName(), ref.getRow(), ref.getCol(), true, true);
    }

    private static String text(XSSFSheet sheet, CellReference ref) {
        return sheet.getRow(ref.getRow()).getCell(ref.getCol()).getStringCellValue();
    }
}
