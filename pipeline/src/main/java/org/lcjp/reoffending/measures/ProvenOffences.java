package org.lcjp.reoffending.measures;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.lcjp.reoffending.measures.MeasureColumns.*;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.settings.CohortSettings;

/**
 * One row per proven offence (methodology.md section 1): court convictions, police cautions and YOS outcomes other
 * than community resolutions, linked to their person, breaches dropped, and one offence reported by several
 * datasets counted once.
 */
public final class ProvenOffences {
    public static final List<String> POLICE_CAUTIONS =
            List.of("ADULT_CAUTION", "CONDITIONAL_CAUTION", "YOUTH_CAUTION", "YOUTH_CONDITIONAL_CAUTION");
    public static final String COMMUNITY_RESOLUTION = "COMMUNITY_RESOLUTION";
    public static final List<String> CUSTODY_DISPOSALS = List.of("IMMEDIATE_CUSTODY", "DETENTION_AND_TRAINING_ORDER");
    public static final List<String> COURT_ORDER_DISPOSALS =
            List.of("SUSPENDED_SENTENCE_ORDER", "COMMUNITY_ORDER", "YOUTH_REHABILITATION_ORDER", "REFERRAL_ORDER");
    public static final List<String> CAUTION_DISPOSALS = POLICE_CAUTIONS;
    /** When datasets report one offence, the rows kept are those of the dataset reporting it most, then this order. */
    public static final List<String> SOURCE_PRIORITY = List.of(COURTS, POLICE, YOS);

    /** The columns of the proven_offences table, in order. */
    public static final List<String> COLUMNS = List.of(
            PERSON_ID,
            SOURCE,
            RECORD_ID,
            OFFENCE_CODE,
            OFFENCE_DATE,
            DISPOSAL_DATE,
            DISPOSAL,
            DISPOSAL_LEVEL,
            OFFENCE_GROUP,
            HARM_DAYS,
            CUSTODY_MONTHS,
            POSTCODE_DISTRICT);

    private final CohortSettings settings;

    public ProvenOffences(CohortSettings settings) {
        this.settings = settings;
    }

    /**
     * @param courts       staged courts/convictions
     * @param police       staged police/outcomes
     * @param yos          staged yos/outcomes
     * @param recordPerson linkage record_person
     * @param offences     conf/reference/offences.csv (offence_code, offence_group, is_breach, harm_days)
     */
    public Dataset<Row> build(
            Dataset<Row> courts,
            Dataset<Row> police,
            Dataset<Row> yos,
            Dataset<Row> recordPerson,
            Dataset<Row> offences) {
        Dataset<Row> rows = fromCourts(courts).unionByName(fromPolice(police)).unionByName(fromYos(yos));
        Dataset<Row> linked = rows.join(
                recordPerson.select(
                        RecordPersonColumns.AGENCY,
                        RecordPersonColumns.DATASET,
                        RecordPersonColumns.RECORD_ID,
                        RecordPersonColumns.PERSON_ID),
                rows.col("_agency")
                        .equalTo(col(RecordPersonColumns.AGENCY))
                        .and(rows.col("_dataset").equalTo(col(RecordPersonColumns.DATASET)))
                        .and(rows.col("_record_id").equalTo(recordPerson.col(RecordPersonColumns.RECORD_ID))));
        Dataset<Row> ref = OffenceReference.normalise(offences);
        Dataset<Row> withRef =
                linked.join(broadcast(ref), linked.col(OFFENCE_CODE).equalTo(ref.col("_ref_code")), "left");
        if (settings.excludeBreaches()) {
            withRef = withRef.filter(coalesce(col("_is_breach"), lit(false)).equalTo(false));
        }
        Dataset<Row> shaped = withRef.select(
                col(PERSON_ID),
                concat_ws("/", col("_agency"), col("_dataset")).as(SOURCE),
                col("_record_id").as(RECORD_ID),
                col(OFFENCE_CODE),
                col(OFFENCE_DATE),
                col(DISPOSAL_DATE),
                col(DISPOSAL),
                disposalLevel(col(DISPOSAL)).as(DISPOSAL_LEVEL),
                coalesce(col("_offence_group"), lit(UNKNOWN)).as(OFFENCE_GROUP),
                coalesce(col("_harm_days"), lit(0.0)).as(HARM_DAYS),
                col(CUSTODY_MONTHS),
                col(POSTCODE_DISTRICT));
        return deduplicate(shaped);
    }

