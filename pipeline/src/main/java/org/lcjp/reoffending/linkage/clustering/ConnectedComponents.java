package org.lcjp.reoffending.linkage.clustering;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.linkage.LinkageColumns;

/**
 * Connected components by min-label propagation with pointer jumping, in DataFrames (after Splink's SQL loop):
 * each node takes the smallest label among itself and its neighbours, then the label of its label. Stops when
 * no label changes; every round is a local checkpoint, and every few rounds a reliable checkpoint (the
 * SparkContext's checkpoint dir must be set), so lineage never grows. The label of a component is its smallest node
 * key. Runs Spark actions (one count per round).
 */
public final class ConnectedComponents {
    static final String NODE = "node";
    static final String LABEL = "label";
    private static final String OLD = "old_label";
    private final int checkpointInterval;
    private final int maxIterations;
    private int iterations;

    public ConnectedComponents(int checkpointInterval, int maxIterations) {
        this.checkpointInterval = checkpointInterval;
        this.maxIterations = maxIterations;
    }

    /** nodes: the key (first column: record_key, node...); edges: src, dst. Result: the key, cluster. */
    public Dataset<Row> run(Dataset<Row> nodes, Dataset<Row> edges) {
        String key = nodes.columns()[0];
        Dataset<Row> both = edges.select(col(PersonEdges.SRC).as("a"), col(PersonEdges.DST).as("b"))
                .union(edges.select(col(PersonEdges.DST).as("a"), col(PersonEdges.SRC).as("b")))
                .distinct().localCheckpoint();
        Dataset<Row> labels = nodes.select(col(key).as(NODE), col(key).as(LABEL))
                .localCheckpoint();
        iterations = 0;
        while (iterations < maxIterations) {
            iterations++;
            Dataset<Row> fromNeighbours = both.join(labels, both.col("a").equalTo(labels.col(NODE)))
                    .select(both.col("b").as(NODE), labels.col(LABEL), lit(null).cast(labels.schema().apply(LABEL).dataType()).as(OLD));
            // Each node's own row carries its previous label along, so "did it change" needs no join afterwards.
            Dataset<Row> propagated = labels.select(col(NODE), col(LABEL), col(LABEL).as(OLD)).union(fromNeighbours)
                    .groupBy(NODE).agg(min(LABEL).as(LABEL), max(OLD).as(OLD));
            Dataset<Row> p2 = propagated.select(col(NODE).as("n2"), col(LABEL).as("l2"));
            Dataset<Row> jumped = propagated.join(p2, propagated.col(LABEL).equalTo(p2.col("n2")))
                    .select(propagated.col(NODE), p2.col("l2").as(LABEL), propagated.col(OLD));
            Dataset<Row> next = iterations % checkpointInterval == 0 ? jumped.checkpoint() : jumped.localCheckpoint();
            long changed = next.where(col(LABEL).notEqual(col(OLD))).count();
            labels = next.select(col(NODE), col(LABEL));
            if (changed == 0) {
                break;
            }
        }
        return labels.select(col(NODE).as(key), col(LABEL).as(LinkageColumns.CLUSTER));
    }

    /** Rounds the last run took. */
    public int iterations() {
        return iterations;
    }
}
