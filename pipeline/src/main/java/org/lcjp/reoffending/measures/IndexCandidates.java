package org.lcjp.reoffending.measures;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.lcjp.reoffending.measures.MeasureColumns.*;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.domain.StagedColumns;

/**
 * Every event that could be an index event (methodology.md section 2), before ages and the earliest-per-cohort rule:
 * sentenced releases, non-custodial court convictions and cautions, each with its index offence.
 */
public final class IndexCandidates {
    public static final String SENTENCED = "SENTENCED";
    /** YOS outcomes that are court convictions rather than cautions or custody. */
    public static final List<String> YOS_COURT_OUTCOMES =
            List.of("REFERRAL_ORDER", "YOUTH_REHABILITATION_ORDER", "FINE", "CONDITIONAL_DISCHARGE");

    public static final List<String> COLUMNS = List.of(
            PERSON_ID,
            INDEX_DATE,
            INDEX_DISPOSAL,
            SOURCE,
            RECORD_ID,
            DISPOSAL,
            OFFENCE_CODE,
            OFFENCE_GROUP,
            HARM_DAYS,
            SENTENCE_MONTHS,
            POSTCODE_DISTRICT);

    private IndexCandidates() {}

    /**
     * @param proven       ProvenOffences output
     * @param releases     staged prisons/releases
     * @param recordPerson linkage record_person
     */
    public static Dataset<Row> build(Dataset<Row> proven, Dataset<Row> releases, Dataset<Row> recordPerson) {
        return convictions(proven).unionByName(cautions(proven)).unionByName(releases(proven, releases, recordPerson));
    }

    /** Non-custodial court convictions, except on a day the same person received custody: they enter on release. */
    static Dataset<Row> convictions(Dataset<Row> proven) {
        Dataset<Row> custodyDays = proven.filter(col(DISPOSAL_LEVEL).equalTo(CUSTODY))
                .select(col(PERSON_ID).as("_cp"), col(DISPOSAL_DATE).as("_cd"))
                .distinct();
        Column court = col(SOURCE)
                .equalTo(COURTS)
                .and(col(DISPOSAL_LEVEL).notEqual(CUSTODY))
                .or(col(SOURCE).equalTo(YOS).and(col(DISPOSAL).isin(YOS_COURT_OUTCOMES.toArray())));
        Dataset<Row> c = proven.filter(court);
        return fromProven(c.join(
                custodyDays,
                c.col(PERSON_ID).equalTo(col("_cp")).and(c.col(DISPOSAL_DATE).equalTo(col("_cd"))),
                "left_anti"));
    }

    static Dataset<Row> cautions(Dataset<Row> proven) {
        return fromProven(proven.filter(col(DISPOSAL_LEVEL).equalTo(CAUTION)));
    }

    private static Dataset<Row> fromProven(Dataset<Row> p) {
        return p.select(
                col(PERSON_ID),
                col(DISPOSAL_DATE).as(INDEX_DATE),
                col(DISPOSAL_LEVEL).as(INDEX_DISPOSAL),
                col(SOURCE),
                col(RECORD_ID),
                col(DISPOSAL),
                col(OFFENCE_CODE),
                col(OFFENCE_GROUP),
                col(HARM_DAYS),
                lit(null).cast(DataTypes.DoubleType).as(SENTENCE_MONTHS),
                col(POSTCODE_DISTRICT));
    }

    /**
     * Sentenced releases; the index offence is the one of the latest custodial conviction on or before the release
     * date (highest harm, then lowest code, among that day's), else UNKNOWN.
     */
    static Dataset<Row> releases(Dataset<Row> proven, Dataset<Row> releases, Dataset<Row> recordPerson) {
        Dataset<Row> r = releases.filter(col("release_type").equalTo(SENTENCED))
                .select(
                        col(StagedColumns.AGENCY),
                        col(StagedColumns.DATASET),
                        col(StagedColumns.RECORD_ID),
                        col("release_date").as(INDEX_DATE),
                        col("sentence_months").cast(DataTypes.DoubleType).as(SENTENCE_MONTHS),
                        StagedTables.optional(releases, StagedColumns.POSTCODE_DISTRICT, DataTypes.StringType)
                                .as(POSTCODE_DISTRICT))
                .join(
                        recordPerson.select(
                                RecordPersonColumns.AGENCY,
                                RecordPersonColumns.DATASET,
                                RecordPersonColumns.RECORD_ID,
                                RecordPersonColumns.PERSON_ID),
                        new String[] {StagedColumns.AGENCY, StagedColumns.DATASET, StagedColumns.RECORD_ID})
                .select(
                        col(PERSON_ID),
                        col(INDEX_DATE),
                        concat_ws("/", col(StagedColumns.AGENCY), col(StagedColumns.DATASET))
                                .as(SOURCE),
                        col(RECORD_ID),
                        col(SENTENCE_MONTHS),
                        col(POSTCODE_DISTRICT));
        Dataset<Row> custodial = proven.filter(col(DISPOSAL_LEVEL).equalTo(CUSTODY))
                .select(
                        col(PERSON_ID).as("_cp"),
                        col(DISPOSAL_DATE).as("_cd"),
                        col(OFFENCE_CODE).as("_code"),
                        col(OFFENCE_GROUP).as("_group"),
                        col(HARM_DAYS).as("_harm"));
        Dataset<Row> joined = r.join(
                custodial, col(PERSON_ID).equalTo(col("_cp")).and(col("_cd").leq(col(INDEX_DATE))), "left");
        Dataset<Row> latest = joined.withColumn(
                        "_n",
                        row_number()
                                .over(Window.partitionBy(col(SOURCE), col(RECORD_ID))
                                        .orderBy(
                                                col("_cd").desc_nulls_last(),
                                                col("_harm").desc_nulls_last(),
                                                col("_code").asc_nulls_last())))
                .filter(col("_n").equalTo(1));
        return latest.select(
                col(PERSON_ID),
                col(INDEX_DATE),
                lit(CUSTODY).as(INDEX_DISPOSAL),
                col(SOURCE),
                col(RECORD_ID),
                lit(SENTENCED).as(DISPOSAL),
                coalesce(col("_code"), lit(UNKNOWN)).as(OFFENCE_CODE),
                coalesce(col("_group"), lit(UNKNOWN)).as(OFFENCE_GROUP),
                coalesce(col("_harm"), lit(0.0)).as(HARM_DAYS),
                col(SENTENCE_MONTHS),
                col(POSTCODE_DISTRICT));
    }
}
