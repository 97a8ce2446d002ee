package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.lcjp.reoffending.impact.MatchingColumns.TREATED;
import static org.lcjp.reoffending.impact.MatchingColumns.WEIGHT;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The weighted moments (Σw, Σwx, Σwx²) of every covariate per arm, before matching (everyone, weight 1) and after
 * (matched people, their weights), in one pass each: a small table the job collects and {@link BalanceTable} turns
 * into standardised mean differences. The design's categorical covariate (the offence group) enters as one 0/1
 * covariate per value present.
 */
public final class CovariateBalance {
    public static final String PHASE = "phase";
    public static final String BEFORE = "BEFORE";
    public static final String AFTER = "AFTER";
    public static final String COVARIATE = "covariate";
    public static final String W = "w";
    public static final String SUM = "sum";
    public static final String SUM_SQ = "sum_sq";
    /** The pseudo-covariate whose Σw is the arm's total weight (the denominator of every group share). */
    public static final String TOTAL = "_total";
    /** Covariates named {@code <column>=<value>} are the shares of one categorical value. */
    public static final String VALUE_SEPARATOR = "=";

    private final MatchingDesign design;

    public CovariateBalance(MatchingDesign design) {
        this.design = design;
    }

    /** @param before every unit with a treated flag and the covariates; @param after matched units with weights */
    public Dataset<Row> moments(Dataset<Row> before, Dataset<Row> after) {
        return longForm(before.withColumn(WEIGHT, lit(1L)), BEFORE)
                .unionByName(longForm(after, AFTER))
                .groupBy(PHASE, TREATED, COVARIATE)
                .agg(
                        sum(col(WEIGHT)).cast("double").as(W),
                        sum(col(WEIGHT).multiply(col("x"))).as(SUM),
                        sum(col(WEIGHT).multiply(col("x")).multiply(col("x"))).as(SUM_SQ));
    }

    private Dataset<Row> longForm(Dataset<Row> people, String phase) {
        List<Column> values = new ArrayList<>();
        for (String c : design.numeric()) {
            values.add(struct(lit(c).as("name"), col(c).cast("double").as("x")));
        }
        if (design.categorical() != null) {
            values.add(struct(
                    concat(lit(design.categorical() + "="), col(design.categorical()))
                            .as("name"),
                    lit(1.0).as("x")));
        }
        values.add(struct(lit(TOTAL).as("name"), lit(1.0).as("x")));
        return people.select(
                        col(TREATED),
                        col(WEIGHT),
                        explode(array(values.toArray(Column[]::new))).as("v"))
                .select(
                        lit(phase).as(PHASE),
                        col(TREATED),
                        col("v.name").as(COVARIATE),
                        col(WEIGHT),
                        col("v.x").as("x"));
    }
}
