package org.lcjp.reoffending.linkage.clustering;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.linkage.LinkageColumns;

/**
 * record_person: one row per record. match_method is the strongest kind of accepted link the record has inside
 * its person (PNC, then REF, then PROBABILISTIC), SINGLETON when alone; match_probability is 1 for PNC/REF, the
 * best accepted pair probability for PROBABILISTIC, null for SINGLETON. A record's links are its node's edges to
 * nodes of the same person, the links to the other records of its own node (PNC when they share one, else their
 * self-pair probability when accepted), and REF when another record of its person holds one of its references.
 */
public final class RecordPersonTable {
    private static final int PNC = 3;
    private static final int REF = 2;
    private static final int PROBABILISTIC = 1;

    /**
     * records: rid, agency, dataset, record_id, node, person_refs, cluster, person_id; nodes: node, cluster,
     * records, pnc_token, self_probability (null unless the node's records are linked by it), expanded (its records
     * are people of their own); edges: node edges.
     */
    public Dataset<Row> apply(Dataset<Row> records, Dataset<Row> nodes, Dataset<Row> edges) {
        Dataset<Row> ends = edges.select(col(PersonEdges.SRC).as("a"), col(PersonEdges.DST).as("b"),
                        col(LinkageColumns.MATCH_METHOD), col(LinkageColumns.MATCH_PROBABILITY))
                .union(edges.select(col(PersonEdges.DST).as("a"), col(PersonEdges.SRC).as("b"),
                        col(LinkageColumns.MATCH_METHOD), col(LinkageColumns.MATCH_PROBABILITY)))
                .where(col(LinkageColumns.MATCH_METHOD).notEqual(LinkageColumns.METHOD_REF));
        Dataset<Row> ia = nodes.select(col(LinkageColumns.NODE).as("a"), col(LinkageColumns.CLUSTER).as("ca"));
        Dataset<Row> ib = nodes.select(col(LinkageColumns.NODE).as("b"), col(LinkageColumns.CLUSTER).as("cb"));
        Column method = col(LinkageColumns.MATCH_METHOD);
        Column prob = when(method.equalTo(LinkageColumns.METHOD_PROBABILISTIC), col(LinkageColumns.MATCH_PROBABILITY));
        Dataset<Row> best = ends.join(ia, "a").join(ib, "b").where(col("ca").equalTo(col("cb")))
                .groupBy("a").agg(max(when(method.equalTo(LinkageColumns.METHOD_PNC), PNC).otherwise(PROBABILISTIC)).as("edge_rank"),
                        max(prob).as("edge_p"));
        Column several = col(LinkageColumns.RECORDS).gt(1).and(col("expanded").equalTo(false));
        Column selfP = when(several, col("self_probability"));
        Dataset<Row> perNode = nodes.join(best, col(LinkageColumns.NODE).equalTo(col("a")), "left")
                .select(col(LinkageColumns.NODE),
                        greatest(coalesce(col("edge_rank"), lit(0)),
                                when(several.and(col(org.lcjp.reoffending.domain.StagedColumns.PNC_TOKEN).isNotNull()), PNC).otherwise(0),
                                when(selfP.isNotNull(), PROBABILISTIC).otherwise(0)).as("node_rank"),
                        greatest(col("edge_p"), selfP).as("p"));
        Dataset<Row> refShared = records.select(col(LinkageColumns.RID), col(LinkageColumns.CLUSTER),
                        explode(col(LinkageColumns.PERSON_REFS)).as("ref"))
                .groupBy(col("ref"), col(LinkageColumns.CLUSTER)).agg(count(lit(1)).as("n"), collect_list(col(LinkageColumns.RID)).as("rids"))
                .where(col("n").gt(1))
                .select(explode(col("rids")).as("ref_rid")).distinct();
        Column r = col("rank");
        return records.join(perNode, LinkageColumns.NODE)
                .join(refShared, col(LinkageColumns.RID).equalTo(col("ref_rid")), "left")
                .withColumn("rank", greatest(col("node_rank"), when(col("ref_rid").isNotNull(), REF).otherwise(0)))
                .select(col(RecordPersonColumns.AGENCY), col(RecordPersonColumns.DATASET), col(RecordPersonColumns.RECORD_ID),
                        col(RecordPersonColumns.PERSON_ID),
                        when(r.equalTo(PNC), lit(LinkageColumns.METHOD_PNC)).when(r.equalTo(REF), lit(LinkageColumns.METHOD_REF))
                                .when(r.equalTo(PROBABILISTIC), lit(LinkageColumns.METHOD_PROBABILISTIC))
                                .otherwise(lit(LinkageColumns.METHOD_SINGLETON)).as(RecordPersonColumns.MATCH_METHOD),
                        when(r.geq(REF), lit(1.0)).when(r.equalTo(PROBABILISTIC), col("p")).otherwise(lit(null).cast(DataTypes.DoubleType))
                                .as(RecordPersonColumns.MATCH_PROBABILITY));
    }

    /** Records in persons of each size, for the quality table. */
    public static Dataset<Row> clusterSizes(Dataset<Row> recordPerson) {
        return recordPerson.groupBy(RecordPersonColumns.PERSON_ID).agg(count(lit(1)).as("size"));
    }
}
