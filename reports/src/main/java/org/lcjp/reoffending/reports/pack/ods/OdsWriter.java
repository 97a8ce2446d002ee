package org.lcjp.reoffending.reports.pack.ods;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;
import org.odftoolkit.odfdom.doc.table.OdfTableCell;
import org.odftoolkit.odfdom.dom.element.office.OfficeSpreadsheetElement;
import org.odftoolkit.odfdom.dom.element.table.TableDatabaseRangeElement;
import org.odftoolkit.odfdom.dom.element.table.TableDatabaseRangesElement;
import org.lcjp.reoffending.reports.pack.Figure;
import org.lcjp.reoffending.reports.pack.Layout;
import org.lcjp.reoffending.reports.pack.PackData;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Rag;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/**
 * Lays the same sheets out as OpenDocument (the open standard the guidance advises for publication): title in A1,
 * description in A2, the lines above the table, the table with one header row marked up as a named database range.
 * Numbers are stored as numbers. The ODF Toolkit has no chart API, so the .ods carries the tables without the
 * charts (every chart's figures are in a table).
 */
public final class OdsWriter {
    private OdsWriter() {
    }

    public static void write(List<Sheet> sheets, PackData data, OutputStream out) throws IOException {
        try (OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.newSpreadsheetDocument()) {
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
                text(table, 0, row++, s.description());
                for (String line : s.lines()) {
                    text(table, 0, row++, line);
                }
                if (t == null) {
                    table.getColumnByIndex(0).setWidth(250);
                    continue;
                }
                int header = row;
                for (int c = 0; c < t.columns().size(); c++) {
                    text(table, c, row, t.columns().get(c).header());
                    table.getColumnByIndex(c).setWidth(Math.max(25, Math.round(t.columns().get(c).kind().width * 2.2)));
                }
                row++;
                for (List<Object> values : t.rows()) {
                    for (int c = 0; c < values.size(); c++) {
                        cell(table.getCellByPosition(c, row), values.get(c), t.columns().get(c).kind());
                    }
                    row++;
                }
                ranges.append(s.name()).append('\u0000').append(t.name()).append('\u0000')
                        .append(address(s.name(), header, 0, row - 1, t.columns().size() - 1)).append('\n');
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
            doc.getOfficeMetadata().setTitle(data.title() + " (" + data.asOf() + ")");
            doc.save(out);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Cannot write the .ods pack: " + e.getMessage(), e);
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

    private static void text(OdfTable table, int col, int row, String text) {
        table.getCellByPosition(col, row).setStringValue(Layout.safeText(text));
    }

    private static void cell(OdfTableCell cell, Object value, Column.Kind kind) {
        if (value instanceof Formatted f) {
            cell(cell, f.value(), f.kind());
            return;
        }
        if (value instanceof Figure f) {
            if (f.isNumber()) {
                number(cell, f.number(), kind);
            } else {
                cell.setStringValue(f.shorthand().code());
                cell.setHorizontalAlignment("end");
            }
        } else if (value instanceof Number n) {
            number(cell, n.doubleValue(), kind);
        } else if (value instanceof LocalDate d) {
            Calendar cal = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
            cal.clear();
            cal.set(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth());
            cell.setDateValue(cal);
        } else if (value instanceof Rag rag) {
            cell.setStringValue(rag.words());
            byte[] rgb = rag.colour();
            cell.setCellBackgroundColor(String.format("#%02X%02X%02X", rgb[0] & 0xFF, rgb[1] & 0xFF, rgb[2] & 0xFF));
        } else {
            cell.setStringValue(Layout.safeText(String.valueOf(value)));
        }
    }

    private static void number(OdfTableCell cell, double v, Column.Kind kind) {
        if (kind == Column.Kind.PERCENT) {
            cell.setPercentageValue(v);
            cell.setFormatString("0.0%");
        } else {
            cell.setDoubleValue(v);
            cell.setFormatString(switch (kind) {
                case DECIMAL -> "0.00";
                case P_VALUE -> "0.000";
                default -> "#,##0";
            });
        }
    }
}
