package org.lcjp.reoffending.measures;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the measures produce.
 *
 * @param provenOffences    ProvenOffences output
 * @param personAttributes  PersonAttributes output (date of birth still encrypted)
 * @param indexEvents       every index event with reoffences, reoffence_harm_days, first_reoffence_date,
 *                          days_to_first_reoffence and its cohort's status columns (CohortCalendar.classify)
 * @param calendar          the cohorts, their status and the data coverage behind it
 * @param provenReoffending the published proven_reoffending table
 * @param timeToReoffence   the published time_to_reoffence table
 */
public record MeasureTables(
        Dataset<Row> provenOffences,
        Dataset<Row> personAttributes,
        Dataset<Row> indexEvents,
        CohortCalendar calendar,
        Dataset<Row> provenReoffending,
        Dataset<Row> timeToReoffence) {
    /** Warehouse names of the intermediate tables (under warehouse/measures/). */
    public static final String PROVEN_OFFENCES = "proven_offences";

    public static final String PERSON_ATTRIBUTES = "person_attributes";
    public static final String INDEX_EVENTS = "index_events";

    /** The rows of published cohorts of any index_events table (as the warehouse holds it). */
    public static Dataset<Row> published(Dataset<Row> indexEvents) {
        return indexEvents.filter(indexEvents.col(CohortCalendar.IN_PUBLISHED_COHORT));
    }
}
