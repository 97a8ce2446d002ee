package org.lcjp.reoffending.linkage.clustering;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.linkage.core.LinkageColumns;

/**
 * The edges clustering joins along, between identity profiles (nodes): scored pairs at or above the threshold, plus
 * deterministic edges from every node to the smallest node sharing its valid PNC (PNC) or, through one of its
 * records, an agency person reference (REF). Star edges keep a prolific offender's hundreds of records linear.
 * Columns: src, dst, weight, probability, method.
 */
public final class PersonEdges {
    public static final String SRC = "src";
    public static final String DST = "dst";
    public static final String WEIGHT = "weight";
    /** Deterministic links outrank any scored pair when a chained cluster is split. */
    static final double PNC_WEIGHT = 1000;

    static final double REF_WEIGHT = 900;

    private static final double WEIGHT_MARGIN = 1e-6;
    private final double matchThreshold;

    public PersonEdges(double matchThreshold) {
        this.matchThreshold = matchThreshold;
    }

    /**
     * nodes: node, pnc_token; references: {@link ReferenceGroups#of} the records; scoredPairs: node_l, node_r, pnc
     * tokens, weight, probability.
     */
    public Dataset<Row> apply(Dataset<Row> nodes, Dataset<Row> references, Dataset<Row> scoredPairs) {
        Column pncSame = col(StagedColumns.PNC_TOKEN + LinkageColumns.LEFT)
                .equalTo(col(StagedColumns.PNC_TOKEN + LinkageColumns.RIGHT));
        // Probability >= threshold is weight >= log2(t / (1 - t)): filtering on the weight first (with a margin for
        // rounding) spares computing the probability of the pairs far below it.
        double weightThreshold = Math.log(matchThreshold / (1 - matchThreshold)) / Math.log(2) - WEIGHT_MARGIN;
        Dataset<Row> scored = scoredPairs
                .where(col(LinkageColumns.MATCH_WEIGHT).geq(weightThreshold))
                .where(col(LinkageColumns.MATCH_PROBABILITY).geq(matchThreshold))
                .select(
                        col(LinkageColumns.NODE_L).as(SRC),
                        col(LinkageColumns.NODE_R).as(DST),
                        col(LinkageColumns.MATCH_WEIGHT).as(WEIGHT),
                        col(LinkageColumns.MATCH_PROBABILITY),
                        when(pncSame, lit(LinkageColumns.METHOD_PNC))
                                .otherwise(lit(LinkageColumns.METHOD_PROBABILISTIC))
                                .as(LinkageColumns.MATCH_METHOD));
        Dataset<Row> pnc = star(
                nodes.select(
                        col(LinkageColumns.NODE), col(StagedColumns.PNC_TOKEN).as("group_key")),
                PNC_WEIGHT,
                LinkageColumns.METHOD_PNC);
        Dataset<Row> refs = star(
                references.select(
                        col(LinkageColumns.NODE), col(ReferenceGroups.REF).as("group_key")),
                REF_WEIGHT,
                LinkageColumns.METHOD_REF);
        return scored.unionByName(pnc).unionByName(refs);
    }

    private static Dataset<Row> star(Dataset<Row> keyed, double weight, String method) {
        Dataset<Row> present = keyed.where(col("group_key").isNotNull());
        Dataset<Row> hubs =
                present.groupBy("group_key").agg(min(LinkageColumns.NODE).as(SRC));
        return present.join(hubs, "group_key")
                .where(col(LinkageColumns.NODE).notEqual(col(SRC)))
                .select(
                        col(SRC),
                        col(LinkageColumns.NODE).as(DST),
                        lit(weight).as(WEIGHT),
                        lit(1.0).as(LinkageColumns.MATCH_PROBABILITY),
                        lit(method).as(LinkageColumns.MATCH_METHOD));
    }
}
