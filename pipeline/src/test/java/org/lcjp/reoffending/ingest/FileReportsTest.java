package org.lcjp.reoffending.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.DataQualityColumns;
import org.lcjp.reoffending.domain.FileReport;
import org.lcjp.reoffending.io.ExtractFile;
import org.lcjp.reoffending.io.FileFacts;
import org.lcjp.reoffending.io.HeaderMapping;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.testing.SparkTestSession;

/** data_quality's rows from a validation's per-file figures, on tiny in-memory tables (the columns FileCounts.of makes). */
class FileReportsTest {
    private static final String A = "police/outcomes/outcomes_20240110.csv";
    private static final String B = "police/outcomes/outcomes_20240117.csv";
    private static final String C = "police/outcomes/outcomes_20240124.csv";
    private static final List<String> CONTRACT = List.of("record_id", "forename", "surname");

    @Test
    void eachFileGetsItsFiguresByNameWithTheHeaderNotesAndWhereBytesWereNotUtf8() {
        FileCounts counts = new FileCounts(
                table(
                        new StructType()
                                .add("source_file", DataTypes.StringType)
                                .add(DataQualityColumns.ROWS_READ, DataTypes.LongType)
                                .add(DataQualityColumns.ROWS_ACCEPTED, DataTypes.LongType)
                                .add(DataQualityColumns.WARNINGS, DataTypes.LongType)
                                .add(DataQualityColumns.PNC_CHECK_FAILURES, DataTypes.LongType),
                        RowFactory.create(A, 5L, 3L, 1L, 0L),
                        RowFactory.create(B, 2L, 2L, 3L, 1L)),
                table(
                        new StructType()
                                .add("source_file", DataTypes.StringType)
                                .add(DataQualityColumns.ROWS_QUARANTINED, DataTypes.LongType),
                        RowFactory.create(A, 2L)),
                table(
                        new StructType()
                                .add("source_file", DataTypes.StringType)
                                .add("rule", DataTypes.StringType)
                                .add(FileCounts.ROWS, DataTypes.LongType),
                        RowFactory.create(A, "MISSING_REQUIRED", 2L),
                        RowFactory.create(A, "INVALID_DATE", 1L)),
                table(
                        new StructType()
                                .add("source_file", DataTypes.StringType)
                                .add("column", DataTypes.StringType)
                                .add(FileCounts.ROWS, DataTypes.LongType)
                                .add(FileCounts.FIRST_LINE, DataTypes.LongType)
                                .add(FileCounts.LAST_LINE, DataTypes.LongType),
                        RowFactory.create(B, "surname", 2L, 3L, 7L),
                        RowFactory.create(B, "forename", 1L, 4L, 4L)));
        Map<String, FileFacts.Fact> facts = Map.of(
                A, fact(A, HeaderMapping.of(List.of("record_id", "forename", "surname", "pnc_id"), CONTRACT, CONTRACT)),
                B, fact(B, HeaderMapping.of(CONTRACT, CONTRACT, CONTRACT)),
                C, fact(C, HeaderMapping.of(List.of("record_id"), CONTRACT, CONTRACT)));

        List<FileReport> reports =
                FileReports.count(List.of(file(A, "READ"), file(B, "READ"), file(C, "READ")), counts, () -> facts);

        assertThat(reports)
                .containsExactly(
                        new FileReport(
                                A,
                                "police",
                                "outcomes",
                                LocalDate.of(2024, 1, 10),
                                5,
                                3,
                                2,
                                0,
                                0,
                                0,
                                1,
                                Map.of("INVALID_DATE", 1L, "MISSING_REQUIRED", 2L),
                                "READ",
                                FileReports.EXTRA_COLUMNS + " (pnc_id)"),
                        new FileReport(
                                B,
                                "police",
                                "outcomes",
                                LocalDate.of(2024, 1, 17),
                                2,
                                2,
                                0,
                                0,
                                0,
                                1,
                                3,
                                Map.of(),
                                "READ",
                                FileReports.INVALID_UTF8 + ": forename at line 4, surname in 2 rows, lines 3 to 7"),
                        new FileReport(
                                C,
                                "police",
                                "outcomes",
                                LocalDate.of(2024, 1, 24),
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                Map.of(),
                                "REJECTED_FILE",
                                "Cannot read file: required columns missing from the header (forename, surname)"));
        assertThat(reports).allMatch(FileReport::reconciles);
        assertThatThrownBy(() -> FileReports.count(List.of(file(A, "READ")), counts, Map::of))
                .hasMessageContaining("the parser reported nothing for it (" + A + ")");
    }

    @Test
    void dataQualityHoldsDeliveriesUpToTheAsOfDateWithTheirResolutionAndFilesNotRead() {
        FileReport a = FileReport.notRead(A, "police", "outcomes", LocalDate.of(2024, 1, 10), "READ", null);
        FileReport b = FileReport.notRead(B, "police", "outcomes", LocalDate.of(2024, 1, 17), "READ", null);
        Map<String, FileReport> ingested = new LinkedHashMap<>(Map.of(A, a));
        ingested.put(B, b);

        List<FileReport> quality = FileReports.dataQuality(
                List.of(file(A, "READ"), file(C, "NOT_READ_AFTER_AS_OF")),
                ingested,
                Map.of(A, new long[] {4, 1}),
                LocalDate.of(2024, 1, 12));

        assertThat(quality)
                .extracting(
                        FileReport::sourceFile, FileReport::rowsSuperseded, FileReport::rowsDeleted, FileReport::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(A, 4L, 1L, "READ"),
                        org.assertj.core.groups.Tuple.tuple(C, 0L, 0L, "NOT_READ_AFTER_AS_OF"));
    }

    private static Dataset<Row> table(StructType schema, Row... rows) {
        return SparkTestSession.get().createDataFrame(List.of(rows), schema);
    }

    private static FileFacts.Fact fact(String sourceFile, HeaderMapping header) {
        return new FileFacts.Fact(sourceFile, "sha", 10, header);
    }

    private static ExtractFile file(String sourceFile, String status) {
        String date = sourceFile.substring(sourceFile.length() - 12, sourceFile.length() - 4);
        return new ExtractFile(
                StoragePath.local(java.nio.file.Path.of("/nonexistent", sourceFile)),
                sourceFile,
                "police",
                "outcomes",
                LocalDate.parse(date, java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                status,
                null,
                10,
                0);
    }
}
