package org.lcjp.reoffending.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.testing.SparkTestSession;

class StagedRecordsTest {
    private static final StructType ACCEPTED = new StructType()
            .add("record_id", DataTypes.StringType)
            .add("record_status", DataTypes.StringType)
            .add("source_file", DataTypes.StringType)
            .add("source_line", DataTypes.LongType)
            .add("extract_date", DataTypes.DateType)
            .add("outcome_type", DataTypes.StringType);

    private static Row row(String id, String status, String file, long line, String date, String value) {
        return RowFactory.create(id, status, file, line, Date.valueOf(date), value);
    }

    @Test
    void latestValidRowWinsAndDeletedWithdraws() {
        Dataset<Row> accepted = SparkTestSession.get()
                .createDataFrame(
                        List.of(
                                row("A", "ACTIVE", "f1", 2, "2024-01-01", "old"),
                                row("A", "ACTIVE", "f2", 5, "2024-01-02", "new"),
                                row("B", "ACTIVE", "f1", 3, "2024-01-01", "first"),
                                row("B", "ACTIVE", "f1", 4, "2024-01-01", "second"),
                                row("C", "ACTIVE", "f1", 5, "2024-01-01", "gone"),
                                row("C", "DELETED", "f2", 2, "2024-01-02", null),
                                row("D", "ACTIVE", "f3", 2, "2024-03-01", "after as-of")),
                        ACCEPTED);

        StagedRecords.Resolved r = new StagedRecords().apply(accepted, LocalDate.of(2024, 2, 1));

        for (boolean broadcast : List.of(true, false)) {
            Map<String, String> staged = r.staged(broadcast).collectAsList().stream()
                    .collect(Collectors.toMap(x -> x.getAs("record_id"), x -> x.getAs("outcome_type")));
            assertThat(staged)
                    .as("broadcast join " + broadcast)
                    .containsExactlyInAnyOrderEntriesOf(Map.of("A", "new", "B", "second"));
            assertThat(r.staged(broadcast).columns()).doesNotContain("record_status");
        }
        assertThat(r.perFileFigures())
                .as("superseded, deleted, in force per file")
                .containsExactlyInAnyOrder(
                        new StagedRecords.FileResolution("f1", 3, 0, 1),
                        new StagedRecords.FileResolution("f2", 0, 1, 1));
    }
}
