package org.lcjp.reoffending.linkage.clustering;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.linkage.LinkageColumns;
import org.lcjp.reoffending.settings.LinkageSettings;

/**
 * Persons from identity-profile edges: connected components over the nodes that have an edge (the others are
 * persons of their own and cost nothing), chained clusters split with nodes weighted by their records, then every
 * record takes its node's cluster. A node's records are one person when their pair is certain or accepted: a shared
 * PNC, a self-pair probability at or above the threshold, or a shared agency reference; otherwise, and when the node
 * has no edge either, each record is a person of its own (its rid, unique among the labels, is its cluster).
 */
public final class NodeClusters {
    public static final String SELF_PROBABILITY = "self_probability";
    public static final String EXPANDED = "expanded";

    /**
     * @param records records with their cluster (rid, record_key, agency, dataset, record_id, node, person_refs, pnc_token, cluster)
     * @param nodes   node, cluster, records, pnc_token, self_probability (when it links the node's records), expanded
     * @param chained the clusters split (cluster)
     */
    public record Result(Dataset<Row> records, Dataset<Row> nodes, Dataset<Row> chained, int componentRounds) {
    }

    private final LinkageSettings settings;
    private final int maxRounds;

    public NodeClusters(LinkageSettings settings, int maxRounds) {
        this.settings = settings;
        this.maxRounds = maxRounds;
    }

    /** scoredSelf: node, match_probability of the node's self pair (nodes of one record may be absent). */
    public Result apply(Dataset<Row> records, Dataset<Row> nodes, Dataset<Row> edges, Dataset<Row> scoredSelf) {
        Dataset<Row> linked = edges.select(col(PersonEdges.SRC).as(LinkageColumns.NODE))
                .union(edges.select(col(PersonEdges.DST).as(LinkageColumns.NODE))).distinct();
        ConnectedComponents cc = new ConnectedComponents(settings.checkpointInterval(), maxRounds);
        Dataset<Row> components = cc.run(linked, edges);
        SplitChainedClusters.Result split = new SplitChainedClusters(settings.maxClusterSize())
                .apply(components, nodes.select(LinkageColumns.NODE, StagedColumns.PNC_TOKEN, LinkageColumns.RECORDS), edges);
        Dataset<Row> clusters = split.clusters().localCheckpoint();
        Dataset<Row> refShared = records.select(col(LinkageColumns.NODE), explode(col(LinkageColumns.PERSON_REFS)).as("ref"))
                .groupBy(LinkageColumns.NODE, "ref").agg(count(lit(1)).as("n")).where(col("n").gt(1))
                .select(LinkageColumns.NODE).distinct().withColumn("ref_shared", lit(true));
        Dataset<Row> selfLinked = scoredSelf.where(col(LinkageColumns.MATCH_PROBABILITY).geq(settings.matchThreshold()))
                .select(col(LinkageColumns.NODE), col(LinkageColumns.MATCH_PROBABILITY).as(SELF_PROBABILITY));
        Column alone = col(LinkageColumns.CLUSTER).isNull().and(col(LinkageColumns.RECORDS).gt(1))
                .and(col(StagedColumns.PNC_TOKEN).isNull()).and(col(SELF_PROBABILITY).isNull()).and(col("ref_shared").isNull());
        Dataset<Row> nodeInfo = nodes.select(LinkageColumns.NODE, LinkageColumns.RECORDS, StagedColumns.PNC_TOKEN)
                .join(clusters, LinkageColumns.NODE, "left").join(selfLinked, LinkageColumns.NODE, "left")
                .join(refShared, LinkageColumns.NODE, "left")
                .select(col(LinkageColumns.NODE), coalesce(col(LinkageColumns.CLUSTER), col(LinkageColumns.NODE)).as(LinkageColumns.CLUSTER),
                        col(LinkageColumns.RECORDS), col(StagedColumns.PNC_TOKEN), col(SELF_PROBABILITY), alone.as(EXPANDED))
                .localCheckpoint();
        // One narrow row per node: broadcast, so the records are not shuffled to take their cluster.
        Dataset<Row> withCluster = records.join(broadcast(nodeInfo.select(LinkageColumns.NODE, LinkageColumns.CLUSTER, EXPANDED)),
                        LinkageColumns.NODE)
                .withColumn(LinkageColumns.CLUSTER, when(col(EXPANDED), col(LinkageColumns.RID)).otherwise(col(LinkageColumns.CLUSTER)))
                .drop(EXPANDED);
        return new Result(withCluster, nodeInfo, split.chained(), cc.iterations());
    }
}
