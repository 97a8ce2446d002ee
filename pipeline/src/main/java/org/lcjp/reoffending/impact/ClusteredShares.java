package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A share pooled over units that come in clusters: a child counted in each year they are 10-17, an offender in each
 * cohort they enter. Such units are not independent (a child who offends one year is likelier to the next), so a
 * binomial interval on the units would be too narrow. The share's variance is taken from the clusters (the
 * linearised, cluster-robust variance of a ratio estimator) and turned into an effective sample size
 * n_eff = p(1 - p) / var, at most the number of units; {@link ComparisonTable} then gives the Wilson interval and
 * the two-proportion test at that size, as Kish's effective size does for matched controls.
 */
public final class ClusteredShares {
    public static final String CLUSTERS = "_clusters";
    public static final String UNITS = "_units";
    public static final String WITH = "_with";
    static final String WITH_SQ = "_with_sq";
    static final String UNITS_WITH = "_units_with";
    static final String UNITS_SQ = "_units_sq";

    private ClusteredShares() {}

    /**
     * @param perCluster one row per cluster and key: {@code units} (units in the cluster) and {@code with} (of which
     *                   have the outcome)
     * @return per key: clusters, units, with and the cross moments the variance needs
     */
    public static Dataset<Row> moments(Dataset<Row> perCluster, String units, String with, String... keys) {
        Column n = col(units).cast("double");
        Column y = col(with).cast("double");
        return perCluster
                .groupBy(Arrays.stream(keys)
                        .map(org.apache.spark.sql.functions::col)
                        .toArray(Column[]::new))
                .agg(
                        count(lit(1)).as(CLUSTERS),
                        sum(n).as(UNITS),
                        sum(y).as(WITH),
                        sum(y.multiply(y)).as(WITH_SQ),
                        sum(n.multiply(y)).as(UNITS_WITH),
                        sum(n.multiply(n)).as(UNITS_SQ));
    }

    /** The share of one collected {@link #moments} row at its effective sample size. */
    public static SampleSummary summary(Row moments) {
        return effective(
                moments.<Long>getAs(CLUSTERS),
                moments.<Double>getAs(UNITS),
                moments.<Double>getAs(WITH),
                moments.<Double>getAs(WITH_SQ),
                moments.<Double>getAs(UNITS_WITH),
                moments.<Double>getAs(UNITS_SQ));
    }

    /**
     * @param clusters K; @param units Σn; @param with Σy; @param withSq Σy²; @param unitsWith Σny; @param unitsSq Σn²
     */
    public static SampleSummary effective(
            long clusters, double units, double with, double withSq, double unitsWith, double unitsSq) {
        if (!(units > 0)) {
            return new SampleSummary(0, 0, 0);
        }
        double p = with / units;
        double residuals = withSq - 2 * p * unitsWith + p * p * unitsSq;
        double variance = clusters > 1 ? clusters / (clusters - 1.0) * Math.max(residuals, 0) / (units * units) : 0;
        double size = variance > 0 && p > 0 && p < 1 ? Math.min(units, p * (1 - p) / variance) : units;
        return SampleSummary.ofProportion(p * size, size);
    }
}
