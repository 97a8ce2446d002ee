package org.lcjp.reoffending.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test JVM: local[2], UI off, loopback, 2 shuffle partitions, AQE and generated code off so that
 * tiny tests stay fast and deterministic. Every Spark test calls {@link #get()}; nobody stops it.
 */
public final class SparkTestSession {
    private static SparkSession spark;

    private SparkTestSession() {}

    public static synchronized SparkSession get() {
        if (spark == null) {
            try {
                Path dir = Files.createTempDirectory("spark-test");
                spark = SparkSession.builder()
                        .master("local[2]")
                        .appName("reoffending-tests")
                        .config("spark.ui.enabled", "false")
                        .config("spark.driver.host", "127.0.0.1")
                        .config("spark.driver.bindAddress", "127.0.0.1")
                        .config("spark.sql.shuffle.partitions", "2")
                        .config("spark.default.parallelism", "2")
                        .config("spark.sql.adaptive.enabled", "false")
                        // Test inputs are tiny: compiling generated code cost a third of the suite's CPU
                        // (spark.interpreted_below_mb).
                        .config("spark.sql.codegen.wholeStage", "false")
                        .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                        .config("spark.sql.session.timeZone", "UTC")
                        // The local file system of every run (SparkSessions): permissions through java.nio, honouring
                        // the umask.
                        .config(
                                "spark.hadoop.fs.file.impl",
                                org.lcjp.reoffending.spark.NioLocalFileSystem.class.getName())
                        .config("spark.local.dir", dir.resolve("local").toString())
                        .config(
                                "spark.sql.warehouse.dir",
                                dir.resolve("warehouse").toString())
                        .getOrCreate();
                spark.sparkContext().setCheckpointDir(dir.resolve("checkpoints").toString());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot create test Spark directories", e);
            }
        }
        return spark;
    }
}
