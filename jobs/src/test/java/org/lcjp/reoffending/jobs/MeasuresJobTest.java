package org.lcjp.reoffending.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.DataQualityColumns;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.FileReport;
import org.lcjp.reoffending.domain.ProvenReoffendingColumns;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.io.IngestTables;
import org.lcjp.reoffending.io.Warehouse;
import org.lcjp.reoffending.jobs.results.MeasureResult;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.settings.MeasuresSettings;
import org.lcjp.reoffending.settings.PipelineSettings;
import org.lcjp.reoffending.testing.SparkTestSession;

class MeasuresJobTest {
    private static final PseudonymisationKey KEY =
            PseudonymisationKey.of("measures-job-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8), "test");

    @Test
    void writesTheMeasureTablesAndPublishesBothTablesWithoutAClearDateOfBirth() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path out = Files.createTempDirectory("measures-job");
        Warehouse warehouse = new Warehouse(out);
        byte[] dob = new DateOfBirthCipher(KEY).encrypt(LocalDate.of(1990, 1, 1));
        StructType courts = new StructType()
                .add("agency", DataTypes.StringType)
                .add("dataset", DataTypes.StringType)
                .add("record_id", DataTypes.StringType)
                .add("sex", DataTypes.StringType)
                .add("postcode_district", DataTypes.StringType)
                .add("event_date", DataTypes.DateType)
                .add("dob_cipher", DataTypes.BinaryType)
                .add("offence_code", DataTypes.StringType)
                .add("offence_date", DataTypes.DateType)
                .add("conviction_date", DataTypes.DateType)
                .add("sentence_date", DataTypes.DateType)
                .add("disposal", DataTypes.StringType)
                .add("custody_months", DataTypes.DoubleType)
                .add("court_type", DataTypes.StringType);
        spark.createDataFrame(
                        List.of(
                                RowFactory.create(
                                        "courts",
                                        "convictions",
                                        "c1",
                                        "M",
                                        "DH1",
                                        d("2024-01-01"),
                                        dob,
                                        "008/01",
                                        d("2024-01-01"),
                                        d("2024-02-01"),
                                        null,
                                        "FINE",
                                        null,
                                        "MAGISTRATES"),
                                RowFactory.create(
                                        "courts",
                                        "convictions",
                                        "c2",
                                        "M",
                                        "DH1",
                                        d("2024-05-01"),
                                        dob,
                                        "008/01",
                                        d("2024-05-01"),
                                        d("2024-06-01"),
                                        null,
                                        "FINE",
                                        null,
                                        "MAGISTRATES"),
                                RowFactory.create(
                                        "courts",
                                        "convictions",
                                        "c3",
                                        "M",
                                        "DH1",
                                        d("2024-05-01"),
                                        dob,
                                        "195/01",
                                        d("2024-05-01"),
                                        d("2024-06-01"),
                                        null,
                                        "FINE",
                                        null,
                                        "MAGISTRATES")),
                        courts)
                .write()
                .parquet(warehouse.staged(Datasets.COURTS_CONVICTIONS).toString());
        spark.createDataFrame(
                        List.of(
                                RowFactory.create("courts", "convictions", "c1", "P1", "DETERMINISTIC", 1.0),
                                RowFactory.create("courts", "convictions", "c2", "P1", "DETERMINISTIC", 1.0),
                                RowFactory.create("courts", "convictions", "c3", "P1", "DETERMINISTIC", 1.0)),
                        RecordPersonColumns.SCHEMA)
                .write()
                .parquet(warehouse.recordPerson().toString());
        delivered(spark, warehouse, "2025-12-01", "police/outcomes", "courts/convictions", "yos/outcomes");
        // The data hold no five years of history: cohorts are published from 2024 by setting.
        PipelineSettings from2024 = new PipelineSettings(
                null,
                null,
                null,
                null,
                MeasuresSettings.defaults().withFirstCohort(LocalDate.of(2024, 1, 1)),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        RunContext context = new RunContext(
                out.resolve("input"),
                warehouse,
                out.resolve("publishing"),
                LocalDate.of(2026, 1, 1),
                KEY,
                Path.of("../conf"),
                from2024);

        MeasureResult result = StageSparkJobs.run(
                spark, "measure", StageSparkJobs.MEASURE, () -> new MeasuresJob().run(spark, context));

        assertThat(result.stage()).isEqualTo("measure");
        assertThat(List.of(result.provenOffences(), result.indexEvents())).containsExactly(2L, 2L);
        Dataset<Row> published =
                spark.read().parquet(context.published("proven_reoffending").toString());
        assertThat(published.columns()).containsExactly(ProvenReoffendingColumns.SCHEMA.fieldNames());
        Row q1 = published
                .filter("cohort_start = '2024-01-01' and population = 'ALL' and dimension = 'ALL'")
                .first();
        assertThat(List.of(q1.<Long>getAs("offenders"), q1.<Long>getAs("reoffenders"), q1.<Long>getAs("reoffences")))
                .containsExactly(1L, 1L, 1L);
        assertThat(q1.<String>getAs("status")).isEqualTo("FINAL");
        assertThat(result.effectiveDate()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(result.limitingDataset()).isEqualTo("police/outcomes");
        assertThat(result.firstCohort()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(spark.read()
                        .parquet(context.published("data_coverage").toString())
                        .filter("limits_effective_date")
                        .collectAsList())
                .extracting(r -> r.getString(0))
                .containsExactly("police/outcomes");
        assertThat(spark.read()
                        .parquet(context.published("time_to_reoffence").toString())
                        .columns())
                .containsExactly(
                        "cohort_start",
                        "cohort_end",
                        "population",
                        "day",
                        "at_risk",
                        "events",
                        "censored",
                        "survival",
                        "status",
                        "status_reason",
                        "months_observed");
        for (String table : List.of("proven_offences", "person_attributes", "index_events")) {
            StructType schema = spark.read()
                    .parquet(warehouse.measures().resolve(table).toString())
                    .schema();
            assertThat(Arrays.stream(schema.fields()).map(StructField::name))
                    .as(table)
                    .noneMatch(n -> n.contains("birth") || n.equals("dob"));
            assertThat(Arrays.stream(schema.fields())
                            .filter(f -> f.name().startsWith("dob"))
                            .map(StructField::dataType))
                    .as(table)
                    .allMatch(t -> t.equals(DataTypes.BinaryType));
        }
    }

    @Test
    void aDatasetThatProvesOffencesAndNeverDeliveredRejectsTheRun() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Path out = Files.createTempDirectory("measures-job-missing");
        Warehouse warehouse = new Warehouse(out);
        delivered(spark, warehouse, "2025-12-01", "police/outcomes", "courts/convictions", "prisons/releases");
        RunContext context = new RunContext(
                out.resolve("input"),
                warehouse,
                out.resolve("publishing"),
                LocalDate.of(2026, 1, 1),
                KEY,
                Path.of("../conf"),
                PipelineSettings.defaults());
        assertThatThrownBy(() -> new MeasuresJob().run(spark, context))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("yos/outcomes has never delivered")
                .satisfies(
                        e -> assertThat(((InputRejectedException) e).advice()).contains("input/yos/outcomes"));
        assertThat(context.storage().exists(context.published("proven_reoffending")))
                .isFalse();
    }

    /** Warehouse file counts saying each dataset delivered one readable file on the date. */
    private static void delivered(SparkSession spark, Warehouse warehouse, String date, String... datasets) {
        List<FileReport> files = Arrays.stream(datasets)
                .map(ds -> FileReport.notRead(
                        ds + "/x.csv",
                        ds.split("/")[0],
                        ds.split("/")[1],
                        LocalDate.parse(date),
                        DataQualityColumns.STATUS_READ,
                        null))
                .toList();
        new IngestTables(warehouse).writeFileCounts(files);
    }

    private static Date d(String s) {
        return Date.valueOf(s);
    }
}
