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
import static org.lcjp.reoffending.impact.MatchingColumns.NUMERIC_COVARIATES;
import static org.lcjp.reoffending.impact.MatchingColumns.OFFENCE_GROUP;
import static org.lcjp.reoffending.impact.MatchingColumns.PERSON_ID;
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
 * of {@link MatchingColumns}, then 1:1 nearest-neighbour matching with replacement on the logit within a caliper of
 * caliperSd standard deviations of the logit.
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
    private static final String IS_CONTROL = "is_control";
    private static final String BELOW = "below";
    private static final String ABOVE = "above";
    private static final int MAX_ITERATIONS = 100;

    private final ComparisonSettings settings;

    public PropensityMatch(ComparisonSettings settings) {
        this.settings = settings;
    }

    /**
     * @param scored  the input with {@code logit} added
     * @param pairs   treated_id, control_id, distance: one row per matched treated person
     * @param matched the input rows of matched people with {@code weight} (1 per treated, times used per control)
     */
    public record MatchedSample(Dataset<Row> scored, Dataset<Row> pairs, Dataset<Row> matched) {
    }

    /** @param people one row per person: person_id, treated, the covariates (no nulls), any outcome columns */
    public MatchedSample match(Dataset<Row> people) {
        Dataset<Row> scored = score(people);
        Dataset<Row> pairs = nearestWithinCaliper(scored);
        Dataset<Row> weights = pairs.select(col(TREATED_ID).as(PERSON_ID), lit(1L).as(WEIGHT))
                .unionByName(pairs.groupBy(col(CONTROL_ID).as(PERSON_ID)).agg(count(lit(1)).as(WEIGHT)));
        return new MatchedSample(scored, pairs, scored.join(weights, PERSON_ID));
    }

    Dataset<Row> score(Dataset<Row> people) {
        List<String> inputs = new ArrayList<>(NUMERIC_COVARIATES);
        inputs.add(GROUP_VECTOR);
        LogisticRegression regression = new LogisticRegression()
                .setFeaturesCol(FEATURES).setLabelCol(TREATED + "_label").setMaxIter(MAX_ITERATIONS);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new StringIndexer().setInputCol(OFFENCE_GROUP).setOutputCol(GROUP_INDEX).setHandleInvalid("keep")
                        .setStringOrderType("alphabetAsc"),
                new OneHotEncoder().setInputCol(GROUP_INDEX).setOutputCol(GROUP_VECTOR),
                new VectorAssembler().setInputCols(inputs.toArray(String[]::new)).setOutputCol(FEATURES),
                regression});
        Dataset<Row> labelled = people.withColumn(TREATED + "_label", when(col(TREATED), 1.0).otherwise(0.0));
        // The raw prediction of a binary logistic regression is (-margin, margin): the margin is the logit.
        return pipeline.fit(labelled).transform(labelled)
                .withColumn(LOGIT, functions.vector_to_array(col(regression.getRawPredictionCol()), "float64").getItem(1))
                .select(people.col("*"), col(LOGIT));
    }

    Dataset<Row> nearestWithinCaliper(Dataset<Row> scored) {
        Dataset<Row> caliper = scored.agg(stddev_samp(col(LOGIT)).multiply(settings.caliperSd()).as("caliper"));
        Dataset<Row> bucketed = scored.select(col(PERSON_ID), col(TREATED), col(LOGIT)).crossJoin(caliper)
                .withColumn(BUCKET, floor(col(LOGIT).divide(col("caliper"))));
        Dataset<Row> treated = bucketed.filter(col(TREATED))
                .select(col(BUCKET), col(LOGIT), col(PERSON_ID), col("caliper"), lit(false).as(IS_CONTROL));
        Dataset<Row> controls = bucketed.filter(col(TREATED).equalTo(false))
                .withColumn(BUCKET, explode(array(col(BUCKET).minus(1), col(BUCKET), col(BUCKET).plus(1))))
                .select(col(BUCKET), col(LOGIT), col(PERSON_ID), col("caliper"), lit(true).as(IS_CONTROL));
        Column control = when(col(IS_CONTROL), struct(col(LOGIT).as("l"), col(PERSON_ID).as("id")));
        WindowSpec up = Window.partitionBy(BUCKET).orderBy(col(LOGIT), col(PERSON_ID))
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        // Descending, so "nearest above" is also a running frame (an unbounded-following frame is quadratic).
        WindowSpec down = Window.partitionBy(BUCKET).orderBy(col(LOGIT).desc(), col(PERSON_ID).desc())
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
                .select(col(PERSON_ID).as(TREATED_ID), col(CONTROL_ID), col(DISTANCE));
    }
}
