package org.lcjp.reoffending.reports.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.reports.pack.PackData.ReoffendingRow;

class PanelPackTest {

    static XSSFWorkbook open(PackData data) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(PanelPack.toBytes(data)));
    }

    @Test
    void hasTheSheetsInOrder() throws IOException {
        try (XSSFWorkbook wb = open(PackFixtures.full())) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("Cover", "Contents", "Headline", "Breakdowns", "Diversion", "Women",
                    "IOM", "Data quality", "Notes");
        }
    }

    @Test
    void neverShowsACountFromOneToFour() throws IOException {
        try (XSSFWorkbook wb = open(PackFixtures.full())) {
            int counts = 0;
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        assertThat(c.getCellType()).as("%s!%s", sheet.getSheetName(), c.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                        if (c.getCellType() == CellType.NUMERIC && c.getCellStyle().getDataFormatString().equals("#,##0")) {
                            counts++;
                            assertThat(c.getNumericCellValue()).as("count at %s!%s", sheet.getSheetName(), c.getAddress())
                                    .matches(v -> v == 0 || v >= 5);
                        }
                    }
                }
            }
            assertThat(counts).as("count cells checked").isGreaterThan(50);
        }
    }

    @Test
    void headlineTrendEqualsTheInputAfterDisclosureControl() throws IOException {
        PackData data = PackFixtures.full();
        DisclosedReoffending disclosed = DisclosedReoffending.apply(data.provenReoffending(), 5);
        try (XSSFWorkbook wb = open(data)) {
            XSSFSheet sheet = wb.getSheet("Headline");
            var table = wb.getTable("Headline_trend");
            int first = table.getStartRowIndex() + 1;
            List<ReoffendingRow> overall = data.provenReoffending().stream()
                    .filter(r -> r.dimension().equals("ALL"))
                    .sorted(java.util.Comparator.comparing(ReoffendingRow::cohortStart)
                            .thenComparing(ReoffendingRow::population, Cohorts.POPULATION_ORDER))
                    .toList();
            assertThat(table.getEndRowIndex() - first + 1).isEqualTo(overall.size());
            for (int i = 0; i < overall.size(); i++) {
                Row row = sheet.getRow(first + i);
                ReoffendingRow r = overall.get(i);
                DisclosedReoffending.Shown s = disclosed.shown(r);
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(Cohorts.titleCase(r.population()));
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(r.status());
                assertCell(row.getCell(3), s.offenders(), "offenders row " + i);
                assertCell(row.getCell(5), s.reoffendingRate(), "rate row " + i);
                if (s.offenders().isNumber()) {
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo((double) r.offenders());
                }
            }
        }
    }

    @Test
    void smallBreakdownCellsAreSuppressedWithTheirComplements() throws IOException {
        PackData data = PackFixtures.full();
        DisclosedReoffending disclosed = DisclosedReoffending.apply(data.provenReoffending(), 5);
        ReoffendingRow femaleJuveniles = data.provenReoffending().stream()
                .filter(r -> r.population().equals("JUVENILE") && r.category().equals("F")).findFirst().orElseThrow();
        assertThat(disclosed.shown(femaleJuveniles).offenders()).isEqualTo(Figure.SUPPRESSED);
        assertThat(disclosed.shown(femaleJuveniles).reoffendingRate()).isEqualTo(Figure.SUPPRESSED);
        // The juvenile sex column must hold a second suppressed offenders cell, or F = ALL - M - U.
        long suppressedJuvenileSex = data.provenReoffending().stream()
                .filter(r -> r.cohortStart().equals(femaleJuveniles.cohortStart()) && r.population().equals("JUVENILE")
                        && (r.dimension().equals("SEX") || r.dimension().equals("ALL")))
                .filter(r -> disclosed.shown(r).offenders() == Figure.SUPPRESSED).count();
        assertThat(suppressedJuvenileSex).isGreaterThanOrEqualTo(2);
    }

    @Test
    void chartsReadTheirSeriesFromTheChartDataRanges() throws IOException {
        try (XSSFWorkbook wb = open(PackFixtures.full())) {
            XSSFSheet sheet = wb.getSheet("Headline");
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            XSSFChart chart = charts.get(0);
            var table = wb.getTable("Headline_chart_data");
            int first = table.getStartRowIndex() + 1;
            int last = table.getEndRowIndex();
            var series = chart.getChartSeries().get(0).getSeries(0);
            assertThat(series.getCategoryData().getDataRangeReference())
                    .isEqualTo("Headline!$A$" + (first + 1) + ":$A$" + (last + 1));
            assertThat(series.getValuesData().getDataRangeReference())
                    .isEqualTo("Headline!$B$" + (first + 1) + ":$B$" + (last + 1));
            assertThat(chart.getChartSeries().get(0).getSeriesCount()).isEqualTo(3);
            assertThat(chart.getTitleText().getString()).isEqualTo("Proportion of offenders who reoffended, by cohort");
            assertThat(sheet.getDrawingPatriarch().getCTDrawing().getTwoCellAnchorArray(0).getGraphicFrame()
                    .getNvGraphicFramePr().getCNvPr().getDescr()).as("alt text").startsWith("Line chart");
            // Sex has figures to chart; in the fixture every age-band rate is suppressed, so that chart is left out.
            assertThat(wb.getSheet("Breakdowns").getDrawingPatriarch().getCharts()).hasSize(1);
            boolean noted = false;
            for (Row row : wb.getSheet("Breakdowns")) {
                Cell c = row.getCell(0);
                noted |= c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().startsWith("No chart");
            }
            assertThat(noted).as("note where a chart is left out").isTrue();
            List<XSSFChart> diversion = wb.getSheet("Diversion").getDrawingPatriarch().getCharts();
            assertThat(diversion).hasSize(1);
            var errBars = diversion.get(0).getCTChart().getPlotArea().getLineChartArray(0).getSerArray(0).getErrBars();
            var intervals = wb.getTable("Diversion_rate_chart_data");
            int top = intervals.getStartRowIndex() + 2;
            int bottom = intervals.getEndRowIndex() + 1;
            assertThat(errBars.getPlus().getNumRef().getF()).as("error bar above").isEqualTo("Diversion!$F$" + top + ":$F$" + bottom);
            assertThat(errBars.getMinus().getNumRef().getF()).as("error bar below").isEqualTo("Diversion!$E$" + top + ":$E$" + bottom);
            assertThat(wb.getSheet("IOM").getDrawingPatriarch().getCharts()).hasSize(1);
        }
    }

    @Test
    void dataSheetsKeepTheirHeadingsInViewAndMergeNothing() throws IOException {
        try (XSSFWorkbook wb = open(PackFixtures.full())) {
            for (String name : List.of("Headline", "Breakdowns", "Diversion", "Women", "IOM", "Data quality")) {
                assertThat(wb.getSheet(name).getPaneInformation()).as("%s frozen", name).isNotNull();
                assertThat(wb.getSheet(name).getPaneInformation().isFreezePane()).as("%s frozen", name).isTrue();
            }
            var trend = wb.getTable("Headline_latest");
            assertThat(wb.getSheet("Headline").getPaneInformation().getHorizontalSplitPosition())
                    .isEqualTo((short) (trend.getStartRowIndex() + 1));
            for (Sheet s : wb) {
                assertThat(s.getNumMergedRegions()).as("merged cells in %s", s.getSheetName()).isZero();
            }
        }
    }

    @Test
    void textBeginningWithEqualsStaysText() throws IOException {
        try (XSSFWorkbook wb = open(PackFixtures.full())) {
            var table = wb.getTable("Women_reoffending_rate");
            XSSFSheet sheet = wb.getSheet("Women");
            boolean found = false;
            for (int r = table.getStartRowIndex(); r <= table.getEndRowIndex(); r++) {
                Cell note = sheet.getRow(r).getCell(table.getEndColIndex());
                if (note.getCellType() == CellType.STRING && note.getStringCellValue().startsWith("=HYPERLINK")) {
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void comparisonFiguresThatWouldRevealSmallCountsAreSuppressed() throws IOException {
        try (XSSFWorkbook wb = open(PackFixtures.full())) {
            XSSFSheet women = wb.getSheet("Women");
            var rates = wb.getTable("Women_reoffending_rate");
            Row f = women.getRow(rates.getStartRowIndex() + 1);
            assertThat(f.getCell(column(women, rates, "Group")).getStringCellValue()).isEqualTo("F");
            assertThat(f.getCell(column(women, rates, "People")).getStringCellValue()).as("3 people").isEqualTo("~");
            assertThat(f.getCell(column(women, rates, "Value")).getStringCellValue()).as("their rate").isEqualTo("~");
            assertThat(f.getCell(column(women, rates, "Difference")).getStringCellValue()).as("difference").isEqualTo("~");
            var needs = wb.getTable("Women_need_share");
            Row share = women.getRow(needs.getStartRowIndex() + 1);
            assertThat(share.getCell(column(women, needs, "People")).getNumericCellValue()).isEqualTo(100);
            assertThat(share.getCell(column(women, needs, "Value")).getStringCellValue()).as("2% of 100 is 2 women")
                    .isEqualTo("~");
        }
    }

    @Test
    void coverShowsSourcesAndCompleteness() throws IOException {
        try (XSSFWorkbook wb = open(PackFixtures.full())) {
            XSSFSheet cover = wb.getSheet("Cover");
            assertThat(cover.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Proven reoffending: test partnership");
            var completeness = wb.getTable("Completeness");
            Row header = cover.getRow(completeness.getStartRowIndex());
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("courts");
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("prisons");
            // Newest cohort first: Apr-Jun 2024 needs extracts from 31 Dec 2025.
            Row newest = cover.getRow(completeness.getStartRowIndex() + 1);
            assertThat(newest.getCell(0).getStringCellValue()).isEqualTo("Apr to Jun 2024");
            assertThat(newest.getCell(2).getStringCellValue()).isEqualTo("Incomplete");
            Row oldest = cover.getRow(completeness.getEndRowIndex());
            assertThat(oldest.getCell(0).getStringCellValue()).isEqualTo("Jan to Mar 2023");
            assertThat(oldest.getCell(2).getStringCellValue()).as("courts 15 Mar 2025 >= 31 Sep 2024").isEqualTo("Complete");
            assertThat(oldest.getCell(4).getStringCellValue()).as("prisons 30 Jun 2024 < 30 Sep 2024").isEqualTo("Incomplete");
        }
    }

    @Test
    void absentTablesGetASheetSayingSo() throws IOException {
        try (XSSFWorkbook wb = open(PackFixtures.minimal())) {
            assertThat(wb.getSheet("Diversion").getRow(1).getCell(0).getStringCellValue())
                    .contains("was not produced this run");
            assertThat(wb.getSheet("IOM").getRow(1).getCell(0).getStringCellValue())
                    .contains("was not produced this run");
            assertThat(wb.getSheet("Data quality").getRow(1).getCell(0).getStringCellValue())
                    .contains("was not produced this run");
        }
    }

    @Test
    void contentsLinksToEverySheet() throws IOException {
        try (XSSFWorkbook wb = open(PackFixtures.full())) {
            XSSFSheet contents = wb.getSheet("Contents");
            List<String> targets = new ArrayList<>();
            contents.getHyperlinkList().forEach(h -> targets.add(h.getLocation()));
            assertThat(targets).hasSize(9).contains("'Data quality'!A1", "'Notes'!A1");
        }
    }

    @Test
    void writesTheNamedFile() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "test-packs"));
        Path file = PanelPack.writeTo(PackFixtures.full(), dir);
        assertThat(file.getFileName().toString()).isEqualTo("panel-pack-2025-03-31.xlsx");
        // A copy for the LibreOffice check (reports/check-pack-pdf.sh).
        Path sample = Path.of("target", "panel-pack-sample.xlsx");
        Files.createDirectories(sample.getParent());
        Files.copy(file, sample, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static int column(XSSFSheet sheet, org.apache.poi.xssf.usermodel.XSSFTable table, String header) {
        Row h = sheet.getRow(table.getStartRowIndex());
        for (Cell c : h) {
            if (c.getStringCellValue().equals(header)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header);
    }

    private static void assertCell(Cell cell, Figure expected, String what) {
        if (expected.isNumber()) {
            assertThat(cell.getNumericCellValue()).as(what).isEqualTo(expected.number());
        } else {
            assertThat(cell.getStringCellValue()).as(what).isEqualTo(expected.symbol());
        }
    }
}
