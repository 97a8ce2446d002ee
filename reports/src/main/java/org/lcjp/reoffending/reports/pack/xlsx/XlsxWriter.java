package org.lcjp.reoffending.reports.pack.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IgnoredErrorType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
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
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.lcjp.reoffending.reports.pack.model.Chart;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.DocumentProperties;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Layout;
import org.lcjp.reoffending.reports.pack.model.Rag;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/**
 * Lays the pack's sheets out in an Excel workbook: title in A1, description in A2, the lines above the table, then
 * the table as a named Excel table with one header row (repeated on every printed page and frozen on screen),
 * nothing below it; charts to the right. Numbers are stored as numbers; cells holding shorthand in numeric columns
 * carry an "ignore number stored as text" mark so Excel shows no warning triangle.
 */
public final class XlsxWriter {
    /** Charts: the Analysis Function's accessible categorical palette (dark blue, orange, turquoise, dark pink). */
    private static final byte[][] PALETTE = {
        {0x12, 0x43, 0x6D}, {(byte) 0xF4, 0x6A, 0x25}, {0x28, (byte) 0xA1, (byte) 0x97}, {(byte) 0x80, 0x16, 0x50}
    };

    private static final int LINE_WIDTH_CHARS = 110;
    /** Text up to this long widens its column to fit on one line; a longer value wraps or overflows. */
    private static final int MAX_TEXT_WIDTH_CHARS = 40;

    private static final float POINTS_PER_LINE = 14.5f;

    private final XSSFWorkbook wb;
    private final Map<String, CellStyle> styles = new HashMap<>();

    private XlsxWriter(XSSFWorkbook wb) {
        this.wb = wb;
    }

