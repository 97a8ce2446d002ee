package org.lcjp.reoffending.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Counts Spark jobs and their wall time per job description (the stage: step labels of
 * {@link org.lcjp.reoffending.spark.JobDescriptions}), so the benchmark can say where a stage's time goes; a stage's
 * totals (jobs, stages, tasks) are its result's {@code StageCost}. Registered by the bench only, through
 * {@code spark.extraListeners}; figures are process-wide.
 */
public final class SparkJobTimes extends SparkListener {
    /** Per description: jobs, wall milliseconds of its jobs. */
    private static final Map<String, long[]> BY_DESCRIPTION = new ConcurrentHashMap<>();

    private static final Map<Integer, long[]> STARTED = new ConcurrentHashMap<>();
    private static final Map<Integer, String> DESCRIPTION = new ConcurrentHashMap<>();

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        String d = start.properties() == null ? null : start.properties().getProperty("spark.job.description");
        DESCRIPTION.put(start.jobId(), d == null ? "(no description)" : d);
        STARTED.put(start.jobId(), new long[] {start.time()});
        BY_DESCRIPTION.computeIfAbsent(DESCRIPTION.get(start.jobId()), k -> new long[2])[0]++;
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd end) {
        long[] s = STARTED.remove(end.jobId());
        String d = DESCRIPTION.remove(end.jobId());
        if (s != null && d != null) {
            synchronized (BY_DESCRIPTION) {
                BY_DESCRIPTION.computeIfAbsent(d, k -> new long[2])[1] += end.time() - s[0];
            }
        }
    }

    /** Snapshot and reset: description -> {jobs, wall ms}. */
    static Map<String, long[]> drain() {
        synchronized (BY_DESCRIPTION) {
            Map<String, long[]> out = new LinkedHashMap<>();
            BY_DESCRIPTION.forEach((k, v) -> out.put(k, v.clone()));
            BY_DESCRIPTION.clear();
            return out;
        }
    }
}
