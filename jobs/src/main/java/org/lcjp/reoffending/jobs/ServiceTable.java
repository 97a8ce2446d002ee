package org.lcjp.reoffending.jobs;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.DatasetId;

/**
 * One published table of the strategy's service deliverables (methodology.md sections 8-10: the RJ Hub, Think
 * Family, needs and gaps, IOM reach, Checkpoint activity). An implementation reads what it needs through
 * {@link ServiceInputs} and calls library stages; the {@code services} stage writes the result under the table's
 * name, and leaves the table out when its source dataset has no delivery read up to the as-of date.
 */
interface ServiceTable {
    /** The published table's name (outputs.md), e.g. {@code rj_activity}. */
    String name();

    /** The dataset the table is about: without a delivery of it the table is not written. */
    DatasetId source();

    /** The table, from the staged source dataset and whatever else it reads through {@code in}. */
    Dataset<Row> build(ServiceInputs in, Dataset<Row> source);
}
