package org.lcjp.reoffending.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/** Reads every Parquet file under some folders and asserts that no given identifier appears in clear in any row. */
public final class ClearIdentifiers {
    private ClearIdentifiers() {
    }

    /** Every row of every Parquet file under {@code roots}, as JSON text (lower case). */
    public static List<String> everyRowAsText(SparkSession spark, Path... roots) {
        List<String> rows = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                // One read per folder of Parquet files (a table or one partition of it), not per file.
                for (Path folder : s.filter(f -> f.getFileName().toString().endsWith(".parquet")).map(Path::getParent)
                        .distinct().toList()) {
                    spark.read().parquet(folder.toString()).toJSON().collectAsList()
                            .forEach(j -> rows.add(j.toLowerCase(Locale.ROOT)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }

    public static void assertAbsent(List<String> rowsAsText, List<String> identifiers) {
        assertThat(rowsAsText).as("rows written").isNotEmpty();
        for (String id : identifiers) {
            String needle = id.toLowerCase(Locale.ROOT);
            assertThat(rowsAsText).as("rows containing the identifier " + id).noneMatch(r -> r.contains(needle));
        }
    }
}
