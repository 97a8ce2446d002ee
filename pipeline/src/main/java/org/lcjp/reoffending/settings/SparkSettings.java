package org.lcjp.reoffending.settings;

/**
 * Spark tuning that is ours to choose; the master and cluster settings come from Spark's own configuration.
 *
 * @param shufflePartitions spark.sql.shuffle.partitions when Spark's configuration does not set it (default 8:
 *                          right for 2 cores and sample sizes; raise it on a cluster)
 */
public record SparkSettings(Integer shufflePartitions) {
    public SparkSettings {
        shufflePartitions = Defaults.or(shufflePartitions, 8);
    }

    public static SparkSettings defaults() {
        return new SparkSettings(null);
    }
}
