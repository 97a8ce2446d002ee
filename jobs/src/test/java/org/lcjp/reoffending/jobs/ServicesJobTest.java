package org.lcjp.reoffending.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.DataQualityColumns;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.FileReport;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.io.IngestTables;
import org.lcjp.reoffending.jobs.results.ServicesResult;
import org.lcjp.reoffending.testing.SparkTestSession;

class ServicesJobTest {
    /** The datasets delivered: those that prove offences, none of the services' sources. */
    private static final List<String> DELIVERED = List.of("police/outcomes", "courts/convictions", "yos/outcomes");

    /**
     * Ingest stages every contract dataset, one never delivered as an empty table: a service table whose source has
     * no delivery read up to the as-of date is left out and named, not built from the empty table.
     */
    @Test
    void aServiceTableWhoseSourceWasNeverDeliveredIsLeftOutThoughIngestStagedItEmpty() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Path out = Files.createTempDirectory("services-job");
        RunContext context = TestRuns.context(out.resolve("input"), out, LocalDate.of(2026, 1, 1));
        StructType empty = new StructType().add("record_id", DataTypes.StringType);
        for (DatasetId id : List.of(
                Datasets.PROBATION_ASSESSMENTS,
                Datasets.IOM_COHORT,
                Datasets.CHECKPOINT_REFERRALS,
                Datasets.RJ_REFERRALS,
                Datasets.FAMILY_LINKS)) {
            spark.createDataFrame(List.of(), empty)
                    .write()
                    .parquet(context.warehouse().staged(id).toString());
        }
        spark.createDataFrame(List.of(), RecordPersonColumns.SCHEMA)
                .write()
                .parquet(context.warehouse().recordPerson().toString());
        new IngestTables(context.warehouse())
                .writeFileCounts(DELIVERED.stream()
                        .map(ds -> FileReport.notRead(
                                ds + "/x_20251201.csv",
                                ds.split("/")[0],
                                ds.split("/")[1],
                                LocalDate.of(2025, 12, 1),
                                DataQualityColumns.STATUS_READ,
                                null))
                        .toList());

        ServicesResult result = new ServicesJob().run(spark, context);

        for (ServiceTable table : ServicesJob.tables()) {
            assertThat(result.table(table.name()))
                    .as(table.name())
                    .hasValueSatisfying(t -> assertThat(t.delivered()).isFalse());
            assertThat(out.resolve("publishing-2026-01-01").resolve(table.name()))
                    .doesNotExist();
        }
        assertThat(result.rowsOut()).isZero();
    }
}
