package org.lcjp.reoffending.linkage.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Pairwise precision and recall of predicted persons against truth clusters, without enumerating pairs: true
 * positives are the pairs within each (predicted, truth) cell, sum of n(n-1)/2. Runs one aggregation over the
 * records and three small ones over its cells.
 */
public final class PairwiseAccuracy {
    public record Figures(long truePositives, long predictedPairs, long truePairs) {
        public double precision() {
            return predictedPairs == 0 ? 1.0 : (double) truePositives / predictedPairs;
        }

        public double recall() {
            return truePairs == 0 ? 1.0 : (double) truePositives / truePairs;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private PairwiseAccuracy() {}

    /**
     * labelled: one row per record with columns predicted and truth. Counted from the (predicted, truth) cells: one
     * pass over the records, then sums over the cells (materialised, as three figures read them).
     */
    public static Figures measure(Dataset<Row> labelled, String predicted, String truth) {
        Dataset<Row> cells = labelled.groupBy(col(predicted).as("p"), col(truth).as("t"))
                .agg(count(lit(1)).as("n"))
                .localCheckpoint();
        return new Figures(pairs(cells, "p", "t"), pairs(cells, "p"), pairs(cells, "t"));
    }

    /** Pairs within the groups of cells sharing the given columns: the sum of n(n-1)/2 over the groups. */
    private static long pairs(Dataset<Row> cells, String... by) {
        Row r = cells.groupBy(java.util.Arrays.stream(by)
                        .map(org.apache.spark.sql.functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new))
                .agg(sum(col("n")).as("n"))
                .agg(sum(col("n").multiply(col("n").minus(1)).divide(2)))
                .first();
        return r.isNullAt(0) ? 0 : Math.round(r.getDouble(0));
    }
}
