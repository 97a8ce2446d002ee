package org.lcjp.reoffending.jobs.results;

import java.util.List;

/**
 * What a stage cost the driver JVM and Spark, as the run measured it around the stage (see ResourceUse).
 *
 * @param peakHeapMb  the largest total heap in use during the stage, MiB
 * @param sparkJobs   Spark jobs the stage ran
 * @param sparkStages Spark stages those jobs ran
 * @param sparkTasks  Spark tasks those stages ran
 * @param cpuSeconds  CPU seconds of the whole process, one decimal; null where the JVM does not say
 */
public record StageCost(long peakHeapMb, long sparkJobs, long sparkStages, long sparkTasks, Double cpuSeconds) {

    List<Figure> figures() {
        return Figure.list()
                .add("peak_heap_mb", peakHeapMb)
                .add("spark_jobs", sparkJobs)
                .add("spark_stages", sparkStages)
                .add("spark_tasks", sparkTasks)
                .addIfPresent("cpu_seconds", cpuSeconds)
                .build();
    }
}
