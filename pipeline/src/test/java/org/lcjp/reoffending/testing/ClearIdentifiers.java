package org.lcjp.reoffending.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/** Reads every Parquet file under some folders and asserts that no given identifier appears in clear in any row. */
public final class ClearIdentifiers {
    private ClearIdentifiers() {}

    /** Every row of every Parquet file under {@code roots}, as JSON text (lower case). */
    public static List<String> everyRowAsText(SparkSession spark, Path... roots) {
        List<String> rows = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                // One read per folder of Parquet files (a table or one partition of it), not per file.
                for (Path folder : s.filter(f -> f.getFileName().toString().endsWith(".parquet"))
                        .map(Path::getParent)
                        .distinct()
                        .toList()) {
                    spark.read()
                            .parquet(folder.toString())
                            .toJSON()
                            .collectAsList()
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

    /**
     * Asserts that no identifier appears as a whole word (not inside a longer run of letters and digits) in any row,
     * both compared in lower case. One pass per row and distinct identifier length: a regular expression per
     * identifier and row took minutes once children's services brought thousands of people.
     */
    public static void assertNoWholeWord(List<String> rowsAsText, Collection<String> identifiers) {
        assertThat(rowsAsText).as("rows written").isNotEmpty();
        Set<String> ids =
                identifiers.stream().map(i -> i.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        int[] lengths =
                ids.stream().mapToInt(String::length).distinct().sorted().toArray();
        for (String r : rowsAsText) {
            for (int start = 0; start < r.length(); start++) {
                if (start > 0 && isWordChar(r.charAt(start - 1))) {
                    continue;
                }
                for (int len : lengths) {
                    int end = start + len;
                    if (end > r.length()) {
                        break;
                    }
                    if ((end == r.length() || !isWordChar(r.charAt(end))) && ids.contains(r.substring(start, end))) {
                        throw new AssertionError("a row contains the identifier " + r.substring(start, end) + ": " + r);
                    }
                }
            }
        }
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
