package org.lcjp.reoffending.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The project's reference tables (conf/reference/*.csv), read one way by every job. */
final class ReferenceTables {
    static final String OFFENCES = "offences.csv";
    static final String AREAS = "areas.csv";

    private ReferenceTables() {}

    /**
     * Read on the driver (conf/ is the operator's local folder, like the settings) and handed to Spark as lines, so
     * no executor needs conf/: on a cluster the executors have no such folder.
     */
    static Dataset<Row> read(SparkSession spark, RunContext context, String file) {
        Path path = context.reference(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot read reference table: not readable (" + path
                            + "). Check --conf points at the folder holding reference/.",
                    e);
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        return spark.read().option("header", true).csv(spark.createDataset(lines, Encoders.STRING()));
    }
}
