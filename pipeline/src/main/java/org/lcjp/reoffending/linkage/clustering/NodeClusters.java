package org.lcjp.reoffending.linkage.clustering;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.linkage.core.LinkageColumns;
import org.lcjp.reoffending.settings.LinkageSettings;
import org.lcjp.reoffending.spark.Checkpoints;

/**
 * Persons from identity-profile edges: connected components over the nodes that have an edge (the others are
 * persons of their own and cost nothing), chained clusters split with nodes weighted by their records, then every
 * record takes its node's cluster. A node's records are one person when their pair is certain or accepted: a shared
 * PNC, a self-pair probability at or above the threshold, or a shared agency reference; otherwise, and when the node
 * has no edge either, each record is a person of its own (its rid, unique among the labels, is its cluster). Each
 * node also learns the links it has inside its person (for the records' match method).
 */
public final class NodeClusters {
    public static final String SELF_PROBABILITY = "self_probability";
    public static final String EXPANDED = "expanded";
    /** Whether the node has a PNC edge to a node of its own person. */
    public static final String PNC_EDGE = "pnc_edge";
    /** The best probability of its probabilistic edges to nodes of its own person (null when none). */
    public static final String EDGE_PROBABILITY = "edge_probability";
    /** The node's connected component before chained clusters were split (null when it has no edge). */
    public static final String COMPONENT = "component";

    private static final String REF_SHARED = "ref_shared";
    private static final String A = "a";
    private static final String B = "b";

    /**
     * @param records records with their cluster (rid, record_key, agency, dataset, record_id, node, person_refs, pnc_token, cluster)
     * @param nodes   node, cluster, records, pnc_token, self_probability (when it links the node's records), expanded,
     *                pnc_edge, edge_probability, component (materialised)
     * @param chained how many clusters were split
     */
    public record Result(Dataset<Row> records, Dataset<Row> nodes, long chained, int componentRounds) {}

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

    /**
     * scoredSelf: node, match_probability of the node's self pair (nodes of one record may be absent); references:
     * {@link ReferenceGroups#of} the records.
     */
    public Result apply(
            Dataset<Row> records,
            Dataset<Row> nodes,
            Dataset<Row> edges,
            Dataset<Row> scoredSelf,
            Dataset<Row> references) {
        ConnectedComponents cc = new ConnectedComponents(settings.checkpointInterval(), maxRounds, broadcastNodes);
        Dataset<Row> components = cc.run(edges);
        Dataset<Row> selfLinked = scoredSelf
                .where(col(LinkageColumns.MATCH_PROBABILITY).geq(settings.matchThreshold()))
                .select(
                        col(LinkageColumns.NODE),
                        col(LinkageColumns.MATCH_PROBABILITY).as(SELF_PROBABILITY));
        Dataset<Row> links = links(edges);
        // What is known of each node, from five tables, gathered by one aggregation instead of four joins. The links
        // count as inside the person: the ends of an edge are in one component, and so in one person unless the
        // component is split, which is mended below for the few split ones.
        DataType nodeType = nodes.schema().apply(LinkageColumns.NODE).dataType();
        DataType pncType = nodes.schema().apply(StagedColumns.PNC_TOKEN).dataType();
        Dataset<Row> facts = nodes.select(
                        col(LinkageColumns.NODE),
                        col(LinkageColumns.RECORDS),
                        col(StagedColumns.PNC_TOKEN),
                        absent(nodeType, LinkageColumns.CLUSTER),
                        absent(DataTypes.DoubleType, SELF_PROBABILITY),
                        absent(DataTypes.BooleanType, REF_SHARED),
                        absent(DataTypes.BooleanType, PNC_EDGE),
                        absent(DataTypes.DoubleType, EDGE_PROBABILITY))
                .unionByName(components.select(col(LinkageColumns.NODE), col(LinkageColumns.CLUSTER)), true)
                .unionByName(selfLinked, true)
                .unionByName(ReferenceGroups.sharedInsideNodes(references).withColumn(REF_SHARED, lit(true)), true)
                .unionByName(links.select(col(A).as(LinkageColumns.NODE), col(PNC_EDGE), col(EDGE_PROBABILITY)), true)
                .groupBy(LinkageColumns.NODE)
                .agg(
                        max(LinkageColumns.RECORDS).as(LinkageColumns.RECORDS),
                        max(StagedColumns.PNC_TOKEN).cast(pncType).as(StagedColumns.PNC_TOKEN),
                        max(LinkageColumns.CLUSTER).as(LinkageColumns.CLUSTER),
                        max(SELF_PROBABILITY).as(SELF_PROBABILITY),
                        max(REF_SHARED).as(REF_SHARED),
                        max(PNC_EDGE).as(PNC_EDGE),
                        max(EDGE_PROBABILITY).as(EDGE_PROBABILITY))
                .localCheckpoint();
        SplitChainedClusters.Result split = new SplitChainedClusters(settings.maxClusterSize())
                .apply(
                        facts.where(col(LinkageColumns.CLUSTER).isNotNull())
                                .select(LinkageColumns.NODE, LinkageColumns.CLUSTER),
                        facts.select(LinkageColumns.NODE, StagedColumns.PNC_TOKEN, LinkageColumns.RECORDS),
                        edges);
        Dataset<Row> moved = split.moved().localCheckpoint();
        Dataset<Row> mended = insideSplit(links, moved);
        Column isMoved = col(SplitChainedClusters.MOVED_NODE).isNotNull();
        Column alone = col(LinkageColumns.CLUSTER)
                .isNull()
                .and(col(LinkageColumns.RECORDS).gt(1))
                .and(col(StagedColumns.PNC_TOKEN).isNull())
                .and(col(SELF_PROBABILITY).isNull())
                .and(col(REF_SHARED).isNull());
        Dataset<Row> nodeInfo = facts.join(
                        moved,
                        facts.col(LinkageColumns.NODE).equalTo(moved.col(SplitChainedClusters.MOVED_NODE)),
                        "left")
                .join(mended, facts.col(LinkageColumns.NODE).equalTo(mended.col(A)), "left")
                .select(
                        col(LinkageColumns.NODE),
                        coalesce(
                                        col(SplitChainedClusters.NEW_CLUSTER),
                                        col(LinkageColumns.CLUSTER),
                                        col(LinkageColumns.NODE))
                                .as(LinkageColumns.CLUSTER),
                        col(LinkageColumns.RECORDS),
                        col(StagedColumns.PNC_TOKEN),
                        col(SELF_PROBABILITY),
                        alone.as(EXPANDED),
                        when(isMoved, coalesce(mended.col(PNC_EDGE), lit(false)))
                                .otherwise(coalesce(facts.col(PNC_EDGE), lit(false)))
                                .as(PNC_EDGE),
                        when(isMoved, mended.col(EDGE_PROBABILITY))
                                .otherwise(facts.col(EDGE_PROBABILITY))
                                .as(EDGE_PROBABILITY),
                        facts.col(LinkageColumns.CLUSTER).as(COMPONENT))
                .localCheckpoint();
        long chained = split.chained().count();
        Checkpoints.release(facts);
        Checkpoints.release(moved);
        // One narrow row per node: broadcast, so the records are not shuffled to take their cluster.
        Dataset<Row> info = nodeInfo.select(LinkageColumns.NODE, LinkageColumns.CLUSTER, EXPANDED);
        Dataset<Row> withCluster = records.join(broadcastNodes ? broadcast(info) : info, LinkageColumns.NODE)
                .withColumn(
                        LinkageColumns.CLUSTER,
                        when(col(EXPANDED), col(LinkageColumns.RID)).otherwise(col(LinkageColumns.CLUSTER)))
                .drop(EXPANDED);
        return new Result(withCluster, nodeInfo, chained, cc.iterations());
    }

