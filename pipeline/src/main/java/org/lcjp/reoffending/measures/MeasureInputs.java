package org.lcjp.reoffending.measures;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the measures read.
 *
 * @param courts       staged courts/convictions
 * @param police       staged police/outcomes
 * @param yos          staged yos/outcomes
 * @param prisons      staged prisons/releases
 * @param allStaged    every staged table (the four above included), for person attributes
 * @param recordPerson linkage record_person
 * @param offences     conf/reference/offences.csv
 * @param areas        conf/reference/areas.csv
 */
public record MeasureInputs(
        Dataset<Row> courts,
        Dataset<Row> police,
        Dataset<Row> yos,
        Dataset<Row> prisons,
        List<Dataset<Row>> allStaged,
        Dataset<Row> recordPerson,
        Dataset<Row> offences,
        Dataset<Row> areas) {}
