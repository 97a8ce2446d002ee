package org.lcjp.reoffending.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/** Row counts of the Parquet tables in a published folder (one level of nesting, e.g. research/events), for the manifest. */
final class PublishedRowCounts {
    private PublishedRowCounts() {
    }

    static Map<String, Long> of(SparkSession spark, Path folder) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        try (Stream<Path> s = Files.walk(folder, 2)) {
            for (Path table : s.filter(p -> Files.exists(p.resolve("_SUCCESS"))).sorted().toList()) {
                counts.put(folder.relativize(table).toString().replace('\\', '/'), spark.read().parquet(table.toString()).count());
            }
        }
        return counts;
    }
}
