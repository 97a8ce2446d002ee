package org.lcjp.reoffending.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcjp.reoffending.domain.DataQualityColumns;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.QuarantineColumns;
import org.lcjp.reoffending.domain.QuarantineRule;
import org.lcjp.reoffending.io.ExtractFile;
import org.lcjp.reoffending.io.ExtractReader;
import org.lcjp.reoffending.settings.IngestSettings;
import org.lcjp.reoffending.testing.Extracts;
import org.lcjp.reoffending.testing.SparkTestSession;

/**
 * Bytes that are not UTF-8 are read as U+FFFD and the row kept, with a counted warning naming the file, line and
 * column; a U+FFFD the file really holds (valid UTF-8) is no warning.
 */
class InvalidUtf8Test {
    private static final String FILE = "police/outcomes/outcomes_20240201.csv";
    private static final String VALID = "police/outcomes/outcomes_20240202.csv";
    /** Placeholders in the written text for bytes no UTF-8 encoder writes. */
    private static final Map<Character, byte[]> BAD = Map.of(
            '\u0001', new byte[] {(byte) 0xF6}, // Latin-1 o-umlaut, as a legacy export writes it
            '\u0002', new byte[] {(byte) 0xC3, (byte) 0x28}, // a lead byte with no continuation
            '\u0003', new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // an encoded surrogate (CESU-8)

    @TempDir
    Path root;

    private ExtractFile file(String sourceFile, String... lines) throws IOException {
        byte[] text = String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte b : text) {
            byte[] bad = BAD.get((char) b);
            if (bad != null) {
                bytes.write(bad);
            } else {
                bytes.write(b);
            }
        }
        String name = sourceFile.substring(sourceFile.lastIndexOf('/') + 1);
        Path p = Extracts.write(root, "police", "outcomes", name);
        Files.write(p, bytes.toByteArray());
        return new ExtractFile(p, sourceFile, "police", "outcomes", LocalDate.of(2024, 2, 2), "READ", null);
    }

    private static ValidatedRows validated(List<ExtractFile> files) {
        SparkSession spark = SparkTestSession.get();
        DatasetSpec spec = Datasets.spec(Datasets.POLICE_OUTCOMES);
        Dataset<Row> raw = new ExtractReader(50, 1L << 25).read(spark, spec, files);
        Dataset<Row> offences = spark.read()
                .option("header", "true")
                .csv(Path.of("../conf/reference/offences.csv").toString());
        return new ValidateRows(IngestSettings.defaults()).apply(raw, spec, offences);
    }

    /** kind|file|column-or-rule|figures of FileCounts.together() (file: read, accepted, warnings, PNC failures), sorted. */
    private static List<String> counts(ValidatedRows v) {
        return FileCounts.of(v).together().collectAsList().stream()
                .map(r -> r.getAs(FileCounts.KIND) + "|" + r.getAs("source_file") + "|"
                        + r.getAs(QuarantineColumns.RULE) + "|"
                        + (r.getAs(FileCounts.KIND).equals(FileCounts.KIND_FILE)
                                ? r.getAs(DataQualityColumns.ROWS_READ) + "|"
                                        + r.getAs(DataQualityColumns.ROWS_ACCEPTED) + "|"
                                        + r.getAs(DataQualityColumns.WARNINGS) + "|"
                                        + r.getAs(DataQualityColumns.PNC_CHECK_FAILURES)
                                : r.getAs(FileCounts.ROWS) + "|" + r.getAs(FileCounts.FIRST_LINE) + "|"
                                        + r.getAs(FileCounts.LAST_LINE) + "|0"))
                .sorted()
                .toList();
    }

    /** One read of two files (one Spark plan for the whole class: the validation is wide to plan). */
    @Test
    void invalidBytesAreACountedWarningNamingFileLineAndColumnButAFileReplacementCharacterIsNot() throws IOException {
        ExtractFile bad = file(
                FILE,
                Extracts.POLICE_HEADER,
                Extracts.police("1", "Ann", "Lee"),
                Extracts.police("2", "Bob", "Bj\u0001rk"),
                Extracts.police("3", "Cy\uFFFD", "Ray"),
                Extracts.police("4", "Di\u0002", "Fox\u0003"));
        ExtractFile valid = file(VALID, Extracts.POLICE_HEADER, Extracts.police("5", "\uFFFDnn", "L\uFFFD\uFFFD"));
        ValidatedRows v = validated(List.of(bad, valid));
        v.checked().cache();

        assertThat(counts(v))
                .as("file: read, accepted, warnings; invalid_utf8: values, first and last line")
                .containsExactly(
                        "file|" + FILE + "|null|4|4|3|0",
                        "file|" + VALID + "|null|1|1|0|0",
                        "invalid_utf8|" + FILE + "|forename|1|5|5|0",
                        "invalid_utf8|" + FILE + "|surname|2|3|5|0");
        Map<String, Row> rows = v.checked().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<String>getAs("record_id"), r -> r));
        assertThat(rows.get("2").<String>getAs("surname"))
                .as("read with U+FFFD, row kept")
                .isEqualTo("Bj\uFFFDrk");
        assertThat(rows.get("3").<String>getAs("forename"))
                .as("a U+FFFD of the file is kept as it is")
                .isEqualTo("Cy\uFFFD");
        assertThat(rows.get("4").<String>getAs("surname"))
                .startsWith("Fox\uFFFD")
                .doesNotContain("\uDC80");
        assertThat(rows.get("5").<String>getAs("surname")).isEqualTo("L\uFFFD\uFFFD");
        assertThat(rows.get("3").getList(rows.get("3").fieldIndex(ValidatedRows.WARNINGS)))
                .isEmpty();
        List<Row> warnings = rows.get("2").getList(rows.get("2").fieldIndex(ValidatedRows.WARNINGS));
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).<String>getAs("rule")).isEqualTo(QuarantineRule.INVALID_UTF8);
        assertThat(warnings.get(0).<String>getAs("column")).isEqualTo("surname");
        assertThat(warnings.get(0).<String>getAs("message"))
                .as("names the column, never the value")
                .contains("surname")
                .doesNotContain("Bj")
                .doesNotContain("rk");
        assertThat(rows.values())
                .allMatch(r -> r.getList(r.fieldIndex(ValidatedRows.ERRORS)).isEmpty());
        v.checked().unpersist();
    }
}
