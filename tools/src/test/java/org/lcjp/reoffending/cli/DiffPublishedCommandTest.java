package org.lcjp.reoffending.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.testing.SparkTestSession;

/** diff-published: figures compared as multisets; the research release's person ids only as labels of event sets. */
class DiffPublishedCommandTest {
    private static final StructType EVENTS = new StructType()
            .add("research_person_id", DataTypes.StringType)
            .add("event_type", DataTypes.StringType)
            .add("year", DataTypes.IntegerType);
    private static final StructType FIGURES =
            new StructType().add("cohort", DataTypes.StringType).add("rate", DataTypes.DoubleType);

    @TempDir
    Path tmp;

    @Test
    void personsNamedDifferentlyAreTheSameReleaseButEventsMovedBetweenPersonsAreNot() {
        List<Row> a = List.of(
                RowFactory.create("p1", "OFFENCE", 2018),
                RowFactory.create("p1", "INDEX", 2018),
                RowFactory.create("p2", "OFFENCE", 2019));
        List<Row> renamed = List.of(
                RowFactory.create("q9", "OFFENCE", 2018),
                RowFactory.create("q9", "INDEX", 2018),
                RowFactory.create("q1", "OFFENCE", 2019));
        // The same rows once the ids are dropped, but p1's index event now belongs to another person.
        List<Row> moved = List.of(
                RowFactory.create("q9", "OFFENCE", 2018),
                RowFactory.create("q1", "INDEX", 2018),
                RowFactory.create("q1", "OFFENCE", 2019));
        Path left = release("a", a, 0.25);

        StringWriter same = new StringWriter();
        assertThat(compare(left, release("renamed", renamed, 0.25), same)).isZero();
        assertThat(same.toString())
                .contains("research/events      same but for person ids (3 rows; 3 only in A, 3 only in B)")
                .contains("proven_reoffending   same (1 rows");

        StringWriter differs = new StringWriter();
        assertThat(compare(left, release("moved", moved, 0.25), differs)).isEqualTo(1);
        assertThat(differs.toString()).contains("research/events      DIFFERENT");
    }

    @Test
    void aFigureThatMovedIsADifference() {
        List<Row> events = List.of(RowFactory.create("p1", "OFFENCE", 2018));
        StringWriter out = new StringWriter();
        assertThat(compare(release("a", events, 0.25), release("b", events, 0.26), out))
                .isEqualTo(1);
        assertThat(out.toString())
                .contains("proven_reoffending   DIFFERENT (1 rows; 1 only in A, 1 only in B)")
                .contains("research/events      same (1 rows");
    }

    private static int compare(Path a, Path b, StringWriter out) {
        return DiffPublishedCommand.compare(
                SparkTestSession.get(),
                Storage.defaults(),
                StoragePath.local(a),
                StoragePath.local(b),
                List.of(),
                new PrintWriter(out, true));
    }

    private Path release(String name, List<Row> events, double rate) {
        SparkSession spark = SparkTestSession.get();
        Path folder = tmp.resolve(name);
        spark.createDataFrame(events, EVENTS)
                .coalesce(1)
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(folder.resolve("research/events").toString());
        spark.createDataFrame(List.of(RowFactory.create("2018-01-01", rate)), FIGURES)
                .coalesce(1)
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(folder.resolve("proven_reoffending").toString());
        return folder;
    }
}
