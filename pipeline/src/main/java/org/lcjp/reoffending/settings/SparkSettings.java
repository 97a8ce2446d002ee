package org.lcjp.reoffending.settings;

/**
 * Spark tuning that is ours to choose; the master and cluster settings come from Spark's own configuration.
 *
 * @param shufflePartitions  spark.sql.shuffle.partitions when Spark's configuration does not set it (default 8:
 *                           right for 2 cores and sample sizes; raise it on a cluster)
 * @param interpretedBelowMb a run whose input files total fewer megabytes evaluates its queries without generated
 *                           code (default 64). On small inputs compiling the generated Java of each query (Janino, then
 *                           the JIT) cost more than running it: a third of the CPU of the sample run and of the tests.
 *                           0 always generates code; Spark's own configuration of
 *                           {@code spark.sql.codegen.wholeStage} wins over this setting.
 */
public record SparkSettings(Integer shufflePartitions, Integer interpretedBelowMb) {
    public SparkSettings {
        shufflePartitions = Defaults.or(shufflePartitions, 8);
        interpretedBelowMb = Defaults.or(interpretedBelowMb, 64);
    }

    /** What is wrong with these values, keys relative to the section (none: usable). */
    public java.util.List<String> problems() {
        Problems p = new Problems();
        p.check(shufflePartitions >= 1, "shuffle_partitions", "must be at least 1", shufflePartitions);
        p.check(interpretedBelowMb >= 0, "interpreted_below_mb", "must be 0 or more", interpretedBelowMb);
        return p.list();
    }

    public static SparkSettings defaults() {
        return new SparkSettings(null, null);
    }

    /** Whether a run over {@code inputBytes} of input should evaluate its queries without generated code. */
    public boolean interpreted(long inputBytes) {
        return inputBytes < interpretedBelowMb * 1024L * 1024L;
    }
}
