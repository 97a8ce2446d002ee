package org.lcjp.reoffending.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/** Row counts of the Parquet tables in a published folder, for the manifest (read from Parquet metadata). */
final class PublishedTables {
    private PublishedTables() {
    }

    static Map<String, Long> rowCounts(SparkSession spark, Path folder) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path table : s.filter(Files::isDirectory).sorted().toList()) {
                if (Files.exists(table.resolve("_SUCCESS"))) {
                    counts.put(table.getFileName().toString(), spark.read().parquet(table.toString()).count());
                }
            }
        }
        return counts;
    }
}
