package org.lcjp.reoffending.spark;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/** Labels the Spark jobs of a stage so the Spark UI reads like the log, restoring the previous label after. */
public final class JobDescriptions {
    private JobDescriptions() {}

    public static <T> T describe(SparkSession spark, String stage, String what, Supplier<T> body) {
        return labelled(spark, stage + ": " + what, body);
    }

    private static <T> T labelled(SparkSession spark, String label, Supplier<T> body) {
        String previous = spark.sparkContext().getLocalProperty("spark.job.description");
        spark.sparkContext().setJobDescription(label);
        try {
            return body.get();
        } finally {
            spark.sparkContext().setJobDescription(previous);
        }
    }
}
