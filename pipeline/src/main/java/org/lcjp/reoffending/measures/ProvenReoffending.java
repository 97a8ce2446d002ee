package org.lcjp.reoffending.measures;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.lcjp.reoffending.domain.ProvenReoffendingColumns.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.ProvenReoffendingColumns;

/**
 * The published proven_reoffending table (outputs.md): every cohort x population x breakdown cell, computed in one
 * aggregation over index events exploded into their (population, dimension, category) cells. It counts the index
 * events it is given: {@link MeasurePipeline} hands it those of published cohorts, with their status from the
 * {@link CohortCalendar}.
 */
public final class ProvenReoffending {
    public static final String ALL = "ALL";
    public static final String SEX = "SEX";
    public static final String AGE_BAND = "AGE_BAND";
    public static final String OFFENCE_GROUP = "OFFENCE_GROUP";
    public static final String PREVIOUS_OFFENCES = "PREVIOUS_OFFENCES";
    public static final String INDEX_DISPOSAL = "INDEX_DISPOSAL";
    public static final String FORCE_AREA = "FORCE_AREA";
    public static final String LOCAL_AUTHORITY = "LOCAL_AUTHORITY";
    public static final String ETHNICITY = "ETHNICITY";
    public static final String SENTENCE_LENGTH = "SENTENCE_LENGTH";

    /** Each dimension (outputs.md order) and the index_events column that gives its category; SENTENCE_LENGTH is null unless custody. */
    public static final Map<String, String> DIMENSIONS = dimensions();

    private static Map<String, String> dimensions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SEX, MeasureColumns.SEX);
        m.put(AGE_BAND, MeasureColumns.AGE_BAND);
        m.put(OFFENCE_GROUP, MeasureColumns.OFFENCE_GROUP);
        m.put(PREVIOUS_OFFENCES, MeasureColumns.PREVIOUS_OFFENCES_BAND);
        m.put(INDEX_DISPOSAL, MeasureColumns.INDEX_DISPOSAL);
        m.put(FORCE_AREA, MeasureColumns.FORCE_AREA);
        m.put(LOCAL_AUTHORITY, MeasureColumns.LOCAL_AUTHORITY);
        m.put(ETHNICITY, MeasureColumns.ETHNICITY);
        m.put(SENTENCE_LENGTH, MeasureColumns.SENTENCE_BAND);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * @param events index events with reoffences (FollowUpWindow.withReoffences) and their cohort's months_observed,
     *               status and status_reason (CohortCalendar.classify), only those to publish
     */
    public Dataset<Row> build(Dataset<Row> events) {
        Dataset<Row> measured = cells(events);
        // Same columns and types; this also fixes the nullability the contract declares.
        return measured.sparkSession().createDataFrame(measured.rdd(), ProvenReoffendingColumns.SCHEMA);
    }

    /** The table's rows with the contract's columns, before nullability is fixed. */
    public Dataset<Row> cells(Dataset<Row> events) {
        List<Column> cells = new ArrayList<>();
        cells.add(struct(lit(ALL).as("d"), lit(ALL).as("c")));
        DIMENSIONS.forEach((dimension, column) -> cells.add(struct(
                lit(dimension).as("d"),
                (dimension.equals(SENTENCE_LENGTH) ? col(column) : coalesce(col(column), lit(MeasureColumns.UNKNOWN)))
                        .as("c"))));
        Dataset<Row> exploded = events.withColumn(
                        "_population", explode(array(col(MeasureColumns.POPULATION), lit(POPULATION_ALL))))
                .withColumn("_cell", explode(array(cells.toArray(Column[]::new))))
                .filter(col("_cell.c").isNotNull());
        // The cohort's status columns are the same for every event of a cohort: grouping by them costs nothing.
        Dataset<Row> grouped = exploded.groupBy(
                        col(MeasureColumns.COHORT_START).as(COHORT_START),
                        col(MeasureColumns.COHORT_END).as(COHORT_END),
                        col("_population").as(POPULATION),
                        col("_cell.d").as(DIMENSION),
                        col("_cell.c").as(CATEGORY),
                        col(CohortCalendar.MONTHS_OBSERVED).as(MONTHS_OBSERVED),
                        col(CohortCalendar.STATUS).as(STATUS),
                        col(CohortCalendar.STATUS_REASON).as(STATUS_REASON))
                .agg(
                        count(lit(1)).as(OFFENDERS),
                        sum(when(col(MeasureColumns.REOFFENCES).gt(0), 1L).otherwise(0L))
                                .as(REOFFENDERS),
                        sum(col(MeasureColumns.REOFFENCES)).cast("long").as(REOFFENCES),
                        sum(col(MeasureColumns.REOFFENCE_HARM_DAYS))
                                .cast("double")
                                .as(HARM_DAYS));
        return grouped.select(
                col(COHORT_START),
                col(COHORT_END),
                col(POPULATION),
                col(DIMENSION),
                col(CATEGORY),
                col(OFFENDERS),
                col(REOFFENDERS),
                col(REOFFENCES),
                col(REOFFENDERS).divide(col(OFFENDERS)).as(REOFFENDING_RATE),
                when(col(REOFFENDERS).gt(0), col(REOFFENCES).divide(col(REOFFENDERS)))
                        .as(REOFFENCES_PER_REOFFENDER),
                col(REOFFENCES).divide(col(OFFENDERS)).as(REOFFENCES_PER_OFFENDER),
                col(HARM_DAYS),
                col(MONTHS_OBSERVED).cast("int").as(MONTHS_OBSERVED),
                col(STATUS),
                col(STATUS_REASON));
    }
}
