package org.lcjp.reoffending.jobs;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;

/** Row counts of the Parquet tables in a published folder (one level of nesting, e.g. research/events), for the manifest. */
final class PublishedRowCounts {
    private PublishedRowCounts() {}

    static Map<String, Long> of(SparkSession spark, Storage storage, StoragePath folder) {
        Map<String, Long> counts = new TreeMap<>();
        for (Storage.Entry e : storage.list(folder)) {
            if (!e.directory()) {
                continue;
            }
            if (storage.exists(e.path().resolve("_SUCCESS"))) {
                counts.put(e.name(), count(spark, e.path()));
                continue;
            }
            for (Storage.Entry inner : storage.list(e.path())) {
                if (inner.directory() && storage.exists(inner.path().resolve("_SUCCESS"))) {
                    counts.put(e.name() + "/" + inner.name(), count(spark, inner.path()));
                }
            }
        }
        return counts;
    }

    /** Parquet keeps each file's row count in its footer: Spark answers count() from the footers alone. */
    private static long count(SparkSession spark, StoragePath table) {
        return spark.read().parquet(table.toString()).count();
    }
}
