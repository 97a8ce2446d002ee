package org.lcjp.reoffending.jobs;

import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.jobs.results.StageSummary;

/** A job of the nightly run: settings and paths in, tables written, its typed result out. */
public interface Stage {
    String name();

    StageSummary run(SparkSession spark, RunContext context);
}
