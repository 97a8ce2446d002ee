package org.lcjp.reoffending.reports.pack.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.reports.PanelPack;
import org.lcjp.reoffending.reports.pack.PackFixtures;

/** The .xlsx as it prints: no short text runs into the column beside it. */
class XlsxWriterTest {
    /** Text up to this long is kept on one line by a column wide enough for it; longer text wraps. */
    private static final int SHORT_TEXT = 38;

    @Test
    void aColumnOfShortTextIsAsWideAsItsLongestValue() throws Exception {
        int checked = 0;
        int wide = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(PanelPack.xlsxBytes(PackFixtures.full())))) {
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                XSSFSheet sheet = wb.getSheetAt(s);
                for (XSSFTable table : sheet.getTables()) {
                    for (int c = table.getStartColIndex(); c <= table.getEndColIndex(); c++) {
                        int longest = longestShortText(sheet, table, c);
                        if (longest > 0) {
                            checked++;
                            wide += longest > 24 ? 1 : 0;
                            assertThat(sheet.getColumnWidth(c) / 256)
                                    .as("%s column %d", sheet.getSheetName(), c)
                                    .isGreaterThanOrEqualTo(longest + 1);
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
        // Some values are longer than a text column's default width (e.g. "April 2019 to September 2019").
        assertThat(wide).isPositive();
    }

    @Test
    void rowHeightsCountTheLinesTextTakesWhenWrappedAtWords() {
        // By characters 25 / 13 is two lines; wrapped at words it is "Harm of", "reoffences", "(days)".
        assertThat(org.lcjp.reoffending.reports.pack.model.Layout.wrappedLines("Harm of reoffences (days)", 13))
                .isEqualTo(3);
        assertThat(org.lcjp.reoffending.reports.pack.model.Layout.wrappedLines("Offenders", 13))
                .isEqualTo(1);
        assertThat(org.lcjp.reoffending.reports.pack.model.Layout.wrappedLines("", 13))
                .isEqualTo(1);
        // A word longer than the line is broken: 30 characters in lines of 13 take three.
        assertThat(org.lcjp.reoffending.reports.pack.model.Layout.wrappedLines("a".repeat(30), 13))
                .isEqualTo(3);
        assertThat(org.lcjp.reoffending.reports.pack.model.Layout.wrappedLines("ab " + "c".repeat(13), 13))
                .isEqualTo(2);
    }

    /** The longest value of a column whose data cells are all short text (not shorthand), else 0. */
    private static int longestShortText(XSSFSheet sheet, XSSFTable table, int c) {
        int longest = 0;
        for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
            Row row = sheet.getRow(r);
            Cell cell = row == null ? null : row.getCell(c);
            if (cell == null || cell.getCellType() != CellType.STRING) {
                return 0;
            }
            String text = cell.getStringCellValue();
            if (text.startsWith("[") || text.length() > SHORT_TEXT) {
                return 0;
            }
            longest = Math.max(longest, text.length());
        }
        return longest;
    }
}
