package org.lcjp.reoffending.jobs;

import org.apache.spark.sql.SparkSession;

/** A job of the nightly run: settings and paths in, tables written, a result out. */
public interface Stage {
    String name();

    StageResult run(SparkSession spark, RunContext context);
}
