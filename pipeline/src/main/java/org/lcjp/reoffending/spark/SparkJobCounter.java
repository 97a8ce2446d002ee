package org.lcjp.reoffending.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Counts the Spark jobs, stages and tasks a SparkContext runs, so each stage of the nightly run can say how many it
 * took (its summary line, the manifest, {@code make bench}): fixed costs are counted in jobs and tasks (each task
 * ships and reads back a copy of its query plan), and a change that adds scans shows as more. One listener per
 * context, installed on first use.
 */
public final class SparkJobCounter extends SparkListener {
    private static SparkJobCounter installed;
    private static SparkContext installedOn;
    private final AtomicLong jobs = new AtomicLong();
    private final AtomicLong stages = new AtomicLong();
    private final AtomicLong tasks = new AtomicLong();

    private SparkJobCounter() {}

    public static synchronized SparkJobCounter on(SparkContext context) {
        if (installed == null || installedOn != context) {
            installed = new SparkJobCounter();
            installedOn = context;
            context.addSparkListener(installed);
        }
        return installed;
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        jobs.incrementAndGet();
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        stages.incrementAndGet();
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        tasks.incrementAndGet();
    }

    /** Tasks ended so far (failed attempts included). */
    public long tasks() {
        return tasks.get();
    }

    /** Jobs started so far. */
    public long jobs() {
        return jobs.get();
    }

    /** Stages submitted so far (skipped stages of a reused shuffle are not submitted). */
    public long stages() {
        return stages.get();
    }
}
