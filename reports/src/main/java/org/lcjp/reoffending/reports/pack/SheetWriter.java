package org.lcjp.reoffending.reports.pack;

import java.time.LocalDate;
import java.util.List;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;

/**
 * Writes one sheet from the top down: the row cursor is the layout, so no sheet hard-codes a row number. Every
 * string is set as a string, so text beginning with '=' can never become a formula.
 */
public final class SheetWriter {
    /** Where a written data table sits: header row, last data row, first and last column (0-based). */
    public record TableRange(int headerRow, int lastRow, int firstColumn, int lastColumn) {
        public int firstDataRow() {
            return headerRow + 1;
        }
    }

    /** A value that leaves its cell empty (a gap in a chart's range). */
    public static final Object EMPTY = new Object();

    private final XSSFSheet sheet;
    private final Styles styles;
    private int row;
    private boolean freezeBelowNextHeader;

    public SheetWriter(XSSFSheet sheet, Styles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    public XSSFSheet sheet() {
        return sheet;
    }

    public int nextRow() {
        return row;
    }

    public SheetWriter title(String text) {
        line(text, styles.title);
        sheet.getRow(row - 1).setHeightInPoints(24);
        return this;
    }

    public SheetWriter subtitle(String text) {
        blank();
        line(text, styles.subtitle);
        sheet.getRow(row - 1).setHeightInPoints(18);
        return this;
    }

    public SheetWriter paragraph(String text) {
        return line(text, styles.text);
    }

    public SheetWriter note(String text) {
        return line(text, styles.note);
    }

    public SheetWriter blank() {
        row++;
        return this;
    }

    public SheetWriter line(String text, CellStyle style) {
        Cell c = sheet.createRow(row++).createCell(0);
        c.setCellValue(text);
        c.setCellStyle(style);
        return this;
    }

    /** A line "label: value" in two cells. */
    public SheetWriter field(String label, Object value) {
        Row r = sheet.createRow(row++);
        set(r, 0, label, Column.Kind.TEXT).setCellStyle(styles.subtitle);
        set(r, 1, value, value instanceof LocalDate ? Column.Kind.DATE : Column.Kind.TEXT);
        return this;
    }

    /** A line that links to the top of another sheet. */
    public SheetWriter linkTo(String sheetName, String description) {
        Row r = sheet.createRow(row++);
        Cell c = r.createCell(0);
        c.setCellValue(sheetName);
        Hyperlink link = sheet.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        link.setAddress("'" + sheetName.replace("'", "''") + "'!A1");
        c.setHyperlink(link);
        c.setCellStyle(styles.link);
        set(r, 1, description, Column.Kind.TEXT);
        return this;
    }

    /** Freezes the rows down to the next table's header row, so its column headings stay in view. */
    public SheetWriter freezeBelowNextHeader() {
        freezeBelowNextHeader = true;
        return this;
    }

    /** Freezes the rows above the cursor, so a sheet's headings stay in view. */
    public SheetWriter freezeHere() {
        sheet.createFreezePane(0, row);
        return this;
    }

    /**
     * Writes a data table as an Excel table named {@code name} (unique in the workbook). With no rows it writes a
     * line saying so and returns null.
     */
    public TableRange table(String name, List<Column> columns, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            note("No rows in this table for this run.");
            return null;
        }
        int header = row;
        Row h = sheet.createRow(row++);
        int lines = 1;
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = h.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(columns.get(c).kind().numeric ? styles.numericHeader : styles.header);
            int width = columns.get(c).kind().width * 256;
            if (sheet.getColumnWidth(c) < width) {
                sheet.setColumnWidth(c, width);
            }
            // Readers do not grow a row for wrapped text written by POI: size the header for its longest heading.
            int chars = Math.max(1, sheet.getColumnWidth(c) / 256 - 1);
            lines = Math.max(lines, (columns.get(c).header().length() + chars - 1) / chars);
        }
        h.setHeightInPoints(Math.min(4, lines) * sheet.getDefaultRowHeightInPoints() + 2);
        if (freezeBelowNextHeader) {
            sheet.createFreezePane(0, row);
            freezeBelowNextHeader = false;
        }
        for (List<Object> values : rows) {
            Row r = sheet.createRow(row++);
            int textLines = 1;
            for (int c = 0; c < columns.size(); c++) {
                set(r, c, values.get(c), columns.get(c).kind());
                if (columns.get(c).kind() == Column.Kind.LONG_TEXT && values.get(c) instanceof String text) {
                    int chars = Math.max(1, sheet.getColumnWidth(c) / 256 - 2);
                    textLines = Math.max(textLines, (text.length() + chars - 1) / chars);
                }
            }
            if (textLines > 1) {
                r.setHeightInPoints(textLines * sheet.getDefaultRowHeightInPoints());
            }
        }
        TableRange range = new TableRange(header, row - 1, 0, columns.size() - 1);
        XSSFTable table = sheet.createTable(new AreaReference(new CellReference(header, 0),
                new CellReference(range.lastRow(), range.lastColumn()), SpreadsheetVersion.EXCEL2007));
        table.setName(name);
        table.setDisplayName(name);
        table.setStyleName("TableStyleLight1");
        table.getCTTable().getTableStyleInfo().setShowRowStripes(true);
        return range;
    }

    Cell set(Row r, int column, Object value, Column.Kind kind) {
        Cell c = r.createCell(column);
        if (value == EMPTY) {
            return c;
        } else if (value == null) {
            c.setCellValue(org.lcjp.reoffending.reports.disclosure.DisclosureSymbols.NOT_APPLICABLE);
            c.setCellStyle(styles.symbol);
        } else if (value instanceof Figure f) {
            if (f.isNumber()) {
                c.setCellValue(f.number());
                c.setCellStyle(numberStyle(kind));
            } else {
                c.setCellValue(f.symbol());
                c.setCellStyle(styles.symbol);
            }
        } else if (value instanceof Number n) {
            c.setCellValue(n.doubleValue());
            c.setCellStyle(numberStyle(kind));
        } else if (value instanceof LocalDate d) {
            c.setCellValue(d);
            c.setCellStyle(styles.date);
        } else if (value instanceof Boolean b) {
            c.setCellValue(b ? "Yes" : "No");
            c.setCellStyle(styles.text);
        } else {
            c.setCellValue(value.toString());
            c.setCellStyle(kind == Column.Kind.LONG_TEXT ? styles.wrapped : styles.text);
        }
        return c;
    }

    private CellStyle numberStyle(Column.Kind kind) {
        return switch (kind) {
            case PERCENT -> styles.percent;
            case DECIMAL -> styles.decimal;
            case P_VALUE -> styles.pValue;
            case DATE -> styles.date;
            default -> styles.count;
        };
    }
}
