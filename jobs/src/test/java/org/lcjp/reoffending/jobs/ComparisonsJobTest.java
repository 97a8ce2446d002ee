package org.lcjp.reoffending.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcjp.reoffending.domain.DataQualityColumns;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.FileReport;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.impact.ComparisonRow;
import org.lcjp.reoffending.impact.IomPrePostRow;
import org.lcjp.reoffending.io.IngestTables;
import org.lcjp.reoffending.io.Warehouse;
import org.lcjp.reoffending.jobs.results.CompareResult;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.settings.PipelineSettings;
import org.lcjp.reoffending.testing.SparkTestSession;

/** End to end on tiny tables: every group too small, so every row says so and the schemas are the contract's. */
class ComparisonsJobTest {
    private final SparkSession spark = SparkTestSession.get();

    @TempDir
    Path dir;

    @Test
    void writesTheThreeTablesWithTheirContractSchemas() throws Exception {
        PseudonymisationKey key = PseudonymisationKey.of(
                "job-test-secret-at-least-32-bytes-long".getBytes(StandardCharsets.UTF_8), "test");
        Warehouse warehouse = new Warehouse(dir.resolve("out"));
        Path conf = dir.resolve("conf");
        Files.createDirectories(conf.resolve("reference"));
        Files.writeString(
                conf.resolve("reference/offences.csv"),
                "offence_code,description,offence_group,is_breach,harm_days\n105/01,Criminal damage,CRIMINAL_DAMAGE,N,30\n");
        Date jan = Date.valueOf("2024-01-10");
        Date mar = Date.valueOf("2024-03-31");
        write(
                new StructType()
                        .add("person_id", DataTypes.StringType)
                        .add("source", DataTypes.StringType)
                        .add("record_id", DataTypes.StringType)
                        .add("offence_code", DataTypes.StringType)
                        .add("offence_date", DataTypes.DateType)
                        .add("disposal_date", DataTypes.DateType)
                        .add("harm_days", DataTypes.DoubleType),
                warehouse.measures().resolve("proven_offences"),
                row(
                        "A",
                        "courts/convictions",
                        "c1",
                        "105/01",
                        Date.valueOf("2024-02-01"),
                        Date.valueOf("2024-03-01"),
                        30.0),
                // Where the history starts: the first cohort is five years on (Apr to Jun 2023), before the index
                // dates.
                row(
                        "Z",
                        "courts/convictions",
                        "c0",
                        "105/01",
                        Date.valueOf("2018-02-01"),
                        Date.valueOf("2018-03-01"),
                        30.0));
        write(
                new StructType()
                        .add("person_id", DataTypes.StringType)
                        .add("dob_cipher", DataTypes.BinaryType)
                        .add("sex", DataTypes.StringType),
                warehouse.measures().resolve("person_attributes"),
                row("A", new DateOfBirthCipher(key).encrypt(LocalDate.of(1990, 5, 1)), "F"));
        write(
                new StructType()
                        .add("person_id", DataTypes.StringType)
                        .add("cohort_start", DataTypes.DateType)
                        .add("cohort_end", DataTypes.DateType)
                        .add("index_date", DataTypes.DateType)
                        .add("sex", DataTypes.StringType),
                warehouse.measures().resolve("index_events"),
                row("A", Date.valueOf("2024-01-01"), mar, jan, "F"));
        write(
                RecordPersonColumns.SCHEMA,
                warehouse.recordPerson(),
                row("checkpoint", "referrals", "k1", "A", "DETERMINISTIC", 1.0),
                row("iom", "cohort", "m1", "A", "DETERMINISTIC", 1.0));
        write(
                new StructType()
                        .add("record_id", DataTypes.StringType)
                        .add("offence_code", DataTypes.StringType)
                        .add("offence_date", DataTypes.DateType)
                        .add("decision_date", DataTypes.DateType)
                        .add("eligible", DataTypes.StringType)
                        .add("decision", DataTypes.StringType),
                warehouse.staged(Datasets.CHECKPOINT_REFERRALS),
                row("k1", "105/01", jan, jan, "Y", "DIVERTED"));
        write(
                new StructType().add("record_id", DataTypes.StringType).add("adopted_date", DataTypes.DateType),
                warehouse.staged(Datasets.IOM_COHORT),
                row("m1", jan));

        new IngestTables(warehouse)
                .writeFileCounts(java.util.stream.Stream.of("police/outcomes", "courts/convictions", "yos/outcomes")
                        .map(ds -> FileReport.notRead(
                                ds + "/x.csv",
                                ds.split("/")[0],
                                ds.split("/")[1],
                                LocalDate.of(2025, 10, 1),
                                DataQualityColumns.STATUS_READ,
                                null))
                        .toList());
        RunContext context = new RunContext(
                dir.resolve("in"),
                warehouse,
                dir.resolve("publish"),
                LocalDate.of(2025, 11, 1),
                key,
                conf,
                PipelineSettings.defaults());
        CompareResult result = new ComparisonsJob().run(spark, context);

        assertThat(result.stage()).isEqualTo("compare");
        assertThat(spark.read()
                        .parquet(context.published("cohort_comparison").toString())
                        .schema())
                .isEqualTo(ComparisonRow.SCHEMA.asNullable());
        List<Row> comparison = spark.read()
                .parquet(context.published("cohort_comparison").toString())
                .collectAsList();
        assertThat(comparison)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.<String>getAs("status")).isEqualTo("TOO_SMALL"));
        assertThat(comparison).extracting(r -> r.<String>getAs("comparison")).contains("DIVERSION", "SEX", "NEEDS");
        assertThat(comparison).extracting(r -> r.<String>getAs("period")).containsOnly("FY2023-24", "POOLED");
        assertThat(Arrays.asList(spark.read()
                        .parquet(context.published("comparison_balance").toString())
                        .columns()))
                .containsExactly(
                        "comparison",
                        "covariate",
                        "treated_mean",
                        "control_mean_before",
                        "control_mean_after",
                        "smd_before",
                        "smd_after",
                        "imbalanced_after");
        assertThat(spark.read()
                        .parquet(context.published("iom_pre_post").toString())
                        .schema())
                .isEqualTo(IomPrePostRow.SCHEMA.asNullable());
        // (FY2023-24, POOLED) x (ALL, UNKNOWN: no category delivered) x 2 measures x 2 groups
        assertThat(spark.read()
                        .parquet(context.published("iom_pre_post").toString())
                        .count())
                .isEqualTo(16);
        assertThat(result.firstCohort()).as("every index date").isNull();
        assertThat(result.completeFollowUpTo()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(result.iom()).isEqualTo(new CompareResult.Matched(0, 1));
    }

    private static Row row(Object... values) {
        return RowFactory.create(values);
    }

    private void write(StructType schema, Object to, Row... rows) {
        spark.createDataFrame(List.of(rows), schema).write().parquet(to.toString());
    }
}
