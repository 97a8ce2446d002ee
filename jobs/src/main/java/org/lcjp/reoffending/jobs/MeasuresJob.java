package org.lcjp.reoffending.jobs;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.io.IngestTables;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.io.WarehouseTables;
import org.lcjp.reoffending.jobs.results.MeasureResult;
import org.lcjp.reoffending.measures.CohortCalendar;
import org.lcjp.reoffending.measures.DataCoverage;
import org.lcjp.reoffending.measures.MeasureInputs;
import org.lcjp.reoffending.measures.MeasurePipeline;
import org.lcjp.reoffending.measures.MeasureTables;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.spark.JobDescriptions;

/**
 * Measures proven reoffending (methodology.md sections 1-4): reads the staged tables, record_person, the reference
 * tables and how far each dataset's deliveries reach (the warehouse's per-file ingest figures); runs
 * {@link MeasurePipeline}, writing proven_offences, person_attributes and index_events under warehouse/measures
 * (each written and read back, which breaks lineage where later stages reuse it), and publishes proven_reoffending,
 * time_to_reoffence and data_coverage. A dataset that proves offences and has never delivered rejects the run.
 */
public final class MeasuresJob implements Stage {
    public static final String NAME = MeasureResult.STAGE;
    public static final String PROVEN_OFFENCES = MeasureTables.PROVEN_OFFENCES;
    public static final String PERSON_ATTRIBUTES = MeasureTables.PERSON_ATTRIBUTES;
    public static final String INDEX_EVENTS = MeasureTables.INDEX_EVENTS;
    public static final String PROVEN_REOFFENDING = "proven_reoffending";
    public static final String TIME_TO_REOFFENCE = "time_to_reoffence";
    public static final String DATA_COVERAGE = "data_coverage";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MeasureResult run(SparkSession spark, RunContext context) {
        long started = System.nanoTime();
        DataCoverage coverage = coverage(spark, context);
        MeasureInputs inputs = StagedInputs.measureInputs(
                spark,
                context,
                staged -> staged,
                StagedInputs.orEmpty(
                        spark, context.storage(), context.warehouse().recordPerson(), RecordPersonColumns.SCHEMA));
        StoragePath measures = context.warehouse().measures();
        MeasureTables tables = new MeasurePipeline(
                        context.settings().cohort(),
                        context.settings().measures(),
                        new DateOfBirthCipher(context.key()))
                .run(
                        inputs,
                        coverage,
                        (table, rows) -> materialiseVersion(spark, context, measures.resolve(table), table, rows));

        Dataset<Row> published = materialise(
                spark, context.published(PROVEN_REOFFENDING), PROVEN_REOFFENDING, tables.provenReoffending());
        Dataset<Row> curves =
                materialise(spark, context.published(TIME_TO_REOFFENCE), TIME_TO_REOFFENCE, tables.timeToReoffence());
        CohortCalendar calendar = tables.calendar();
        spark.createDataFrame(coverage.rows(calendar.firstCohort()), DataCoverage.SCHEMA)
                .coalesce(1)
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(context.published(DATA_COVERAGE).toString());

        long[] counts = JobDescriptions.describe(spark, NAME, "counting", () -> new long[] {
            tables.provenOffences().count(), tables.indexEvents().count(), curves.count()
        });
        long cells = JobDescriptions.describe(spark, NAME, "counting cells", published::count);
        return new MeasureResult(
                counts[0],
                cells,
                (System.nanoTime() - started) / 1e9,
                coverage.effectiveDate().orElse(null),
                coverage.limitingDataset().orElse(null),
                calendar.firstCohort(),
                calendar.count(true),
                calendar.count(false),
                counts[1],
                counts[2],
                null);
    }

    /**
     * How far each dataset reaches, from every delivery the warehouse has read up to the as-of date. Without a
     * delivery from each dataset that proves offences no figure can be trusted: the run is rejected (exit 3).
     */
    static DataCoverage coverage(SparkSession spark, RunContext context) {
        DataCoverage coverage =
                DataCoverage.fromFiles(context.asOf(), new IngestTables(context.warehouse()).fileCounts(spark));
        List<String> missing = coverage.neverDelivered();
        if (!missing.isEmpty()) {
            throw new InputRejectedException(
                    "Cannot publish: " + String.join(", ", missing) + " ha"
                            + (missing.size() == 1 ? "s" : "ve")
                            + " never delivered a readable file dated on or before "
                            + context.asOf() + ", and proven offences cannot be counted without "
                            + (missing.size() == 1 ? "it" : "them") + ". Nothing was published",
                    "check that the agency's deliveries reach "
                            + context.input().resolve(missing.get(0))
                            + "/ and are named <dataset>_<yyyyMMdd>.csv (see data_quality for files not read), then rerun.");
        }
        return coverage;
    }

    /**
     * A warehouse table: the new version is written beside the current one and switched to ({@link WarehouseTables}),
     * so a crash leaves the old version or the new, never none or half; then read back like {@link #materialise}.
     */
    private static Dataset<Row> materialiseVersion(
            SparkSession spark, RunContext context, StoragePath table, String what, Dataset<Row> rows) {
        WarehouseTables.recover(context.storage(), table);
        StoragePath next = WarehouseTables.next(table);
        JobDescriptions.describe(spark, NAME, "writing " + what, () -> {
            rows.write().mode(SaveMode.Overwrite).parquet(next.toString());
            return null;
        });
        WarehouseTables.switchTo(context.storage(), next, table);
        return spark.read().parquet(table.toString());
    }

    /** Writes the table and reads it back, so later stages start from the file rather than recomputing it. */
    private static Dataset<Row> materialise(SparkSession spark, StoragePath path, String what, Dataset<Row> table) {
        JobDescriptions.describe(spark, NAME, "writing " + what, () -> {
            table.write().mode(SaveMode.Overwrite).parquet(path.toString());
            return null;
        });
        return spark.read().parquet(path.toString());
    }
}
