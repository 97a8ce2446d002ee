package org.lcjp.reoffending.measures;

import java.util.List;

/** Column names and codes of the measure tables (proven_offences, person_attributes, index_events, time_to_reoffence). */
public final class MeasureColumns {
    // Shared
    public static final String PERSON_ID = "person_id";
    public static final String RECORD_ID = "record_id";
    public static final String POSTCODE_DISTRICT = "postcode_district";

    // proven_offences
    /** agency/dataset the row came from, e.g. courts/convictions. */
    public static final String SOURCE = "source";

    public static final String OFFENCE_CODE = "offence_code";
    public static final String OFFENCE_DATE = "offence_date";
    public static final String DISPOSAL_DATE = "disposal_date";
    /** The raw disposal code: courts disposal, police or YOS outcome_type. */
    public static final String DISPOSAL = "disposal";

    public static final String DISPOSAL_LEVEL = "disposal_level";
    public static final String OFFENCE_GROUP = "offence_group";
    public static final String HARM_DAYS = "harm_days";
    public static final String CUSTODY_MONTHS = "custody_months";

    // person_attributes
    public static final String DOB_CIPHER = "dob_cipher";
    public static final String SEX = "sex";
    public static final String ETHNICITY = "ethnicity";
    public static final String LATEST_POSTCODE_DISTRICT = "latest_postcode_district";

    // index_events
    public static final String COHORT_START = "cohort_start";
    public static final String COHORT_END = "cohort_end";
    public static final String INDEX_DATE = "index_date";
    public static final String INDEX_DISPOSAL = "index_disposal";
    public static final String SENTENCE_MONTHS = "sentence_months";
    public static final String SENTENCE_BAND = "sentence_band";
    public static final String AGE = "age";
    public static final String AGE_BAND = "age_band";
    public static final String POPULATION = "population";
    public static final String LOCAL_AUTHORITY = "local_authority";
    /** The police force of the local authority (areas.csv): DURHAM, CLEVELAND, OUT_OF_AREA or UNKNOWN. */
    public static final String FORCE_AREA = "force_area";

    public static final String PREVIOUS_OFFENCES = "previous_offences";
    public static final String PREVIOUS_OFFENCES_BAND = "previous_offences_band";

    // follow-up
    public static final String REOFFENCES = "reoffences";
    /** Sum of the harm_days of an index event's proven reoffences. */
    public static final String REOFFENCE_HARM_DAYS = "reoffence_harm_days";

    public static final String FIRST_REOFFENCE_DATE = "first_reoffence_date";
    public static final String DAYS_TO_FIRST_REOFFENCE = "days_to_first_reoffence";

    // time_to_reoffence
    public static final String DAY = "day";
    public static final String AT_RISK = "at_risk";
    public static final String EVENTS = "events";
    public static final String CENSORED = "censored";
    public static final String SURVIVAL = "survival";
    public static final String STATUS = "status";

    // Disposal levels, most severe first (methodology.md section 2)
    public static final String CUSTODY = "CUSTODY";
    public static final String COURT_ORDER = "COURT_ORDER";
    public static final String OTHER_COURT = "OTHER_COURT";
    public static final String CAUTION = "CAUTION";
    public static final List<String> DISPOSAL_LEVELS = List.of(CUSTODY, COURT_ORDER, OTHER_COURT, CAUTION);

    public static final String UNKNOWN = "UNKNOWN";
    public static final String OUT_OF_AREA = "OUT_OF_AREA";

    // Sources
    public static final String COURTS = "courts/convictions";
    public static final String POLICE = "police/outcomes";
    public static final String YOS = "yos/outcomes";
    public static final String PRISONS = "prisons/releases";

    private MeasureColumns() {}
}
