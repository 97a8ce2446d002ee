package org.lcjp.reoffending.jobs;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One published table of the strategy's service deliverables (methodology.md sections 8-10: the RJ Hub, Think
 * Family, needs and gaps, IOM reach, Checkpoint activity). An implementation reads what it needs from the
 * warehouse and calls library stages; the {@code services} stage writes the result under the table's name.
 */
public interface ServiceTable {
    /** The published table's name (outputs.md), e.g. {@code rj_activity}. */
    String name();

    /** The table, or empty when its source datasets were never delivered (then nothing is written). */
    Optional<Dataset<Row>> build(SparkSession spark, RunContext context);
}
