package org.lcjp.reoffending.linkage.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log2;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.linkage.comparison.Comparison;
import org.lcjp.reoffending.linkage.core.LinkageColumns;
import org.lcjp.reoffending.linkage.training.FellegiSunterModel;

/**
 * Match weight = log2(lambda/(1-lambda)) + sum of log2(m/u) over the pair's levels, plus, on exact name levels,
 * tfWeight * log2(u / tf) (Splink's term-frequency adjustment: a shared rare name counts more than "Smith").
 */
public final class ScorePairs {
    private final List<Comparison> comparisons;
    private final FellegiSunterModel model;
    private final double tfWeight;
    private final double tfMinimum;

    public ScorePairs(List<Comparison> comparisons, FellegiSunterModel model, double tfWeight, double tfMinimum) {
        this.comparisons = List.copyOf(comparisons);
        this.model = model;
        this.tfWeight = tfWeight;
        this.tfMinimum = tfMinimum;
    }

    public Dataset<Row> apply(Dataset<Row> compared) {
        Column w = lit(model.priorWeight());
        for (int j = 0; j < comparisons.size(); j++) {
            w = w.plus(levelWeight(j));
        }
        Column weight = w.as(LinkageColumns.MATCH_WEIGHT);
        return compared.select(col("*"), weight)
                .withColumn(
                        LinkageColumns.MATCH_PROBABILITY,
                        lit(1.0).divide(lit(1.0).plus(pow(
                                lit(2.0), col(LinkageColumns.MATCH_WEIGHT).multiply(-1)))));
    }

    private Column levelWeight(int j) {
        Comparison c = comparisons.get(j);
        Column gamma = col(c.gammaColumn());
        Column w = when(gamma.equalTo(Comparison.NULL_LEVEL), lit(0.0));
        for (int k = 0; k < c.levelCount(); k++) {
            Column levelW = lit(model.weight(j, k));
            if (c.levels().get(k).tfAdjusted() && c.tfColumn() != null && tfWeight != 0) {
                Column tf = greatest(
                        col(c.tfColumn() + LinkageColumns.LEFT),
                        col(c.tfColumn() + LinkageColumns.RIGHT),
                        lit(tfMinimum));
                Column adj = log2(lit(Math.max(model.u()[j][k], FellegiSunterModel.FLOOR))
                                .divide(tf))
                        .multiply(tfWeight);
                levelW = levelW.plus(when(tf.isNotNull(), adj).otherwise(lit(0.0)));
            }
            w = w.when(gamma.equalTo(k), levelW);
        }
        return w.otherwise(lit(0.0));
    }
}