    /** Each end of every accepted edge other than a shared reference: a, b, pnc_edge, edge_probability. */
    private static Dataset<Row> links(Dataset<Row> edges) {
        Column method = col(LinkageColumns.MATCH_METHOD);
        Dataset<Row> ends = edges.select(
                        col(PersonEdges.SRC).as(A),
                        col(PersonEdges.DST).as(B),
                        method,
                        col(LinkageColumns.MATCH_PROBABILITY))
                .union(edges.select(
                        col(PersonEdges.DST).as(A),
                        col(PersonEdges.SRC).as(B),
                        method,
                        col(LinkageColumns.MATCH_PROBABILITY)))
                .where(method.notEqual(LinkageColumns.METHOD_REF));
        return ends.select(
                col(A),
                col(B),
                method.equalTo(LinkageColumns.METHOD_PNC).as(PNC_EDGE),
                when(method.equalTo(LinkageColumns.METHOD_PROBABILISTIC), col(LinkageColumns.MATCH_PROBABILITY))
                        .as(EDGE_PROBABILITY));
    }

    /** For the nodes of split clusters, their links to nodes that stayed in the same part: a, pnc_edge, edge_probability. */
    private static Dataset<Row> insideSplit(Dataset<Row> links, Dataset<Row> moved) {
        Dataset<Row> ma = moved.select(
                col(SplitChainedClusters.MOVED_NODE).as(A),
                col(SplitChainedClusters.NEW_CLUSTER).as("ca"));
        Dataset<Row> mb = moved.select(
                col(SplitChainedClusters.MOVED_NODE).as(B),
                col(SplitChainedClusters.NEW_CLUSTER).as("cb"));
        return links.join(ma, A)
                .join(mb, B)
                .where(col("ca").equalTo(col("cb")))
                .groupBy(A)
                .agg(max(PNC_EDGE).as(PNC_EDGE), max(EDGE_PROBABILITY).as(EDGE_PROBABILITY));
    }

    private static Column absent(DataType type, String name) {
        return lit(null).cast(type).as(name);
    }
}
