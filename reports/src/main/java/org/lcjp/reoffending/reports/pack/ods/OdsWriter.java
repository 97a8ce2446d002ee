package org.lcjp.reoffending.reports.pack.ods;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.DocumentProperties;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Layout;
import org.lcjp.reoffending.reports.pack.model.Rag;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;
import org.odftoolkit.odfdom.doc.table.OdfTableCell;
import org.odftoolkit.odfdom.doc.table.OdfTableRow;
import org.odftoolkit.odfdom.dom.element.office.OfficeSpreadsheetElement;
import org.odftoolkit.odfdom.dom.element.table.TableDatabaseRangeElement;
import org.odftoolkit.odfdom.dom.element.table.TableDatabaseRangesElement;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Lays the same sheets out as OpenDocument (the open standard the guidance advises for publication): title in A1,
 * description in A2, the lines above the table, the table with one header row marked up as a named database range.
 * Numbers are stored as numbers. The ODF Toolkit has no chart API, so the .ods carries the tables without the
 * charts (every chart's figures are in a table).
 */
public final class OdsWriter {
    private static final String TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static final String OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String FO_NS = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    private static final long LINE_WIDTH_MM = 250;
    private static final double MM_PER_CHAR = 2.2;
    /** Height of a line of the default 10 pt text. */
    private static final double MM_PER_LINE = 4.5;

    private OdsWriter() {}

    public static void write(List<Sheet> sheets, DocumentProperties properties, OutputStream out) throws IOException {
        try (OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.newSpreadsheetDocument()) {
            OdsStyles styles = new OdsStyles(doc);
            List<OdfTable> initial = doc.getTableList(false);
            OfficeSpreadsheetElement root = doc.getContentRoot();
            StringBuilder ranges = new StringBuilder();
            for (Sheet s : sheets) {
                Table t = s.table();
                int rows = 2 + s.lines().size() + (t == null ? 0 : 1 + t.rows().size());
                int cols = t == null ? 1 : t.columns().size();
                OdfTable table = OdfTable.newTable(doc, rows, cols);
                table.setTableName(s.name());
                int row = 0;
                text(table, 0, row++, s.title());
                wrapIf(styles, text(table, 0, row++, s.description()), t == null);
                for (String line : s.lines()) {
                    wrapIf(styles, text(table, 0, row++, line), t == null);
                }
                if (t == null) {
                    table.getColumnByIndex(0).setWidth(LINE_WIDTH_MM);
                    continue;
                }
                int header = row;
                long total = 0;
                int headerLines = 1;
                for (int c = 0; c < t.columns().size(); c++) {
                    styles.wrap(text(table, c, row, t.columns().get(c).header()));
                    long width = Math.max(25, Math.round(t.columns().get(c).kind().width * MM_PER_CHAR));
                    table.getColumnByIndex(c).setWidth(width);
                    total += width;
                    headerLines = Math.max(
                            headerLines, Layout.wrappedLines(t.columns().get(c).header(), charsPerLine(width)));
                }
                fitHeight(table.getRowByIndex(header), headerLines);
                if (total < LINE_WIDTH_MM) {
                    // The lines above overflow to the right; widen the last column so a printout keeps them whole.
                    int last = t.columns().size() - 1;
                    table.getColumnByIndex(last)
                            .setWidth(table.getColumnByIndex(last).getWidth() + LINE_WIDTH_MM - total);
                }
                row++;
                // Row by row from the first, each cell from its row: the toolkit finds a cell by position by walking
                // the table from its top, which made a long table quadratic (most of the report stage).
                OdfTableRow current = t.rows().isEmpty() ? null : table.getRowByIndex(row);
                for (List<Object> values : t.rows()) {
                    int rowLines = 1;
                    for (int c = 0; c < values.size(); c++) {
                        OdfTableCell cell = current.getCellByIndex(c);
                        cell(styles, cell, values.get(c), t.columns().get(c).kind());
                        if (t.columns().get(c).kind() == Column.Kind.LONG_TEXT) {
                            styles.wrap(cell);
                            if (values.get(c) instanceof String text) {
                                rowLines = Math.max(
                                        rowLines,
                                        Layout.wrappedLines(
                                                text,
                                                charsPerLine(table.getColumnByIndex(c)
                                                                .getWidth())
                                                        - 1));
                            }
                        }
                    }
                    fitHeight(current, rowLines);
                    row++;
                    current = current.getNextRow();
                }
                repeatOnEveryPage(table, header);
                ranges.append(s.name())
                        .append('\u0000')
                        .append(t.name())
                        .append('\u0000')
                        .append(address(
                                s.name(), header, 0, row - 1, t.columns().size() - 1))
                        .append('\n');
            }
            for (OdfTable old : initial) {
                old.remove();
            }
            TableDatabaseRangesElement dbRanges = root.newTableDatabaseRangesElement();
            for (String line : ranges.toString().split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] p = line.split("\u0000");
                TableDatabaseRangeElement r = dbRanges.newTableDatabaseRangeElement(p[2]);
                r.setTableNameAttribute(p[1]);
                r.setTableContainsHeaderAttribute(true);
            }
            landscapeFitToWidth(doc);
            emptyCellsEmpty(doc);
            doc.getOfficeMetadata().setTitle(properties.title());
            doc.save(out);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Cannot write the .ods pack: " + e.getMessage(), e);
        }
    }

    private static int charsPerLine(long widthMm) {
        return (int) (widthMm / MM_PER_CHAR) - 1;
    }

    /**
     * A row as tall as its wrapped text: LibreOffice does not grow a row for text wrapped in a file it opens, so a
     * wrapped heading printed one line high, running into the row below.
     */
    private static void fitHeight(OdfTableRow r, int lines) {
        if (lines > 1) {
            r.setHeight(Math.round(lines * MM_PER_LINE + 1), false);
            // Said outright: without it LibreOffice may size the row again, one line high, when it opens the file.
            r.setUseOptimalHeight(false);
        }
    }

    private static String address(String sheet, int r1, int c1, int r2, int c2) {
        return "'" + sheet + "'." + column(c1) + (r1 + 1) + ":'" + sheet + "'." + column(c2) + (r2 + 1);
    }

    private static String column(int c) {
        StringBuilder s = new StringBuilder();
        for (int n = c + 1; n > 0; n = (n - 1) / 26) {
            s.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return s.toString();
    }

    private static OdfTableCell text(OdfTable table, int col, int row, String text) {
        OdfTableCell cell = table.getCellByPosition(col, row);
        cell.setStringValue(Layout.safeText(text));
        return cell;
    }

    /** The header row inside table:table-header-rows, which OpenDocument repeats at the top of every printed page. */
    private static void repeatOnEveryPage(OdfTable table, int header) {
        Element row = table.getRowByIndex(header).getOdfElement();
        Element headerRows = row.getOwnerDocument().createElementNS(TABLE_NS, "table:table-header-rows");
        row.getParentNode().insertBefore(headerRows, row);
        headerRows.appendChild(row);
    }

    /**
     * Cells the toolkit created but nothing was written to hold an empty paragraph, which stops text to their left
     * from flowing over them (the lines above a table would be cut at column A): empty them.
     */
    private static void emptyCellsEmpty(OdfSpreadsheetDocument doc) throws Exception {
        // The list is live: read it whole before changing the tree, or every removal makes item(i) walk the
        // document again from the start (quadratic; this took most of the report stage).
        NodeList live = doc.getContentDom().getElementsByTagNameNS(TABLE_NS, "table-cell");
        java.util.List<Element> blank = new java.util.ArrayList<>();
        for (int i = 0; i < live.getLength(); i++) {
            Element cell = (Element) live.item(i);
            if (!cell.hasAttributeNS(OFFICE_NS, "value-type") && cell.getFirstChild() != null) {
                blank.add(cell);
            }
        }
        for (Element cell : blank) {
            while (cell.getFirstChild() != null) {
                cell.removeChild(cell.getFirstChild());
            }
        }
    }

    /** Every page style landscape A4, scaled to one page wide (as the .xlsx prints). */
    private static void landscapeFitToWidth(OdfSpreadsheetDocument doc) throws Exception {
        NodeList layouts = doc.getStylesDom().getElementsByTagNameNS(STYLE_NS, "page-layout-properties");
        for (int i = 0; i < layouts.getLength(); i++) {
            Element p = (Element) layouts.item(i);
            p.setAttributeNS(FO_NS, "fo:page-width", "29.7cm");
            p.setAttributeNS(FO_NS, "fo:page-height", "21cm");
            p.setAttributeNS(STYLE_NS, "style:print-orientation", "landscape");
            p.setAttributeNS(STYLE_NS, "style:scale-to-X", "1");
            p.setAttributeNS(STYLE_NS, "style:scale-to-Y", "0");
        }
    }

    private static void wrapIf(OdsStyles styles, OdfTableCell cell, boolean wrap) {
        if (wrap) {
            styles.wrap(cell);
        }
    }

    private static void cell(OdsStyles styles, OdfTableCell cell, Object value, Column.Kind kind) {
        if (value instanceof Formatted f) {
            cell(styles, cell, f.value(), f.kind());
            return;
        }
        if (value instanceof Figure f) {
            if (f.isNumber()) {
                number(styles, cell, f.number(), kind);
            } else {
                cell.setStringValue(f.shorthand().code());
                styles.alignEnd(cell);
            }
        } else if (value instanceof Number n) {
            number(styles, cell, n.doubleValue(), kind);
        } else if (value instanceof LocalDate d) {
            Calendar cal = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
            cal.clear();
            cal.set(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth());
            cell.setDateValue(cal);
            styles.date(cell);
        } else if (value instanceof Rag rag) {
            cell.setStringValue(rag.words());
            byte[] rgb = rag.colour();
            styles.background(cell, String.format("#%02X%02X%02X", rgb[0] & 0xFF, rgb[1] & 0xFF, rgb[2] & 0xFF));
        } else {
            cell.setStringValue(Layout.safeText(String.valueOf(value)));
        }
    }

    private static void number(OdsStyles styles, OdfTableCell cell, double v, Column.Kind kind) {
        if (kind == Column.Kind.PERCENT) {
            cell.setPercentageValue(v);
            styles.format(cell, "0.0%");
        } else {
            cell.setDoubleValue(v);
            styles.format(
                    cell,
                    switch (kind) {
                        case DECIMAL -> "0.00";
                        case P_VALUE -> "0.000";
                        default -> "#,##0";
                    });
        }
    }
}
