package org.lcjp.reoffending.research;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.lcjp.reoffending.measures.MeasureColumns.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.measures.AgeAtDate;
import org.lcjp.reoffending.measures.CohortCalendar;
import org.lcjp.reoffending.measures.FollowUpWindow;
import org.lcjp.reoffending.measures.IndexEvents;
import org.lcjp.reoffending.measures.MeasureTables;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.pseudonymise.KeyedHasher;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;

/**
 * The person-level research release (outputs.md): one row per linked person per event (each proven offence and
 * each index event of a published cohort), with the flags that define cohort membership and reoffences. Its index
 * events, their local authority and their cohort status are those proven_reoffending counts, from the same code. Person ids are re-keyed under a
 * key specific to the release, so they join neither to the warehouse nor to another release; year of birth
 * replaces the date; no names, postcodes, PNC IDs, agency references or record ids.
 */
public final class ResearchRelease {
    public static final String RESEARCH_PERSON_ID = "research_person_id";
    public static final String YEAR_OF_BIRTH = "year_of_birth";
    public static final String EVENT_TYPE = "event_type";
    public static final String EVENT_DATE = "event_date";
    public static final String IS_INDEX_EVENT = "is_index_event";
    public static final String IS_REOFFENDER = "is_reoffender";
    public static final String REOFFENCE_FOR_COHORTS = "reoffence_for_cohorts";
    public static final String PROVEN_OFFENCE = "PROVEN_OFFENCE";
    public static final String INDEX_EVENT = "INDEX_EVENT";

    private final UserDefinedFunction releaseId;
    private final DateOfBirthCipher cipher;
    private final FollowUpWindow window;

    /**
     * @param releaseName what makes the release's key its own (e.g. the as-of date): the same name gives the same ids
     */
    public ResearchRelease(PseudonymisationKey runKey, String releaseName, FollowUpWindow window) {
        KeyedHasher hasher = new KeyedHasher(runKey.derive("research-release:" + releaseName));
        this.cipher = new DateOfBirthCipher(runKey);
        this.releaseId = udf((UDF1<String, String>) id -> hasher.token("research-person", id), DataTypes.StringType);
        this.window = window;
    }