    /**
     * Rows with one (person, offence code, offence date, disposal date) from different datasets are one offence;
     * rows within one dataset are each an offence. Keeping exactly the rows of one dataset per key (the one with
     * most rows for it) gives the largest per-dataset count.
     */
    public static Dataset<Row> deduplicate(Dataset<Row> offences) {
        Column[] key = {col(PERSON_ID), col(OFFENCE_CODE), col(OFFENCE_DATE), col(DISPOSAL_DATE)};
        WindowSpec perSource = Window.partitionBy(
                col(PERSON_ID), col(OFFENCE_CODE), col(OFFENCE_DATE), col(DISPOSAL_DATE), col(SOURCE));
        WindowSpec perKey = Window.partitionBy(key);
        Column preference = struct(
                count(lit(1)).over(perSource).as("n"),
                sourceRank(col(SOURCE)).as("rank"),
                col(SOURCE).as("source"));
        return offences.withColumn("_preference", preference)
                .withColumn("_best", max(col("_preference")).over(perKey))
                .filter(col("_preference").equalTo(col("_best")))
                .drop("_preference", "_best");
    }

    /** Higher is preferred. */
    private static Column sourceRank(Column source) {
        Column rank = lit(0);
        for (int i = SOURCE_PRIORITY.size() - 1; i >= 0; i--) {
            rank = when(source.equalTo(SOURCE_PRIORITY.get(i)), lit(SOURCE_PRIORITY.size() - i))
                    .otherwise(rank);
        }
        return rank;
    }

    public static Column disposalLevel(Column disposal) {
        return when(disposal.isin(CUSTODY_DISPOSALS.toArray()), lit(CUSTODY))
                .when(disposal.isin(COURT_ORDER_DISPOSALS.toArray()), lit(COURT_ORDER))
                .when(disposal.isin(CAUTION_DISPOSALS.toArray()), lit(CAUTION))
                .otherwise(lit(OTHER_COURT));
    }

    private static Dataset<Row> fromCourts(Dataset<Row> courts) {
        return common(
                courts,
                col("conviction_date"),
                col("disposal"),
                col("custody_months").cast(DataTypes.DoubleType));
    }

    private static Dataset<Row> fromPolice(Dataset<Row> police) {
        return common(
                police.filter(col("outcome_type").isin(POLICE_CAUTIONS.toArray())),
                col("outcome_date"),
                col("outcome_type"),
                lit(null).cast(DataTypes.DoubleType));
    }

    private static Dataset<Row> fromYos(Dataset<Row> yos) {
        return common(
                yos.filter(col("outcome_type").notEqual(COMMUNITY_RESOLUTION)),
                col("outcome_date"),
                col("outcome_type"),
                lit(null).cast(DataTypes.DoubleType));
    }

    private static Dataset<Row> common(
            Dataset<Row> staged, Column disposalDate, Column disposal, Column custodyMonths) {
        return staged.select(
                col(StagedColumns.AGENCY).as("_agency"),
                col(StagedColumns.DATASET).as("_dataset"),
                col(StagedColumns.RECORD_ID).as("_record_id"),
                col("offence_code").as(OFFENCE_CODE),
                col("offence_date").as(OFFENCE_DATE),
                disposalDate.as(DISPOSAL_DATE),
                disposal.as(DISPOSAL),
                custodyMonths.as(CUSTODY_MONTHS),
                StagedTables.optional(staged, StagedColumns.POSTCODE_DISTRICT, DataTypes.StringType)
                        .as(POSTCODE_DISTRICT));
    }
}
