package org.lcjp.reoffending.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.testing.Extracts;
import org.lcjp.reoffending.testing.SparkTestSession;

/** Reading a file in several tasks gives exactly the rows (and lines) of reading it in one, each task one file. */
class ExtractReaderTest {
    @TempDir
    Path root;

    private ExtractFile file(String name, String... lines) {
        Path p = Extracts.write(root, "police", "outcomes", name, lines);
        return new ExtractFile(
                p, "police/outcomes/" + name, "police", "outcomes", LocalDate.of(2024, 2, 1), "READ", null);
    }

    private static List<String> rows(Dataset<Row> raw) {
        return raw
                .select(functions.concat_ws(
                        "|",
                        functions.col("source_file"),
                        functions.col("source_line"),
                        functions.coalesce(functions.col("record_id"), functions.lit("-")),
                        functions.coalesce(functions.col("forename"), functions.lit("-")),
                        functions.coalesce(functions.col(ExtractReader.PARSE_RULE), functions.lit("ok"))))
                .collectAsList()
                .stream()
                .map(r -> r.getString(0))
                .sorted()
                .collect(Collectors.toList());
    }

    @Test
    void chunkedReadingKeepsEveryRecordAndItsLine() {
        ExtractFile a = file(
                "outcomes_20240101.csv",
                Extracts.POLICE_HEADER,
                Extracts.police("1", "ann", "lee"),
                Extracts.police("2", "\"multi\nline\"", "lee"),
                "3,broken",
                Extracts.police("4", "bob", "ray"),
                Extracts.police("5", "cy", "ray"));
        ExtractFile b = file("outcomes_20240201.csv", Extracts.POLICE_HEADER, Extracts.police("6", "di", "fox"));
        ExtractFile empty = file("outcomes_20240301.csv", Extracts.POLICE_HEADER);
        var spec = Datasets.spec(Datasets.POLICE_OUTCOMES);
        List<ExtractFile> files = List.of(a, b, empty);

        Dataset<Row> whole = new ExtractReader(50, Long.MAX_VALUE / 2).read(SparkTestSession.get(), spec, files);
        Dataset<Row> split = new ExtractReader(50, 64).read(SparkTestSession.get(), spec, files);

        List<String> expected = rows(whole);
        assertThat(expected)
                .as("lines count from the header's line 1; a quoted line break spans lines 3-4")
                .hasSize(6)
                .anyMatch(r -> r.endsWith("20240101.csv|6|4|bob|ok"))
                .anyMatch(r -> r.endsWith("20240101.csv|5|-|-|WRONG_FIELD_COUNT"))
                .anyMatch(r -> r.endsWith("20240101.csv|3|2|multi\nline|ok"));
        assertThat(rows(split)).isEqualTo(expected);
        assertThat(split.rdd().getNumPartitions())
                .as("a file of several chunks is read by several tasks")
                .isGreaterThan(files.size());
        long mixed = split.groupBy(functions.spark_partition_id())
                .agg(functions.countDistinct(functions.col("source_file")).as("n"))
                .filter(functions.col("n").gt(1))
                .count();
        assertThat(mixed).as("no task holds rows of two files").isZero();
    }
}
