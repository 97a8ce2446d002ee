package org.lcjp.reoffending.spark;

import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.settings.SparkSettings;

/**
 * Builds the one SparkSession of a run. The master comes from Spark's own configuration (spark-submit,
 * spark-defaults.conf, -Dspark.master); only when none is set does the run use embedded {@code local[*]}.
 */
public final class SparkSessions {
    public static final String DEFAULT_MASTER = "local[*]";

    private SparkSessions() {}

    /**
     * @param localDir scratch space for shuffle and spill, kept inside the output folder
     */
    public static SparkSession create(String appName, SparkSettings settings, Path localDir) {
        SparkConf conf = new SparkConf(true);
        boolean local =
                !conf.contains("spark.master") || conf.get("spark.master").startsWith("local");
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        if (!conf.contains("spark.master")) {
            b.master(DEFAULT_MASTER);
        }
        if (local) {
            // The host name resolves to a public interface here; keep an embedded run on loopback.
            b.config("spark.driver.host", conf.get("spark.driver.host", "127.0.0.1"))
                    .config("spark.driver.bindAddress", conf.get("spark.driver.bindAddress", "127.0.0.1"))
                    .config("spark.ui.enabled", conf.get("spark.ui.enabled", "false"))
                    .config(
                            "spark.hadoop.fs.file.impl",
                            conf.get("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName()));
        }
        if (localDir != null && !conf.contains("spark.local.dir")) {
            b.config("spark.local.dir", localDir.toAbsolutePath().toString());
        }
        if (!conf.contains(SHUFFLE_PARTITIONS)) {
            b.config(SHUFFLE_PARTITIONS, String.valueOf(settings.shufflePartitions()));
        }
        // Cached tables here are mostly keyed tokens (random, distinct): gathering compression statistics for them was
        // a
        // fifth of ingest's CPU at scale and saved little memory.
        b.config(
                "spark.sql.inMemoryColumnarStorage.compressed",
                conf.get("spark.sql.inMemoryColumnarStorage.compressed", "false"));
        // Spark's own advice on HotSpot: a whole-stage method above 8,000 bytes of bytecode is never JIT-compiled, and
        // the wide validation (fused with the reader) and comparison stages generated such methods, which then ran in
        // the bytecode interpreter (a quarter of ingest's CPU). Above the limit Spark runs the operators one by one,
        // with their expressions compiled in small methods.
        b.config("spark.sql.codegen.hugeMethodLimit", conf.get("spark.sql.codegen.hugeMethodLimit", "8000"));
        // A partitioned write whose tasks each hold one partition value (ingest's per-delivery writes) needs no sort
        // when a task may keep a few writers open; Spark falls back to sorting beyond that many.
        b.config("spark.sql.maxConcurrentOutputFileWriters", conf.get("spark.sql.maxConcurrentOutputFileWriters", "4"));
        // Dates are calendar dates throughout; a fixed zone keeps them identical on every machine.
        b.config("spark.sql.session.timeZone", conf.get("spark.sql.session.timeZone", "UTC"));
        return b.getOrCreate();
    }

    /**
     * Generated code, or not, for the queries of a run over {@code inputBytes} of input (see
     * {@link SparkSettings#interpretedBelowMb()}). Both are runtime settings, so one session can serve runs of any size.
     *
     * @return whether the queries will be interpreted
     */
    public static boolean chooseExecution(SparkSession spark, SparkSettings settings, long inputBytes) {
        if (new SparkConf(true).contains(WHOLE_STAGE)) {
            return !new SparkConf(true).getBoolean(WHOLE_STAGE, true);
        }
        boolean interpreted = settings.interpreted(inputBytes);
        spark.conf().set(WHOLE_STAGE, !interpreted);
        spark.conf().set(FACTORY_MODE, interpreted ? "NO_CODEGEN" : "FALLBACK");
        return interpreted;
    }

    /**
     * Adaptive execution and shuffle partitions for a run over {@code inputBytes} of input (see
     * {@link SparkSettings#smallInputBelowMb()}): a small run plans each query once, with a shuffle partition per core;
     * a larger one keeps adaptive execution and {@link SparkSettings#shufflePartitions()}. Either setting made in
     * Spark's own configuration is left as it is. Runtime settings, so one session serves runs of any size.
     *
     * @return whether the run counts as small
     */
    public static boolean choosePartitioning(SparkSession spark, SparkSettings settings, long inputBytes) {
        SparkConf own = new SparkConf(true);
        boolean small = settings.small(inputBytes);
        if (!own.contains(ADAPTIVE)) {
            spark.conf().set(ADAPTIVE, !small);
        }
        if (!own.contains(SHUFFLE_PARTITIONS)) {
            spark.conf()
                    .set(
                            SHUFFLE_PARTITIONS,
                            small ? spark.sparkContext().defaultParallelism() : settings.shufflePartitions());
        }
        return small;
    }

    private static final String ADAPTIVE = "spark.sql.adaptive.enabled";
    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
    private static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
    /** Spark's internal switch between generated and interpreted expressions (SQLConf.CODEGEN_FACTORY_MODE). */
    private static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";
}
