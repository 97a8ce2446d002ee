package org.lcjp.reoffending.linkage.clustering;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
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
    private static final String REF_SHARED = "ref_shared";

    /**
     * @param records records with their cluster (rid, record_key, agency, dataset, record_id, node, person_refs, pnc_token, cluster)
     * @param nodes   node, cluster, records, pnc_token, self_probability (when it links the node's records), expanded
     * @param chained the clusters split (cluster)
     */
    public record Result(Dataset<Row> records, Dataset<Row> nodes, Dataset<Row> chained, int componentRounds) {
    }

    private final LinkageSettings settings;
    private final int maxRounds;
    private final boolean broadcastNodes;

    /** @param broadcastNodes whether one narrow row per node is few enough to broadcast (labels, node facts) */
    public NodeClusters(LinkageSettings settings, int maxRounds, boolean broadcastNodes) {
        this.settings = settings;
        this.maxRounds = maxRounds;
        this.broadcastNodes = broadcastNodes;
    }

    public NodeClusters(LinkageSettings settings, int maxRounds) {
        this(settings, maxRounds, true);
    }

    /** scoredSelf: node, match_probability of the node's self pair (nodes of one record may be absent). Materialises the node table. */
    public Result apply(Dataset<Row> records, Dataset<Row> nodes, Dataset<Row> edges, Dataset<Row> scoredSelf) {
        ConnectedComponents cc = new ConnectedComponents(settings.checkpointInterval(), maxRounds, broadcastNodes);
        Dataset<Row> components = cc.run(edges);
        Dataset<Row> refShared = records.select(col(LinkageColumns.NODE), explode(col(LinkageColumns.PERSON_REFS)).as("ref"))
                .groupBy(LinkageColumns.NODE, "ref").agg(count(lit(1)).as("n")).where(col("n").gt(1))
                .select(col(LinkageColumns.NODE), lit(true).as(REF_SHARED));
        Dataset<Row> selfLinked = scoredSelf.where(col(LinkageColumns.MATCH_PROBABILITY).geq(settings.matchThreshold()))
                .select(col(LinkageColumns.NODE), col(LinkageColumns.MATCH_PROBABILITY).as(SELF_PROBABILITY));
        // What is known of each node, from four tables, gathered by one aggregation instead of three joins.
        DataType nodeType = nodes.schema().apply(LinkageColumns.NODE).dataType();
        DataType pncType = nodes.schema().apply(StagedColumns.PNC_TOKEN).dataType();
        Dataset<Row> facts = nodes.select(col(LinkageColumns.NODE), col(LinkageColumns.RECORDS), col(StagedColumns.PNC_TOKEN),
                        absent(nodeType, LinkageColumns.CLUSTER), absent(DataTypes.DoubleType, SELF_PROBABILITY), absent(DataTypes.BooleanType, REF_SHARED))
                .unionByName(components.select(col(LinkageColumns.NODE), col(LinkageColumns.CLUSTER)), true)
                .unionByName(selfLinked, true)
                .unionByName(refShared, true)
                .groupBy(LinkageColumns.NODE)
                .agg(max(LinkageColumns.RECORDS).as(LinkageColumns.RECORDS), max(StagedColumns.PNC_TOKEN).cast(pncType).as(StagedColumns.PNC_TOKEN),
                        max(LinkageColumns.CLUSTER).as(LinkageColumns.CLUSTER), max(SELF_PROBABILITY).as(SELF_PROBABILITY),
                        max(REF_SHARED).as(REF_SHARED))
                .localCheckpoint();
        SplitChainedClusters.Result split = new SplitChainedClusters(settings.maxClusterSize())
                .apply(facts.where(col(LinkageColumns.CLUSTER).isNotNull()).select(LinkageColumns.NODE, LinkageColumns.CLUSTER),
                        facts.select(LinkageColumns.NODE, StagedColumns.PNC_TOKEN, LinkageColumns.RECORDS), edges);
        Column alone = col(LinkageColumns.CLUSTER).isNull().and(col(LinkageColumns.RECORDS).gt(1))
                .and(col(StagedColumns.PNC_TOKEN).isNull()).and(col(SELF_PROBABILITY).isNull()).and(col(REF_SHARED).isNull());
        Dataset<Row> moved = split.moved();
        Dataset<Row> nodeInfo = facts.join(moved, facts.col(LinkageColumns.NODE).equalTo(moved.col(SplitChainedClusters.MOVED_NODE)), "left")
                .select(col(LinkageColumns.NODE), coalesce(col(SplitChainedClusters.NEW_CLUSTER), col(LinkageColumns.CLUSTER), col(LinkageColumns.NODE))
                                .as(LinkageColumns.CLUSTER),
                        col(LinkageColumns.RECORDS), col(StagedColumns.PNC_TOKEN), col(SELF_PROBABILITY), alone.as(EXPANDED))
                .localCheckpoint();
        // One narrow row per node: broadcast, so the records are not shuffled to take their cluster.
        Dataset<Row> info = nodeInfo.select(LinkageColumns.NODE, LinkageColumns.CLUSTER, EXPANDED);
        Dataset<Row> withCluster = records.join(broadcastNodes ? broadcast(info) : info, LinkageColumns.NODE)
                .withColumn(LinkageColumns.CLUSTER, when(col(EXPANDED), col(LinkageColumns.RID)).otherwise(col(LinkageColumns.CLUSTER)))
                .drop(EXPANDED);
        return new Result(withCluster, nodeInfo, split.chained(), cc.iterations());
    }

    private static Column absent(DataType type, String name) {
        return lit(null).cast(type).as(name);
    }
}