    public static void write(List<Sheet> sheets, DocumentProperties properties, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XlsxWriter w = new XlsxWriter(wb);
            for (Sheet s : sheets) {
                w.sheet(s);
            }
            wb.getProperties().getCoreProperties().setTitle(properties.title());
            wb.getProperties().getCoreProperties().setCreator(properties.creator());
            wb.write(out);
        }
    }

    private void sheet(Sheet s) {
        XSSFSheet sheet = wb.createSheet(s.name());
        sheet.setDisplayGridlines(false);
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        int row = 0;
        text(sheet, row, s.title(), style("title"));
        sheet.getRow(row++).setHeightInPoints(24);
        boolean wrapLines = s.table() == null;
        text(sheet, row, s.description(), style(wrapLines ? "wrapped" : "text"));
        fitHeight(sheet, row++, s.description(), wrapLines ? LINE_WIDTH_CHARS : Integer.MAX_VALUE);
        for (String line : s.lines()) {
            text(sheet, row, line, style(wrapLines ? "wrapped" : "text"));
            fitHeight(sheet, row++, line, wrapLines ? LINE_WIDTH_CHARS : Integer.MAX_VALUE);
        }
        if (s.table() == null) {
            sheet.setColumnWidth(0, LINE_WIDTH_CHARS * 256);
            int top = row + 1;
            for (Chart c : s.charts()) {
                chart(sheet, c, 0, top, 6, 20);
                top += 22;
            }
            return;
        }
        Table t = s.table();
        int header = row;
        Row h = sheet.createRow(row++);
        int totalWidth = 0;
        int headerLines = 1;
        for (int c = 0; c < t.columns().size(); c++) {
            Column col = t.columns().get(c);
            Cell cell = h.createCell(c);
            cell.setCellValue(Layout.safeText(col.header()));
            cell.setCellStyle(style(col.kind().numeric ? "numericHeader" : "header"));
            int width = width(t, c);
            sheet.setColumnWidth(c, width * 256);
            totalWidth += width;
            headerLines = Math.max(headerLines, Layout.wrappedLines(col.header(), width - 1));
        }
        // Readers do not grow a row for wrapped text that POI wrote: size each row for its longest wrapped text.
        h.setHeightInPoints(headerLines * POINTS_PER_LINE + 3);
        if (totalWidth < LINE_WIDTH_CHARS) {
            // The lines above overflow to the right; widen the last column so a printout keeps them whole.
            int last = t.columns().size() - 1;
            sheet.setColumnWidth(last, (sheet.getColumnWidth(last) / 256 + LINE_WIDTH_CHARS - totalWidth) * 256);
        }
        boolean linkColumn = t.columns().get(0).header().equals(Table.SHEET_LINK_COLUMN);
        for (List<Object> values : t.rows()) {
            Row r = sheet.createRow(row++);
            int rowLines = 1;
            for (int c = 0; c < values.size(); c++) {
                if (t.columns().get(c).kind() == Column.Kind.LONG_TEXT && values.get(c) instanceof String text) {
                    rowLines = Math.max(rowLines, Layout.wrappedLines(text, sheet.getColumnWidth(c) / 256 - 2));
                }
                Cell cell = value(r, c, values.get(c), t.columns().get(c).kind());
                if (linkColumn && c == 0) {
                    Hyperlink link = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
                    link.setAddress("'" + cell.getStringCellValue() + "'!A1");
                    cell.setHyperlink(link);
                    cell.setCellStyle(style("link"));
                }
            }
            if (rowLines > 1) {
                r.setHeightInPoints(rowLines * POINTS_PER_LINE + 2);
            }
        }
        int last = row - 1;
        XSSFTable table = sheet.createTable(new AreaReference(
                new CellReference(header, 0),
                new CellReference(last, t.columns().size() - 1),
                SpreadsheetVersion.EXCEL2007));
        table.setName(t.name());
        table.setDisplayName(t.name());
        table.setStyleName("TableStyleLight1");
        table.getCTTable().getTableStyleInfo().setShowRowStripes(true);
        if (last > header) {
            sheet.addIgnoredErrors(
                    new CellRangeAddress(header + 1, last, 0, t.columns().size() - 1),
                    IgnoredErrorType.NUMBER_STORED_AS_TEXT);
        }
        sheet.createFreezePane(0, header + 1);
        sheet.setRepeatingRows(new CellRangeAddress(header, header, -1, -1));
        for (Chart c : s.charts()) {
            chart(
                    sheet,
                    c,
                    t.columns().size() + 1,
                    header,
                    8,
                    Math.max(16, Math.min(30, c.categories().size() + 8)));
        }
    }

    private static void fitHeight(XSSFSheet sheet, int row, String text, int charsPerLine) {
        int n = Layout.wrappedLines(text, charsPerLine);
        if (n > 1) {
            sheet.getRow(row).setHeightInPoints(n * POINTS_PER_LINE + 2);
        }
    }

    private void text(XSSFSheet sheet, int row, String text, CellStyle style) {
        Cell c = sheet.createRow(row).createCell(0);
        c.setCellValue(Layout.safeText(text));
        c.setCellStyle(style);
    }

    private Cell value(Row r, int column, Object value, Column.Kind kind) {
        if (value instanceof Formatted f) {
            return value(r, column, f.value(), f.kind());
        }
        Cell c = r.createCell(column);
        if (value instanceof Figure f) {
            if (f.isNumber()) {
                c.setCellValue(f.number());
                c.setCellStyle(style(kind.name()));
            } else {
                c.setCellValue(f.shorthand().code());
                c.setCellStyle(style("shorthand"));
            }
        } else if (value instanceof Number n) {
            c.setCellValue(n.doubleValue());
            c.setCellStyle(style(kind.name()));
        } else if (value instanceof LocalDate d) {
            c.setCellValue(d);
            c.setCellStyle(style(Column.Kind.DATE.name()));
        } else if (value instanceof Rag rag) {
            c.setCellValue(rag.words());
            c.setCellStyle(style("rag:" + rag.rating()));
        } else {
            c.setCellValue(Layout.safeText(String.valueOf(value)));
            c.setCellStyle(style(kind == Column.Kind.LONG_TEXT ? "wrapped" : "text"));
        }
        return c;
    }

    private CellStyle style(String name) {
        return styles.computeIfAbsent(name, this::newStyle);
    }

    private CellStyle newStyle(String name) {
        XSSFCellStyle s = wb.createCellStyle();
        s.setVerticalAlignment(VerticalAlignment.TOP);
        s.setFont(font(11, false, false));
        if (name.startsWith("rag:")) {
            Rag rag = new Rag(name.substring(4), "");
            s.setFillForegroundColor(new XSSFColor(rag.colour(), null));
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return s;
        }
        switch (name) {
            case "title" -> s.setFont(font(16, true, false));
            case "wrapped" -> s.setWrapText(true);
            case "header", "numericHeader" -> {
                s.setFont(font(11, true, false));
                s.setWrapText(true);
                s.setBorderBottom(BorderStyle.THIN);
                s.setVerticalAlignment(VerticalAlignment.BOTTOM);
                if (name.equals("numericHeader")) {
                    s.setAlignment(HorizontalAlignment.RIGHT);
                }
            }
            case "shorthand" -> s.setAlignment(HorizontalAlignment.RIGHT);
            case "link" -> {
                Font f = font(11, false, true);
                s.setFont(f);
            }
            case "text" -> {}
            default -> {
                Column.Kind kind = Column.Kind.valueOf(name);
                if (kind.format != null) {
                    s.setDataFormat(wb.createDataFormat().getFormat(kind.format));
                    s.setAlignment(HorizontalAlignment.RIGHT);
                }
            }
        }
        return s;
    }

    private Font font(int points, boolean bold, boolean link) {
        Font f = wb.createFont();
        f.setFontName("Arial");
        f.setFontHeightInPoints((short) points);
        f.setBold(bold);
        if (link) {
            f.setUnderline(Font.U_SINGLE);
            f.setColor(IndexedColors.BLUE.getIndex());
        }
        return f;
    }

    /**
     * A column's width in characters: its kind's, wider for a long heading (which wraps), and as wide as its longest
     * short text, so a printout never runs a period such as "April 2019 to September 2019" into the next column.
     */
    private static int width(Table t, int c) {
        Column col = t.columns().get(c);
        int width = Math.max(col.kind().width, Math.min(30, col.header().length() / 2 + 2));
        if (col.kind() != Column.Kind.LONG_TEXT) {
            for (List<Object> values : t.rows()) {
                if (values.get(c) instanceof String text) {
                    width = Math.max(width, Math.min(MAX_TEXT_WIDTH_CHARS, text.length() + 2));
                }
            }
        }
        return width;
    }

    private void chart(XSSFSheet sheet, Chart c, int column, int row, int width, int height) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, column, row, column + width, row + height);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(c.title());
        chart.setTitleOverlay(false);
        chart.displayBlanksAs(DisplayBlanks.GAP);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        var nv = chart.getGraphicFrame()
                .getCTGraphicalObjectFrame()
                .getNvGraphicFramePr()
                .getCNvPr();
        nv.setDescr(c.altText());
        nv.setTitle(c.title());
        XDDFDataSource<String> categories =
                XDDFDataSourcesFactory.fromArray(c.categories().toArray(String[]::new));
        if (c.type() == Chart.Type.BAR) {
            XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.LEFT);
            x.setOrientation(AxisOrientation.MAX_MIN);
            XDDFValueAxis y = chart.createValueAxis(AxisPosition.BOTTOM);
            y.setCrosses(AxisCrosses.MAX);
            y.setNumberFormat(c.valueFormat());
            XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
            data.setBarDirection(BarDirection.BAR);
            data.setVaryColors(false);
            for (int i = 0; i < c.series().size(); i++) {
                XDDFChartData.Series s =
                        data.addSeries(categories, values(c.series().get(i)));
                s.setTitle(c.series().get(i).name(), null);
                XDDFShapeProperties fill = new XDDFShapeProperties();
                fill.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PALETTE[i % PALETTE.length])));
                s.setShapeProperties(fill);
            }
            chart.plot(data);
        } else {
            XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
            y.setCrosses(AxisCrosses.AUTO_ZERO);
            y.setNumberFormat(c.valueFormat());
            XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
            for (int i = 0; i < c.series().size(); i++) {
                XDDFLineChartData.Series s = (XDDFLineChartData.Series)
                        data.addSeries(categories, values(c.series().get(i)));
                s.setTitle(c.series().get(i).name(), null);
                s.setSmooth(false);
                s.setMarkerStyle(MarkerStyle.CIRCLE);
                XDDFLineProperties stroke = new XDDFLineProperties(
                        new XDDFSolidFillProperties(XDDFColor.from(PALETTE[i % PALETTE.length])));
                stroke.setWidth(2.25);
                s.setLineProperties(stroke);
            }
            chart.plot(data);
        }
    }

    private static XDDFNumericalDataSource<Double> values(Chart.Series s) {
        return XDDFDataSourcesFactory.fromArray(s.values().toArray(Double[]::new));
    }
}
