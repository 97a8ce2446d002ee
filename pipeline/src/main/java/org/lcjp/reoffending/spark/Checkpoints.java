package org.lcjp.reoffending.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.execution.LogicalRDD;

/**
 * Frees a local checkpoint's blocks as soon as it is no longer read. Spark keeps them until the RDD is garbage
 * collected and its periodic cleaner runs (every 30 minutes by default), so a stage's intermediate checkpoints would
 * otherwise all stay on the heap together, for the old generation to trace and copy.
 */
public final class Checkpoints {
    private Checkpoints() {}

    /** checkpointed: a Dataset returned by localCheckpoint (anything else is left as it is). */
    public static void release(Dataset<?> checkpointed) {
        if (checkpointed.queryExecution().analyzed() instanceof LogicalRDD checkpoint) {
            checkpoint.rdd().unpersist(false);
        }
    }
}
