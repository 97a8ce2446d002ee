package org.lcjp.reoffending.jobs;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.lcjp.reoffending.jobs.results.StageCost;
import org.lcjp.reoffending.jobs.results.StageSummary;

/**
 * What a stage cost the driver JVM, added to the stage's figures: peak heap (the largest total heap in use, sampled
 * every {@value #SAMPLE_MILLIS} ms; it includes garbage not yet collected, and cannot exceed -Xmx) and CPU seconds of
 * the whole process. Summing each heap pool's own peak, as this did before, overstated it: the pools peak at
 * different moments (9.7 GiB reported under -Xmx8g). In local mode the driver JVM is the whole of Spark, so these are the
 * run's; CPU seconds stay comparable when other work shares the machine and wall-clock seconds do not.
 */
final class ResourceUse {
    private ResourceUse() {}

    private static final long SAMPLE_MILLIS = 50;

    /**
     * @param spark the run's session: its jobs, stages and tasks during the stage are counted (listener events arrive
     *              asynchronously; the bus is drained before and after, so no earlier job is counted as this stage's)
     */
    @SuppressWarnings("unchecked") // withCost returns the result's own record type
    static <T extends StageSummary> T measure(org.apache.spark.sql.SparkSession spark, Supplier<T> stage) {
        org.lcjp.reoffending.spark.SparkJobCounter counter =
                org.lcjp.reoffending.spark.SparkJobCounter.on(spark.sparkContext());
        drainListenerBus(spark);
        long jobsBefore = counter.jobs();
        long stagesBefore = counter.stages();
        long tasksBefore = counter.tasks();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heap-sampler");
            t.setDaemon(true);
            return t;
        });
        ScheduledFuture<?> sampling = sampler.scheduleAtFixedRate(
                () -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0,
                SAMPLE_MILLIS,
                TimeUnit.MILLISECONDS);
        long cpuBefore = processCpuNanos();
        T r;
        try {
            r = stage.get();
        } finally {
            sampling.cancel(false);
            sampler.shutdownNow();
        }
        long cpu = processCpuNanos() - cpuBefore;
        drainListenerBus(spark);
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        return (T) r.withCost(new StageCost(
                peak.get() / (1024 * 1024),
                counter.jobs() - jobsBefore,
                counter.stages() - stagesBefore,
                counter.tasks() - tasksBefore,
                cpuBefore >= 0 ? Math.round(cpu / 1e8) / 10.0 : null));
    }

    private static void drainListenerBus(org.apache.spark.sql.SparkSession spark) {
        try {
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } catch (java.util.concurrent.TimeoutException e) {
            // The counts may then be off by the jobs still queued; a figure, not a result.
        }
    }

    /** CPU time of this process so far, or -1 where the JVM does not say. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }
}