    /**
     * @param proven     ProvenOffences (person_id, offence_date, disposal_date, offence_group, disposal, disposal_level,
     *                   postcode_district)
     * @param index      the warehouse index_events: with reoffences (FollowUpWindow) and their cohort's status
     *                   (CohortCalendar.classify); only events of published cohorts are released, exactly the events
     *                   proven_reoffending counts
     * @param attributes PersonAttributes (person_id, dob_cipher, sex, ethnicity, latest_postcode_district)
     * @param areas      conf/reference/areas.csv
     */
    public Dataset<Row> build(Dataset<Row> proven, Dataset<Row> index, Dataset<Row> attributes, Dataset<Row> areas) {
        Dataset<Row> published = MeasureTables.published(index);
        Dataset<Row> people = attributes.select(
                col(PERSON_ID),
                AgeAtDate.yearOfBirth(cipher, col(DOB_CIPHER)).as(YEAR_OF_BIRTH),
                col(SEX),
                col(ETHNICITY));

        Dataset<Row> cohortsCounted = proven.as("o")
                .join(
                        published
                                .select(col(PERSON_ID), col(INDEX_DATE), col(COHORT_START))
                                .as("i"),
                        col("o." + PERSON_ID)
                                .equalTo(col("i." + PERSON_ID))
                                .and(window.isReoffence(
                                        col("i." + INDEX_DATE), col("o." + OFFENCE_DATE), col("o." + DISPOSAL_DATE))))
                .groupBy(
                        col("o." + PERSON_ID),
                        col("o." + RECORD_ID),
                        col("o." + OFFENCE_DATE),
                        col("o." + DISPOSAL_DATE),
                        col("o." + OFFENCE_CODE))
                .agg(array_sort(collect_set(col("i." + COHORT_START))).as(REOFFENCE_FOR_COHORTS));

        // A proven offence is placed as an index event is: its record's postcode district, else the person's latest.
        Dataset<Row> placed = IndexEvents.withLocalAuthority(
                proven.join(attributes.select(PERSON_ID, LATEST_POSTCODE_DISTRICT), new String[] {PERSON_ID}, "left"),
                areas);
        Dataset<Row> offences = placed.join(
                        cohortsCounted,
                        new String[] {PERSON_ID, RECORD_ID, OFFENCE_DATE, DISPOSAL_DATE, OFFENCE_CODE},
                        "left")
                .select(
                        col(PERSON_ID),
                        col(LOCAL_AUTHORITY),
                        col(FORCE_AREA),
                        lit(PROVEN_OFFENCE).as(EVENT_TYPE),
                        col(OFFENCE_DATE).as(EVENT_DATE),
                        col(DISPOSAL_DATE),
                        col(OFFENCE_GROUP),
                        col(DISPOSAL),
                        col(DISPOSAL_LEVEL),
                        nullDate(COHORT_START),
                        nullDate(COHORT_END),
                        nullString(POPULATION),
                        nullInt(AGE),
                        lit(false).as(IS_INDEX_EVENT),
                        nullLong(PREVIOUS_OFFENCES),
                        nullLong(REOFFENCES),
                        nullBoolean(IS_REOFFENDER),
                        col(REOFFENCE_FOR_COHORTS),
                        nullInt(CohortCalendar.MONTHS_OBSERVED),
                        nullString(CohortCalendar.STATUS),
                        nullString(CohortCalendar.STATUS_REASON));

        // Index events carry the local authority and force area proven_reoffending grouped them by.
        Dataset<Row> indexRows = published.select(
                col(PERSON_ID),
                col(LOCAL_AUTHORITY),
                col(FORCE_AREA),
                lit(INDEX_EVENT).as(EVENT_TYPE),
                col(INDEX_DATE).as(EVENT_DATE),
                nullDate(DISPOSAL_DATE),
                col(OFFENCE_GROUP),
                col(DISPOSAL),
                col(INDEX_DISPOSAL).as(DISPOSAL_LEVEL),
                col(COHORT_START),
                col(COHORT_END),
                col(POPULATION),
                col(AGE),
                lit(true).as(IS_INDEX_EVENT),
                col(PREVIOUS_OFFENCES).cast("long").as(PREVIOUS_OFFENCES),
                col(REOFFENCES).cast("long").as(REOFFENCES),
                col(REOFFENCES).gt(0).as(IS_REOFFENDER),
                lit(null).cast(DataTypes.createArrayType(DataTypes.DateType)).as(REOFFENCE_FOR_COHORTS),
                col(CohortCalendar.MONTHS_OBSERVED).cast("int").as(CohortCalendar.MONTHS_OBSERVED),
                col(CohortCalendar.STATUS),
                col(CohortCalendar.STATUS_REASON));

        return offences.unionByName(indexRows)
                .join(people, PERSON_ID)
                .select(
                        releaseId.apply(col(PERSON_ID)).as(RESEARCH_PERSON_ID),
                        col(SEX),
                        col(YEAR_OF_BIRTH),
                        col(ETHNICITY),
                        col(LOCAL_AUTHORITY),
                        col(FORCE_AREA),
                        col(EVENT_TYPE),
                        col(EVENT_DATE),
                        col(DISPOSAL_DATE),
                        col(OFFENCE_GROUP),
                        col(DISPOSAL),
                        col(DISPOSAL_LEVEL),
                        col(COHORT_START),
                        col(COHORT_END),
                        col(POPULATION),
                        col(AGE).as("age_at_index"),
                        col(IS_INDEX_EVENT),
                        col(PREVIOUS_OFFENCES),
                        col(REOFFENCES),
                        col(IS_REOFFENDER),
                        col(REOFFENCE_FOR_COHORTS),
                        col(CohortCalendar.MONTHS_OBSERVED),
                        col(CohortCalendar.STATUS),
                        col(CohortCalendar.STATUS_REASON));
    }

    private static Column nullDate(String name) {
        return lit(null).cast(DataTypes.DateType).as(name);
    }

    private static Column nullString(String name) {
        return lit(null).cast(DataTypes.StringType).as(name);
    }

    private static Column nullInt(String name) {
        return lit(null).cast(DataTypes.IntegerType).as(name);
    }

    private static Column nullLong(String name) {
        return lit(null).cast(DataTypes.LongType).as(name);
    }

    private static Column nullBoolean(String name) {
        return lit(null).cast(DataTypes.BooleanType).as(name);
    }
}
