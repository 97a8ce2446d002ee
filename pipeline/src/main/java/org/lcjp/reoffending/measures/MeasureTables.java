package org.lcjp.reoffending.measures;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the measures produce.
 *
 * @param provenOffences    ProvenOffences output
 * @param personAttributes  PersonAttributes output (date of birth still encrypted)
 * @param indexEvents       IndexEvents output with reoffences, first_reoffence_date, days_to_first_reoffence
 * @param provenReoffending the published proven_reoffending table
 * @param timeToReoffence   the published time_to_reoffence table
 */
public record MeasureTables(Dataset<Row> provenOffences, Dataset<Row> personAttributes, Dataset<Row> indexEvents,
                            Dataset<Row> provenReoffending, Dataset<Row> timeToReoffence) {
}
