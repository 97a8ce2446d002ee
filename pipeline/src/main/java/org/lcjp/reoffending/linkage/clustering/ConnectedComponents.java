package org.lcjp.reoffending.linkage.clustering;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.linkage.core.LinkageColumns;
import org.lcjp.reoffending.spark.Checkpoints;

/**
 * Connected components by min-label propagation with pointer jumping, in DataFrames (after Splink's SQL loop):
 * each node takes the smallest label among itself and its neighbours, then the label of its label; after the
 * first round only the nodes whose label moved send it to their neighbours. Stops when no label changes; every round is a local checkpoint, and every few rounds a reliable checkpoint (the
 * SparkContext's checkpoint dir must be set), so lineage never grows. The label of a component is its smallest node
 * key. Runs Spark actions (one count per round).
 */
public final class ConnectedComponents {
    static final String NODE = "node";
    static final String LABEL = "label";
    private static final String OLD = "old_label";
    private static final String A = "a";
    private static final String B = "b";
    private final int checkpointInterval;
    private final int maxIterations;
    private final boolean broadcastLabels;
    private int iterations;

    public ConnectedComponents(int checkpointInterval, int maxIterations) {
        this(checkpointInterval, maxIterations, true);
    }

    /**
     * @param broadcastLabels whether the labels (one narrow row per node) are few enough to broadcast to the edges
     *                        each round; otherwise the edges are shuffled to them
     */
    public ConnectedComponents(int checkpointInterval, int maxIterations, boolean broadcastLabels) {
        this.checkpointInterval = checkpointInterval;
        this.maxIterations = maxIterations;
        this.broadcastLabels = broadcastLabels;
    }

    /** The components of the nodes that have an edge. edges: src, dst. Result: node, cluster. */
    public Dataset<Row> run(Dataset<Row> edges) {
        return run(null, edges);
    }

    /**
     * nodes: the key (first column: record_key, node...), or null for the nodes of the edges only; edges: src, dst.
     * Result: the key (named as in nodes, else node), cluster.
     */
    public Dataset<Row> run(Dataset<Row> nodes, Dataset<Row> edges) {
        String key = nodes == null ? NODE : nodes.columns()[0];
        Dataset<Row> both = edges.select(
                        col(PersonEdges.SRC).as(A), col(PersonEdges.DST).as(B))
                .union(edges.select(
                        col(PersonEdges.DST).as(A), col(PersonEdges.SRC).as(B)))
                .localCheckpoint();
        // The first round needs no labels yet: a node's candidates are itself and its neighbours, straight from the
        // edges (and every given node, edge or not).
        Dataset<Row> candidates =
                both.select(col(A).as(NODE), least(col(A), col(B)).as(LABEL), col(A).as(OLD));
        if (nodes != null) {
            candidates = candidates.union(nodes.select(col(key).as(NODE), col(key).as(LABEL), col(key).as(OLD)));
        }
        Dataset<Row> labels = null;
        Dataset<Row> moved = null;
        Dataset<Row> previous = null;
        iterations = 0;
        while (iterations < maxIterations) {
            iterations++;
            if (labels != null) {
                // Only the nodes whose label moved last round send it on: a neighbour that kept its label was
                // already heard in the round before. Each node's own row carries its previous label along, so "did
                // it change" needs no join afterwards.
                Dataset<Row> sent = broadcastLabels ? broadcast(moved) : moved;
                candidates = labels.select(col(NODE), col(LABEL), col(LABEL).as(OLD))
                        .union(both.join(sent, both.col(A).equalTo(sent.col(NODE)))
                                .select(
                                        both.col(B).as(NODE),
                                        sent.col(LABEL),
                                        lit(null)
                                                .cast(labels.schema()
                                                        .apply(LABEL)
                                                        .dataType())
                                                .as(OLD)));
            }
            Dataset<Row> propagated = candidates
                    .groupBy(NODE)
                    .agg(min(LABEL).as(LABEL), max(OLD).as(OLD))
                    .localCheckpoint();
            // Pointer jumping: the label of the label, from the same (materialised) table.
            Dataset<Row> p2 = propagated.select(col(NODE).as("n2"), col(LABEL).as("l2"));
            Dataset<Row> jumped = propagated
                    .join(
                            broadcastLabels ? broadcast(p2) : p2,
                            propagated.col(LABEL).equalTo(p2.col("n2")))
                    .select(propagated.col(NODE), p2.col("l2").as(LABEL), propagated.col(OLD));
            Dataset<Row> next = iterations % checkpointInterval == 0 ? jumped.checkpoint() : jumped.localCheckpoint();
            Checkpoints.release(propagated);
            if (previous != null) {
                Checkpoints.release(previous);
            }
            previous = next;
            moved = next.where(col(LABEL).notEqual(col(OLD))).select(col(NODE), col(LABEL));
            long changed = moved.count();
            labels = next.select(col(NODE), col(LABEL));
            if (changed == 0) {
                break;
            }
        }
        Checkpoints.release(both);
        return labels.select(col(NODE).as(key), col(LABEL).as(LinkageColumns.CLUSTER));
    }

    /** Rounds the last run took. */
    public int iterations() {
        return iterations;
    }
}
