package org.lcjp.reoffending.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.spark.JobDescriptions;

/**
 * The "services" stage: what the partnership's services do and whom they reach (methodology.md sections 8-10).
 * Runs after {@code compare} (it reads the measure tables) and writes one published table per
 * {@link ServiceTable}; a table whose source dataset was never delivered is left out and named in the summary.
 */
public final class ServicesJob implements Stage {
    public static final String NAME = "services";

    /** Every service table, in the order they are built. */
    static List<ServiceTable> tables() {
        return List.of(new NeedsAndGapsTable(), new IomReachTable(), new CheckpointActivityTable(), new RjActivityTable(),
                new FamilyOffendingTable());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageResult run(SparkSession spark, RunContext context) {
        long started = System.nanoTime();
        Map<String, Object> details = new LinkedHashMap<>();
        long rows = 0;
        ServiceInputs in = new ServiceInputs(spark, context);
        for (ServiceTable table : tables()) {
            Optional<Dataset<Row>> source = in.staged(table.source());
            if (source.isEmpty()) {
                details.put(table.name(), "not delivered");
                continue;
            }
            Dataset<Row> built = table.build(in, source.get());
            String path = context.published(table.name()).toString();
            long written = JobDescriptions.describe(spark, NAME, "writing " + table.name(), () -> {
                built.coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
                return spark.read().parquet(path).count();
            });
            details.put(table.name(), written);
            rows += written;
        }
        return new StageResult(NAME, 0, rows, (System.nanoTime() - started) / 1e9, details);
    }
}
