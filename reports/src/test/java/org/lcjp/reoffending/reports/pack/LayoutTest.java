package org.lcjp.reoffending.reports.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.reports.PanelPack;
import org.lcjp.reoffending.reports.disclosure.Shorthand;

/** The Analysis Function's layout rules, checked on every sheet of a written workbook. */
class LayoutTest {
    private static final Pattern NOTE = Pattern.compile("\\[note (\\d+)\\]");

    static XSSFWorkbook open(PackData data) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(PanelPack.xlsxBytes(data)));
    }

    @Test
    void everySheetFollowsTheLayoutRules() throws Exception {
        check(PackFixtures.full());
    }

    @Test
    void aPackWithOnlyProvenReoffendingFollowsThemToo() throws Exception {
        PackData f = PackFixtures.full();
        check(new PackData(
                f.asOf(),
                f.runId(),
                f.title(),
                f.contact(),
                f.threshold(),
                f.lowReliabilityBelow(),
                f.finalAfterMonths(),
                f.labels(),
                f.latestExtracts(),
                f.provenReoffending(),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                PackData.ServiceTables.NONE));
    }

    static void check(PackData data) throws Exception {
        try (XSSFWorkbook wb = open(data)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names.subList(0, 3)).containsExactly("Cover_sheet", "Table_of_contents", "Notes");
            assertThat(names)
                    .contains(
                            "Summary",
                            "Performance",
                            "Reoffending_by_year",
                            "By_force_area",
                            "LA_by_sex",
                            "LA_by_age_band",
                            "Checkpoint",
                            "IOM",
                            "Data_quality",
                            "Linkage_sensitivity");
            Set<Integer> referenced = new HashSet<>();
            Set<String> tableNames = new HashSet<>();
            for (org.apache.poi.ss.usermodel.Sheet s : wb) {
                XSSFSheet sheet = (XSSFSheet) s;
                String n = sheet.getSheetName();
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                        .as("%s title in A1", n)
                        .isNotBlank();
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                        .as("%s description in A2", n)
                        .isNotBlank();
                assertThat(sheet.getNumMergedRegions()).as("%s merged cells", n).isZero();
                assertThat(sheet.getTables().size()).as("%s tables", n).isLessThanOrEqualTo(1);
                int end = sheet.getLastRowNum();
                if (!sheet.getTables().isEmpty()) {
                    XSSFTable t = sheet.getTables().get(0);
                    assertThat(tableNames.add(t.getName()))
                            .as("table name %s unique", t.getName())
                            .isTrue();
                    assertThat(t.getName()).matches("[A-Za-z_][A-Za-z0-9_]*");
                    assertThat(t.getEndRowIndex())
                            .as("%s nothing below the table", n)
                            .isEqualTo(end);
                    assertThat(sheet.getRepeatingRows())
                            .as("%s header repeats on printed pages", n)
                            .isNotNull();
                    assertThat(t.getCTTable().getHeaderRowCount()).isIn(1L, 0L);
                    // Shorthand used in the table is explained above it.
                    Set<String> above = new HashSet<>();
                    for (int r = 0; r < t.getStartRowIndex(); r++) {
                        above.add(text(sheet.getRow(r).getCell(0)));
                    }
                    for (int r = t.getStartRowIndex() + 1; r <= t.getEndRowIndex(); r++) {
                        for (Cell c : sheet.getRow(r)) {
                            for (Shorthand h : Shorthand.values()) {
                                if (text(c).contains(h.code())) {
                                    assertThat(above)
                                            .as("%s explains %s above its table", n, h.code())
                                            .anyMatch(l -> l.startsWith("Shorthand " + h.code()));
                                }
                            }
                        }
                    }
                }
                for (int r = 0; r <= end; r++) {
                    Row row = sheet.getRow(r);
                    assertThat(row).as("%s row %d is blank", n, r + 1).isNotNull();
                    assertThat(text(row.getCell(0)).isBlank() && row.getCell(0).getCellType() != CellType.NUMERIC)
                            .as("%s row %d starts blank", n, r + 1)
                            .isFalse();
                    for (Cell c : row) {
                        String v = text(c);
                        assertThat(c.getCellType() == CellType.STRING ? v : "")
                                .as("%s!%s starts with a formula character", n, c.getAddress())
                                .doesNotMatch("^[=+\\-@].*");
                        if (!n.equals("Notes")) {
                            Matcher m = NOTE.matcher(v);
                            while (m.find()) {
                                referenced.add(Integer.parseInt(m.group(1)));
                            }
                        }
                    }
                }
            }
            XSSFSheet notes = wb.getSheet("Notes");
            XSSFTable t = notes.getTables().get(0);
            Set<Integer> defined = new HashSet<>();
            for (int r = t.getStartRowIndex() + 1; r <= t.getEndRowIndex(); r++) {
                Matcher m = NOTE.matcher(notes.getRow(r).getCell(0).getStringCellValue());
                assertThat(m.matches()).isTrue();
                defined.add(Integer.parseInt(m.group(1)));
            }
            assertThat(defined)
                    .as("every note defined is used, every note used is defined")
                    .isEqualTo(referenced);
            var links = wb.getSheet("Table_of_contents").getHyperlinkList();
            assertThat(links).hasSize(names.size() - 1);
        }
    }

    private static String text(Cell c) {
        return c == null ? "" : c.getCellType() == CellType.STRING ? c.getStringCellValue() : c.toString();
    }
}
