package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.lcjp.reoffending.impact.MatchingColumns.CONTROL_ID;
import static org.lcjp.reoffending.impact.MatchingColumns.DISTANCE;
import static org.lcjp.reoffending.impact.MatchingColumns.LOGIT;
import static org.lcjp.reoffending.impact.MatchingColumns.TREATED;
import static org.lcjp.reoffending.impact.MatchingColumns.TREATED_ID;
import static org.lcjp.reoffending.impact.MatchingColumns.WEIGHT;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.lcjp.reoffending.settings.ComparisonSettings;

/**
 * Propensity-score matching as the Justice Data Lab does it: a logistic regression of treatment on the covariates
 * of a {@link MatchingDesign}, then 1:1 nearest-neighbour matching with replacement on the logit within a caliper of
 * caliperSd standard deviations of the logit, inside the design's exact stratum (e.g. the financial year) when it
 * has one. The model is fitted once over every stratum; the caliper is taken over every unit scored.
 *
 * <p>The nearest neighbour is found without comparing every pair: the logit line is cut into caliper-wide buckets,
 * each control is copied into its own bucket and the two beside it, and inside a bucket a running "last control
 * so far" in each direction gives every treated person the nearest control below and above. Every control within
 * the caliper of a treated person is in that person's bucket, so this is exact, and costs three copies of the
 * controls and two sorts, never treated x controls.
 *
 * <p>Fitting the model runs Spark jobs (an estimator must see the data); everything after it is lazy.
 */
public final class PropensityMatch {
    private static final String FEATURES = "features";
    private static final String GROUP_INDEX = "offence_group_index";
    private static final String GROUP_VECTOR = "offence_group_vector";
    private static final String BUCKET = "bucket";
    private static final String UNIT = "_unit";
    private static final String STRATUM = "_stratum";
    private static final String IS_CONTROL = "is_control";
    private static final String BELOW = "below";
    private static final String ABOVE = "above";
    private static final int MAX_ITERATIONS = 100;

    private final ComparisonSettings settings;
    private final MatchingDesign design;

    public PropensityMatch(ComparisonSettings settings, MatchingDesign design) {
        this.settings = settings;
        this.design = design;
    }

    /**
     * @param scored  the input with {@code logit} added
     * @param pairs   treated_id, control_id, distance: one row per matched treated person
     * @param matched the input rows of matched people with {@code weight} (1 per treated, times used per control)
     */
    public record MatchedSample(Dataset<Row> scored, Dataset<Row> pairs, Dataset<Row> matched) {}

    /** @param units one row per unit: the design's id, treated, the covariates (no nulls), any outcome columns */
    public MatchedSample match(Dataset<Row> units) {
        Dataset<Row> scored = score(units);
        Dataset<Row> pairs = nearestWithinCaliper(scored);
        Dataset<Row> weights = pairs.select(col(TREATED_ID).as(design.id()), lit(1L).as(WEIGHT))
                .unionByName(pairs.groupBy(col(CONTROL_ID).as(design.id()))
                        .agg(count(lit(1)).as(WEIGHT)));
        return new MatchedSample(scored, pairs, scored.join(weights, design.id()));
    }

    Dataset<Row> score(Dataset<Row> people) {
        List<String> inputs = new ArrayList<>(design.numeric());
        List<PipelineStage> stages = new ArrayList<>();
        if (design.categorical() != null) {
            inputs.add(GROUP_VECTOR);
            stages.add(new StringIndexer()
                    .setInputCol(design.categorical())
                    .setOutputCol(GROUP_INDEX)
                    .setHandleInvalid("keep")
                    .setStringOrderType("alphabetAsc"));
            stages.add(new OneHotEncoder().setInputCol(GROUP_INDEX).setOutputCol(GROUP_VECTOR));
        }
        LogisticRegression regression = new LogisticRegression()
                .setFeaturesCol(FEATURES)
                .setLabelCol(TREATED + "_label")
                .setMaxIter(MAX_ITERATIONS);
        stages.add(new VectorAssembler()
                .setInputCols(inputs.toArray(String[]::new))
                .setOutputCol(FEATURES));
        stages.add(regression);
        Pipeline pipeline = new Pipeline().setStages(stages.toArray(PipelineStage[]::new));
        Dataset<Row> labelled =
                people.withColumn(TREATED + "_label", when(col(TREATED), 1.0).otherwise(0.0));
        // The raw prediction of a binary logistic regression is (-margin, margin): the margin is the logit.
        return pipeline.fit(labelled)
                .transform(labelled)
                .withColumn(
                        LOGIT,
                        functions
                                .vector_to_array(col(regression.getRawPredictionCol()), "float64")
                                .getItem(1))
                .select(people.col("*"), col(LOGIT));
    }

    Dataset<Row> nearestWithinCaliper(Dataset<Row> scored) {
        Dataset<Row> caliper = scored.agg(
                stddev_samp(col(LOGIT)).multiply(settings.caliperSd()).as("caliper"));
        Column stratum =
                design.stratum() == null ? lit("") : col(design.stratum()).cast("string");
        Dataset<Row> bucketed = scored.select(col(design.id()).as(UNIT), col(TREATED), col(LOGIT), stratum.as(STRATUM))
                .crossJoin(caliper)
                .withColumn(BUCKET, floor(col(LOGIT).divide(col("caliper"))));
        Dataset<Row> treated = bucketed.filter(col(TREATED))
                .select(
                        col(STRATUM),
                        col(BUCKET),
                        col(LOGIT),
                        col(UNIT),
                        col("caliper"),
                        lit(false).as(IS_CONTROL));
        Dataset<Row> controls = bucketed.filter(col(TREATED).equalTo(false))
                .withColumn(
                        BUCKET,
                        explode(array(
                                col(BUCKET).minus(1), col(BUCKET), col(BUCKET).plus(1))))
                .select(
                        col(STRATUM),
                        col(BUCKET),
                        col(LOGIT),
                        col(UNIT),
                        col("caliper"),
                        lit(true).as(IS_CONTROL));
        Column control =
                when(col(IS_CONTROL), struct(col(LOGIT).as("l"), col(UNIT).as("id")));
        WindowSpec up = Window.partitionBy(STRATUM, BUCKET)
                .orderBy(col(LOGIT), col(UNIT))
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        // Descending, so "nearest above" is also a running frame (an unbounded-following frame is quadratic).
        WindowSpec down = Window.partitionBy(STRATUM, BUCKET)
                .orderBy(col(LOGIT).desc(), col(UNIT).desc())
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Dataset<Row> neighbours = treated.unionByName(controls)
                .withColumn(BELOW, last(control, true).over(up))
                .withColumn(ABOVE, last(control, true).over(down))
                .filter(col(IS_CONTROL).equalTo(false));
        Column below = col(LOGIT).minus(col(BELOW + ".l"));
        Column above = col(ABOVE + ".l").minus(col(LOGIT));
        Column useBelow = col(BELOW).isNotNull().and(col(ABOVE).isNull().or(below.leq(above)));
        return neighbours
                .withColumn(CONTROL_ID, when(useBelow, col(BELOW + ".id")).otherwise(col(ABOVE + ".id")))
                .withColumn(DISTANCE, when(useBelow, below).otherwise(above))
                .filter(col(CONTROL_ID).isNotNull().and(col(DISTANCE).leq(col("caliper"))))
                .select(col(UNIT).as(TREATED_ID), col(CONTROL_ID), col(DISTANCE));
    }
}
