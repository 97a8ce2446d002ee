package org.lcjp.reoffending.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.jobs.results.ServicesResult;
import org.lcjp.reoffending.spark.JobDescriptions;

/**
 * The "services" stage: what the partnership's services do and whom they reach (methodology.md sections 8-10).
 * Runs after {@code compare} (it reads the measure tables) and writes one published table per
 * {@link ServiceTable}; a table whose source dataset was never delivered is left out and named in the summary.
 */
public final class ServicesJob implements Stage {
    public static final String NAME = ServicesResult.STAGE;

    /** Every service table, in the order they are built. */
    static List<ServiceTable> tables() {
        return List.of(
                new NeedsAndGapsTable(),
                new IomReachTable(),
                new CheckpointActivityTable(),
                new RjActivityTable(),
                new FamilyOffendingTable());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ServicesResult run(SparkSession spark, RunContext context) {
        long started = System.nanoTime();
        List<ServicesResult.Table> written = new ArrayList<>();
        long rows = 0;
        ServiceInputs in = new ServiceInputs(spark, context);
        for (ServiceTable table : tables()) {
            Optional<Dataset<Row>> source = in.staged(table.source());
            if (source.isEmpty()) {
                written.add(new ServicesResult.Table(table.name(), null));
                continue;
            }
            Dataset<Row> built = table.build(in, source.get());
            String path = context.published(table.name()).toString();
            long count = JobDescriptions.describe(spark, NAME, "writing " + table.name(), () -> {
                built.coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
                return spark.read().parquet(path).count();
            });
            written.add(new ServicesResult.Table(table.name(), count));
            rows += count;
        }
        return new ServicesResult(rows, (System.nanoTime() - started) / 1e9, written, null);
    }
}
