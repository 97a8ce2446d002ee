package org.lcjp.reoffending.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.jobs.results.StageSummary;

/**
 * Spark jobs per stage on a tiny input (Deequ's habit): a stage test runs its stage once through {@link #run}, which
 * counts the stage's jobs with the run's own mechanism, {@link ResourceUse} over
 * {@link org.lcjp.reoffending.spark.SparkJobCounter} (a SparkListener; the {@code spark_jobs} figure of the stage line
 * and the manifest), scoped to the stage (the listener bus is drained before and after it), and fails when the count
 * is above the stage's ceiling. A change that adds a scan, a count, a schema read or a write shows as a failure rather
 * than as a slower night. Jobs are counted, never time, under the test session's settings (AQE off), so the figures
 * are deterministic and smaller than a production run's. The counts ride on the stage tests' own runs: no stage is
 * run again for them.
 *
 * <p>Each ceiling is today's count. To change one deliberately: run the stage's test, read the count from the failure
 * message, set the ceiling to it in the same commit as the change, and say in the commit message why the stage needs
 * the jobs. When a change saves jobs, lower the ceiling to the new count so the saving is kept.
 */
final class StageSparkJobs {
    /**
     * {@link IngestIncrementalTest}, first night, one police file of two rows: parse and count, accepted write, then
     * each of the twelve tables staged (empty ones too).
     */
    static final long INGEST = 30;
    /** {@link MeasuresJobTest}: one person's three convictions; measure tables written and read back, three published, counts. */
    static final long MEASURE = 35;
    /** {@link PanelPackJobTest}: the pack's reads of the published tables (proven_reoffending, data_quality) and the performance table. */
    static final long REPORT = 7;

    private StageSparkJobs() {}

    /** Runs the stage once, counting its Spark jobs; fails above {@code ceiling}. The stage's result, with its counts. */
    static <T extends StageSummary> T run(SparkSession spark, String stage, long ceiling, Supplier<T> body) {
        T result = ResourceUse.measure(spark, body);
        long jobs = result.cost().sparkJobs();
        assertThat(jobs)
                .as(
                        "the %s stage ran %d Spark jobs on its tiny input, more than its ceiling %d: if the new jobs are "
                                + "meant, set the ceiling in StageSparkJobs to the new count (see its comment)",
                        stage, jobs, ceiling)
                .isPositive()
                .isLessThanOrEqualTo(ceiling);
        return result;
    }
}
