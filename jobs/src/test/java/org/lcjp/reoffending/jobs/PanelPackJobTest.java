package org.lcjp.reoffending.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.ProvenReoffendingColumns;
import org.lcjp.reoffending.io.Warehouse;
import org.lcjp.reoffending.settings.PipelineSettings;
import org.lcjp.reoffending.testing.SparkTestSession;
import scala.jdk.javaapi.CollectionConverters;

class PanelPackJobTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);
    static final StructType DATA_QUALITY = new StructType()
            .add("source_file", DataTypes.StringType).add("agency", DataTypes.StringType)
            .add("dataset", DataTypes.StringType).add("extract_date", DataTypes.DateType)
            .add("rows_read", DataTypes.LongType).add("rows_accepted", DataTypes.LongType)
            .add("rows_quarantined", DataTypes.LongType).add("rows_superseded", DataTypes.LongType)
            .add("rows_deleted", DataTypes.LongType).add("pnc_check_failures", DataTypes.LongType)
            .add("warnings", DataTypes.LongType)
            .add("quarantined_by_rule", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType));

    static SparkSession spark;

    @BeforeAll
    static void session() throws IOException {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        spark = SparkTestSession.get();
    }

    static Path newPublishDir() throws IOException {
        return Files.createDirectories(Path.of("target", "test-runs", UUID.randomUUID().toString(), "publish"));
    }

    static RunContext context(Path publishDir) {
        return new RunContext(publishDir.resolve("input"), new Warehouse(publishDir.getParent().resolve("warehouse")),
                publishDir, AS_OF, null, Path.of("conf"), PipelineSettings.defaults());
    }

    static org.apache.spark.sql.Row reoffending(String start, String population, String dimension, String category,
                                                long offenders, long reoffenders, long reoffences, String status) {
        LocalDate s = LocalDate.parse(start);
        return RowFactory.create(Date.valueOf(s), Date.valueOf(s.plusMonths(3).minusDays(1)), population, dimension,
                category, offenders, reoffenders, reoffences, (double) reoffenders / offenders,
                reoffenders == 0 ? null : (double) reoffences / reoffenders, (double) reoffences / offenders, status);
    }

    static void writeProvenReoffending(Path publishDir) {
        List<org.apache.spark.sql.Row> rows = new ArrayList<>();
        for (String[] c : new String[][]{{"2023-01-01", "FINAL"}, {"2024-04-01", "PROVISIONAL"}}) {
            rows.add(reoffending(c[0], "ALL", "ALL", "ALL", 100, 30, 70, c[1]));
            rows.add(reoffending(c[0], "ADULT", "ALL", "ALL", 90, 27, 60, c[1]));
            rows.add(reoffending(c[0], "JUVENILE", "ALL", "ALL", 10, 3, 10, c[1]));
            rows.add(reoffending(c[0], "ALL", "SEX", "M", 97, 29, 66, c[1]));
            rows.add(reoffending(c[0], "ALL", "SEX", "F", 3, 1, 4, c[1]));
        }
        spark.createDataFrame(rows, ProvenReoffendingColumns.SCHEMA).write()
                .parquet(publishDir.resolve("proven_reoffending").toString());
    }

    static void writeDataQuality(Path publishDir) {
        List<org.apache.spark.sql.Row> rows = List.of(
                RowFactory.create("police/outcomes/a.csv", "police", "outcomes", Date.valueOf("2025-03-01"),
                        100L, 98L, 2L, 0L, 0L, 0L, 0L, CollectionConverters.asScala(Map.of("BAD_DATE", 2L))),
                RowFactory.create("police/outcomes/b.csv", "police", "outcomes", Date.valueOf("2024-12-01"),
                        50L, 50L, 0L, 0L, 0L, 0L, 0L, null),
                RowFactory.create("courts/convictions/a.csv", "courts", "convictions", Date.valueOf("2024-06-30"),
                        70L, 70L, 0L, 0L, 0L, 0L, 0L, null));
        spark.createDataFrame(rows, DATA_QUALITY).write().parquet(publishDir.resolve("data_quality").toString());
    }

    @Test
    void writesThePackFromThePublishedTables() throws IOException {
        Path publishDir = newPublishDir();
        writeProvenReoffending(publishDir);
        writeDataQuality(publishDir);
        StageResult result = new PanelPackJob().run(spark, context(publishDir));

        Path pack = publishDir.resolve("panel-pack-2025-03-31.xlsx");
        assertThat(pack).exists();
        assertThat(result.stage()).isEqualTo("report");
        assertThat(result.rowsIn()).isEqualTo(13);
        assertThat(result.details()).containsEntry("pack", "panel-pack-2025-03-31.xlsx")
                .containsEntry("absent", "cohort_comparison,iom_pre_post");
        try (InputStream in = Files.newInputStream(pack); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Cover");
            XSSFSheet cover = wb.getSheet("Cover");
            var sources = wb.getTable("Sources");
            Row courts = cover.getRow(sources.getStartRowIndex() + 1);
            Row police = cover.getRow(sources.getStartRowIndex() + 2);
            assertThat(courts.getCell(0).getStringCellValue()).isEqualTo("courts");
            assertThat(police.getCell(0).getStringCellValue()).isEqualTo("police");
            assertThat(police.getCell(1).getLocalDateTimeCellValue().toLocalDate()).as("latest police extract")
                    .isEqualTo(LocalDate.of(2025, 3, 1));
            assertThat(wb.getSheet("Diversion").getRow(1).getCell(0).getStringCellValue())
                    .contains("was not produced this run");
            XSSFSheet headline = wb.getSheet("Headline");
            var trend = wb.getTable("Headline_trend");
            Row first = headline.getRow(trend.getStartRowIndex() + 1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("Jan to Mar 2023");
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(100);
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        if (c.getCellType() == CellType.NUMERIC && c.getCellStyle().getDataFormatString().equals("#,##0")) {
                            assertThat(c.getNumericCellValue()).as("%s!%s", sheet.getSheetName(), c.getAddress())
                                    .matches(v -> v == 0 || v >= 5);
                        }
                    }
                }
            }
        }
    }

    @Test
    void failsWithoutProvenReoffending() throws IOException {
        Path publishDir = newPublishDir();
        assertThatThrownBy(() -> new PanelPackJob().run(spark, context(publishDir)))
                .hasMessageStartingWith("Cannot build panel pack: the proven_reoffending table is missing");
    }

    @Test
    void latestExtractIsTheMaximumPerAgency() {
        var files = List.of(
                new org.lcjp.reoffending.reports.pack.PackData.DataQualityRow("a", "police", "outcomes",
                        LocalDate.of(2025, 1, 1), 1, 1, 0, 0, 0, 0, 0, Map.of()),
                new org.lcjp.reoffending.reports.pack.PackData.DataQualityRow("b", "police", "outcomes",
                        LocalDate.of(2025, 2, 1), 1, 1, 0, 0, 0, 0, 0, Map.of()));
        assertThat(PanelPackJob.latestExtracts(files)).containsExactly(Map.entry("police", LocalDate.of(2025, 2, 1)));
    }
}
