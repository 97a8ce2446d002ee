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
 * @param smallInputBelowMb  a run whose input files total fewer megabytes runs without adaptive query execution and
 *                           with one shuffle partition per core (default 64). Adaptive execution runs each shuffle of a
 *                           query as a Spark job of its own and plans again after it, and every shuffle partition is a
 *                           task that reads back a copy of the plan: on small inputs those fixed costs were most of the
 *                           run (the sample: 1,150 jobs). 0 never does; {@code spark.sql.adaptive.enabled} and
 *                           {@code spark.sql.shuffle.partitions} in Spark's own configuration win over this setting.
 */
public record SparkSettings(Integer shufflePartitions, Integer interpretedBelowMb, Integer smallInputBelowMb) {
    public SparkSettings {
        shufflePartitions = Defaults.or(shufflePartitions, 8);
        interpretedBelowMb = Defaults.or(interpretedBelowMb, 64);
        smallInputBelowMb = Defaults.or(smallInputBelowMb, 64);
    }

    /** What is wrong with these values, keys relative to the section (none: usable). */
    public java.util.List<String> problems() {
        Problems p = new Problems();
        p.check(shufflePartitions >= 1, "shuffle_partitions", "must be at least 1", shufflePartitions);
        p.check(interpretedBelowMb >= 0, "interpreted_below_mb", "must be 0 or more", interpretedBelowMb);
        p.check(smallInputBelowMb >= 0, "small_input_below_mb", "must be 0 or more", smallInputBelowMb);
        return p.list();
    }

    public static SparkSettings defaults() {
        return new SparkSettings(null, null, null);
    }

    /** Whether a run over {@code inputBytes} of input should evaluate its queries without generated code. */
    public boolean interpreted(long inputBytes) {
        return inputBytes < interpretedBelowMb * 1024L * 1024L;
    }

    /** Whether a run over {@code inputBytes} of input is small: no adaptive execution, a shuffle partition per core. */
    public boolean small(long inputBytes) {
        return inputBytes < smallInputBelowMb * 1024L * 1024L;
    }
}
