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
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.io.Warehouse;
import org.lcjp.reoffending.jobs.results.ReportResult;
import org.lcjp.reoffending.settings.PipelineSettings;
import org.lcjp.reoffending.testing.SparkTestSession;
import scala.jdk.javaapi.CollectionConverters;

class PanelPackJobTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);
    static final StructType DATA_QUALITY = new StructType()
            .add("source_file", DataTypes.StringType)
            .add("agency", DataTypes.StringType)
            .add("dataset", DataTypes.StringType)
            .add("extract_date", DataTypes.DateType)
            .add("rows_read", DataTypes.LongType)
            .add("rows_accepted", DataTypes.LongType)
            .add("rows_quarantined", DataTypes.LongType)
            .add("rows_superseded", DataTypes.LongType)
            .add("rows_deleted", DataTypes.LongType)
            .add("pnc_check_failures", DataTypes.LongType)
            .add("warnings", DataTypes.LongType)
            .add("quarantined_by_rule", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType));

    /** proven_reoffending as outputs.md v1.1 wrote it: the pack must read it tolerantly. */
    static final StructType PROVEN_REOFFENDING_V11 = new StructType()
            .add("cohort_start", DataTypes.DateType)
            .add("cohort_end", DataTypes.DateType)
            .add("population", DataTypes.StringType)
            .add("dimension", DataTypes.StringType)
            .add("category", DataTypes.StringType)
            .add("offenders", DataTypes.LongType)
            .add("reoffenders", DataTypes.LongType)
            .add("reoffences", DataTypes.LongType)
            .add("reoffending_rate", DataTypes.DoubleType)
            .add("reoffences_per_reoffender", DataTypes.DoubleType)
            .add("reoffences_per_offender", DataTypes.DoubleType)
            .add("status", DataTypes.StringType);

    static SparkSession spark;

    @BeforeAll
    static void session() throws IOException {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        spark = SparkTestSession.get();
    }

    static Path newPublishDir() throws IOException {
        return Files.createDirectories(
                Path.of("target", "test-runs", UUID.randomUUID().toString(), "publish"));
    }

    static RunContext context(Path publishDir) {
        return new RunContext(
                publishDir.resolve("input"),
                new Warehouse(publishDir.getParent().resolve("warehouse")),
                publishDir,
                AS_OF,
                null,
                Path.of("../conf"),
                PipelineSettings.defaults());
    }

    static org.apache.spark.sql.Row reoffending(
            String start,
            String population,
            String dimension,
            String category,
            long offenders,
            long reoffenders,
            long reoffences,
            String status) {
        LocalDate s = LocalDate.parse(start);
        return RowFactory.create(
                Date.valueOf(s),
                Date.valueOf(s.plusMonths(3).minusDays(1)),
                population,
                dimension,
                category,
                offenders,
                reoffenders,
                reoffences,
                (double) reoffenders / offenders,
                reoffenders == 0 ? null : (double) reoffences / reoffenders,
                (double) reoffences / offenders,
                status);
    }

    static void writeProvenReoffending(Path publishDir) {
        List<org.apache.spark.sql.Row> rows = new ArrayList<>();
        for (String[] c : new String[][] {{"2023-01-01", "FINAL"}, {"2024-04-01", "PROVISIONAL"}}) {
            rows.add(reoffending(c[0], "ALL", "ALL", "ALL", 100, 30, 70, c[1]));
            rows.add(reoffending(c[0], "ADULT", "ALL", "ALL", 90, 27, 60, c[1]));
            rows.add(reoffending(c[0], "JUVENILE", "ALL", "ALL", 10, 3, 10, c[1]));
            rows.add(reoffending(c[0], "ALL", "SEX", "M", 97, 29, 66, c[1]));
            rows.add(reoffending(c[0], "ALL", "SEX", "F", 3, 1, 4, c[1]));
        }
        spark.createDataFrame(rows, PROVEN_REOFFENDING_V11)
                .write()
                .parquet(publishDir.resolve("proven_reoffending").toString());
    }

    static void writeDataQuality(Path publishDir) {
        List<org.apache.spark.sql.Row> rows = List.of(
                RowFactory.create(
                        "police/outcomes/a.csv",
                        "police",
                        "outcomes",
                        Date.valueOf("2025-03-01"),
                        100L,
                        98L,
                        2L,
                        0L,
                        0L,
                        0L,
                        0L,
                        CollectionConverters.asScala(Map.of("BAD_DATE", 2L))),
                RowFactory.create(
                        "police/outcomes/b.csv",
                        "police",
                        "outcomes",
                        Date.valueOf("2024-12-01"),
                        50L,
                        50L,
                        0L,
                        0L,
                        0L,
                        0L,
                        0L,
                        null),
                RowFactory.create(
                        "courts/convictions/a.csv",
                        "courts",
                        "convictions",
                        Date.valueOf("2024-06-30"),
                        70L,
                        70L,
                        0L,
                        0L,
                        0L,
                        0L,
                        0L,
                        null));
        spark.createDataFrame(rows, DATA_QUALITY)
                .write()
                .parquet(publishDir.resolve("data_quality").toString());
    }

    @Test
    void writesThePackAndThePerformanceTableFromThePublishedTables() throws IOException {
        Path publishDir = newPublishDir();
        // A proven_reoffending table of outputs.md v1.1 (no harm_days, months_observed, status_reason): read
        // tolerantly.
        writeProvenReoffending(publishDir);
        writeDataQuality(publishDir);
        ReportResult result = StageSparkJobs.run(
                spark, "report", StageSparkJobs.REPORT, () -> new PanelPackJob().run(spark, context(publishDir)));

        Path pack = publishDir.resolve("panel-pack-2025-03-31.xlsx");
        assertThat(pack).exists();
        assertThat(publishDir.resolve("panel-pack-2025-03-31.ods")).isNotEmptyFile();
        assertThat(result.stage()).isEqualTo("report");
        assertThat(List.of(result.pack(), result.ods()))
                .containsExactly("panel-pack-2025-03-31.xlsx", "panel-pack-2025-03-31.ods");
        assertThat(result.absent()).containsExactly("cohort_comparison", "iom_pre_post");
        List<org.apache.spark.sql.Row> performance = spark.read()
                .parquet(publishDir.resolve("performance").toString())
                .collectAsList();
        assertThat(performance)
                .extracting(r -> r.<String>getAs("measure_id"))
                .contains("adult_reoffending_rate", "rj_conferences", "timeliness_months");
        assertThat(performance)
                .filteredOn(r -> r.<String>getAs("measure_id").equals("rj_conferences"))
                .extracting(r -> r.<String>getAs("availability"))
                .containsExactly("TABLE_ABSENT");
        assertThat(performance)
                .filteredOn(r -> r.<String>getAs("measure_id").equals("harm_per_offender"))
                .extracting(r -> r.<String>getAs("availability"))
                .containsExactly("COLUMN_ABSENT");
        int checked = org.lcjp.reoffending.reports.pack.PackScan.scanXlsx(Files.readAllBytes(pack), 5);
        assertThat(checked).isPositive();
        try (InputStream in = Files.newInputStream(pack);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Cover_sheet");
            XSSFSheet sources = wb.getSheet("Data_sources");
            var table = wb.getTable("Data_sources");
            Row courts = sources.getRow(table.getStartRowIndex() + 1);
            Row police = sources.getRow(table.getStartRowIndex() + 2);
            assertThat(courts.getCell(0).getStringCellValue()).isEqualTo("Courts");
            assertThat(police.getCell(0).getStringCellValue()).isEqualTo("Police");
            assertThat(police.getCell(1).getLocalDateTimeCellValue().toLocalDate())
                    .as("latest police extract")
                    .isEqualTo(LocalDate.of(2025, 3, 1));
            assertThat(wb.getSheet("Checkpoint").getRow(1).getCell(0).getStringCellValue())
                    .contains("was not produced by this run");
            XSSFSheet yearly = wb.getSheet("Reoffending_by_year");
            var trend = wb.getTable("Reoffending_by_year");
            Row first = yearly.getRow(trend.getStartRowIndex() + 1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("Apr to Jun 2024");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("Provisional");
        }
    }

    @Test
    void badTargetsStopTheRunBeforeAnyDataMovesWithEveryProblem() throws IOException {
        Path conf = Files.createDirectories(newPublishDir().resolve("conf"));
        Files.copy(Path.of("../conf/labels.yaml"), conf.resolve("labels.yaml"));
        Files.writeString(conf.resolve("targets.yaml"), """
                measures:
                  - id: Bad Id
                    title: x
                    figure: {table: nowhere, column: c}
                    direction: SIDEWAYS
                    target: high
                    amber_tolerance: -1
                    baseline: someday
                """);
        assertThatThrownBy(() -> TargetsCheck.checkAtStart(conf))
                .isInstanceOf(org.lcjp.reoffending.settings.SettingsException.class)
                .hasMessageContaining("snake_case")
                .hasMessageContaining("'nowhere' is not a published table")
                .hasMessageContaining("direction")
                .hasMessageContaining("'target' must be a number")
                .hasMessageContaining("amber_tolerance must not be negative")
                .hasMessageContaining("baseline");
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
                new org.lcjp.reoffending.reports.pack.PackData.DataQualityRow(
                        "a", "police", "outcomes", LocalDate.of(2025, 1, 1), 1, 1, 0, 0, 0, 0, 0, Map.of(), "READ"),
                new org.lcjp.reoffending.reports.pack.PackData.DataQualityRow(
                        "b", "police", "outcomes", LocalDate.of(2025, 2, 1), 1, 1, 0, 0, 0, 0, 0, Map.of(), "READ"));
        assertThat(PanelPackJob.latestExtracts(files)).containsExactly(Map.entry("police", LocalDate.of(2025, 2, 1)));
    }
}
