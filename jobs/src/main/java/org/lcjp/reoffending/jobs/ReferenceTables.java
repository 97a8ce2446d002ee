package org.lcjp.reoffending.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The project's reference tables (conf/reference/*.csv), read one way by every job. */
final class ReferenceTables {
    static final String OFFENCES = "offences.csv";
    static final String AREAS = "areas.csv";

    private ReferenceTables() {
    }

    static Dataset<Row> read(SparkSession spark, RunContext context, String file) {
        Path path = context.reference(file);
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("Cannot read reference table: not readable (" + path
                    + "). Check --conf points at the folder holding reference/.");
        }
        return spark.read().option("header", true).csv(path.toString());
    }
}
