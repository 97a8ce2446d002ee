package org.lcjp.reoffending.linkage.clustering;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.linkage.core.LinkageColumns;

/**
 * Agency person references and the identity profiles (nodes) whose records hold them: one row per (reference, node)
 * with how many of the node's records hold it. Built once from the records (one pass over them), it gives the
 * reference star edges, the nodes whose own records share a reference, and the references shared inside a person.
 */
public final class ReferenceGroups {
    public static final String REF = "ref";
    public static final String HOLDERS = "holders";
    public static final String SHARED_REF = "shared_ref";
    public static final String SHARED_CLUSTER = "shared_cluster";

    private ReferenceGroups() {}

    /** records: node, person_refs. Result: ref, node, holders (records of the node holding the reference). */
    public static Dataset<Row> of(Dataset<Row> records) {
        return records.select(
                        col(LinkageColumns.NODE),
                        explode(col(LinkageColumns.PERSON_REFS)).as(REF))
                .groupBy(REF, LinkageColumns.NODE)
                .agg(count(lit(1)).as(HOLDERS));
    }

    /** The nodes with a reference held by more than one of their own records: node. */
    public static Dataset<Row> sharedInsideNodes(Dataset<Row> groups) {
        return groups.where(col(HOLDERS).gt(1)).select(LinkageColumns.NODE).distinct();
    }

    /**
     * The references held by more than one record of one person: shared_ref, shared_cluster. nodes: node, cluster.
     * A node whose records are persons of their own never appears here: none of its references is held twice (else its
     * records would be one person).
     */
    public static Dataset<Row> sharedInsidePersons(Dataset<Row> groups, Dataset<Row> nodes) {
        return groups.join(nodes.select(LinkageColumns.NODE, LinkageColumns.CLUSTER), LinkageColumns.NODE)
                .groupBy(REF, LinkageColumns.CLUSTER)
                .agg(sum(HOLDERS).as(HOLDERS))
                .where(col(HOLDERS).gt(1))
                .select(col(REF).as(SHARED_REF), col(LinkageColumns.CLUSTER).as(SHARED_CLUSTER));
    }
}
