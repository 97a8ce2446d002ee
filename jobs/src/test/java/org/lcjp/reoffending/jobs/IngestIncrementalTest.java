package org.lcjp.reoffending.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcjp.reoffending.domain.FileReport;
import org.lcjp.reoffending.jobs.results.IngestResult;
import org.lcjp.reoffending.testing.Extracts;
import org.lcjp.reoffending.testing.SparkTestSession;

/** Night after night: only new or changed files are parsed, reruns change nothing, an earlier as-of sees its night. */
class IngestIncrementalTest {
    private static final LocalDate NIGHT_1 = LocalDate.of(2024, 1, 15);
    private static final LocalDate NIGHT_2 = LocalDate.of(2024, 1, 25);
    private static final String FILE_1 = "police/outcomes/outcomes_20240110.csv";
    private static final String FILE_2 = "police/outcomes/outcomes_20240120.csv";

    @TempDir
    Path tmp;

    private IngestResult run(Path in, LocalDate asOf) {
        return new IngestJob().run(SparkTestSession.get(), TestRuns.context(in, tmp.resolve("out"), asOf));
    }

    private List<String> staged() {
        return SparkTestSession.get()
                .read()
                .parquet(tmp.resolve("out/warehouse/staged/police_outcomes").toString())
                .toJSON()
                .collectAsList()
                .stream()
                .sorted()
                .toList();
    }

    private List<String> stagedIds() {
        return SparkTestSession.get()
                .read()
                .parquet(tmp.resolve("out/warehouse/staged/police_outcomes").toString())
                .collectAsList()
                .stream()
                .map(r -> r.<String>getAs("record_id") + ":" + r.<String>getAs("outcome_type"))
                .sorted()
                .toList();
    }

    private Map<String, FileReport> quality(LocalDate asOf) {
        return SparkTestSession.get()
                .read()
                .parquet(tmp.resolve("out/publishing-" + asOf + "/data_quality").toString())
                .collectAsList()
                .stream()
                .map(FileReport::fromRow)
                .collect(Collectors.toMap(FileReport::sourceFile, r -> r));
    }

    @Test
    void ingestsNightByNight() {
        SparkSession spark = SparkTestSession.get();
        Path in = tmp.resolve("in");
        Extracts.write(
                in,
                "police",
                "outcomes",
                "outcomes_20240110.csv",
                Extracts.POLICE_HEADER,
                Extracts.police("A", "Zebedee", "Quixley"),
                Extracts.police("B", "Ottoline", "Vexford"));

        IngestResult first = StageSparkJobs.run(spark, "ingest", StageSparkJobs.INGEST, () -> run(in, NIGHT_1));
        assertThat(first.filesParsed()).isEqualTo(1);
        assertThat(first.tablesRestaged())
                .isEqualTo(org.lcjp.reoffending.domain.Datasets.all().size());
        List<String> night1 = staged();
        assertThat(stagedIds()).containsExactly("A:CHARGED", "B:CHARGED");

        Extracts.write(
                in,
                "police",
                "outcomes",
                "outcomes_20240120.csv",
                Extracts.POLICE_HEADER + ",record_status",
                Extracts.police("A", "Zebedee", "Quixley").replace("CHARGED", "ADULT_CAUTION") + ",",
                "B,,,,,,,,,,,,,,DELETED",
                Extracts.police("C", "Florizel", "Hawksmoor") + ",");
        IngestResult second = run(in, NIGHT_2);
        assertThat(second.filesParsed()).as("only the new file is parsed").isEqualTo(1);
        assertThat(second.tablesRestaged())
                .as("only its dataset's table is staged again")
                .isEqualTo(1);
        assertThat(second.rowsIn()).isEqualTo(3);
        assertThat(stagedIds()).containsExactly("A:ADULT_CAUTION", "C:CHARGED");
        Map<String, FileReport> q2 = quality(NIGHT_2);
        assertThat(q2.get(FILE_1).rowsSuperseded()).isEqualTo(2);
        assertThat(q2.get(FILE_2).rowsDeleted()).isEqualTo(1);
        List<String> night2 = staged();

        IngestResult rerun = run(in, NIGHT_2);
        assertThat(List.of(rerun.filesParsed(), rerun.tablesRestaged())).containsExactly(0, 0);
        assertThat(rerun.rowsIn()).isZero();
        assertThat(staged()).as("a rerun with no new files changes nothing").isEqualTo(night2);
        assertThat(quality(NIGHT_2)).isEqualTo(q2);

        run(in, NIGHT_1);
        assertThat(staged()).as("an earlier as-of sees what that night saw").isEqualTo(night1);
        assertThat(quality(NIGHT_1).get(FILE_2).status()).isEqualTo("NOT_READ_AFTER_AS_OF");
        assertThat(quality(NIGHT_1).get(FILE_1).rowsSuperseded()).isZero();

        Extracts.write(
                in,
                "police",
                "outcomes",
                "outcomes_20240110.csv",
                Extracts.POLICE_HEADER,
                Extracts.police("B", "Ottoline", "Vexford").replace("CHARGED", "PENALTY_NOTICE"));
        IngestResult changed = run(in, NIGHT_2);
        assertThat(changed.filesParsed()).as("a changed file is parsed again").isEqualTo(1);
        assertThat(spark.read()
                        .parquet(tmp.resolve("out/warehouse/accepted/police_outcomes")
                                .toString())
                        .filter("source_file = '" + FILE_1 + "'")
                        .count())
                .as("its old rows are replaced")
                .isEqualTo(1);
        assertThat(quality(NIGHT_2).get(FILE_1).rowsRead()).isEqualTo(1);
        assertThat(stagedIds()).containsExactly("A:ADULT_CAUTION", "C:CHARGED");
    }
}
