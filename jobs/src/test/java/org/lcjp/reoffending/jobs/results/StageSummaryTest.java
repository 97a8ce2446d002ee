package org.lcjp.reoffending.jobs.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.linkage.quality.PairwiseAccuracy;

/**
 * The stage line and the manifest entry a typed result makes: the names, order and printed values the map of figures
 * made before the results were typed (outputs.md names the manifest's fields). No Spark.
 */
class StageSummaryTest {
    private static final StageCost COST = new StageCost(512, 40, 60, 90, 3.1);
    private static Locale before;

    @BeforeAll
    static void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.UK);
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(before);
    }

    @Test
    void linkLineAndManifestEntryKeepTheirNamesOrderAndValues() {
        LinkResult link = new LinkResult(
                        1234,
                        2.5,
                        3,
                        400,
                        500,
                        6000,
                        7000,
                        2,
                        4,
                        "abc",
                        "trained tonight",
                        "2026-01-01",
                        0.1234,
                        0.1,
                        new TreeMap<>(Map.of(0.8, 12L)),
                        List.of(new LinkResult.Step("blocking", 1.24), new LinkResult.Step("scoring", 3.46)),
                        new PairwiseAccuracy.Figures(2, 2, 2),
                        null)
                .withCost(COST);
        assertThat(link.summaryLine())
                .isEqualTo(
                        "link       rows in 1,234  out 1,234  2.5 s  datasets 3  persons 400  profiles 500  "
                                + "pairs 6000  record_pairs 7000  chained_split 2  component_rounds 4  model_hash abc  model_source trained tonight  "
                                + "model_trained_at 2026-01-01  weight_drift_psi 0.1234  drift_warning match weights differ from the model's training "
                                + "ones beyond linkage.model.drift_warn_psi 0.1: consider `reoffending train-linkage`  "
                                + "sensitivity_profiles_reclustered {0.8=12}  steps [blocking 1.2, scoring 3.5]  truth_precision 1.0  truth_recall 1.0  "
                                + "truth_f1 1.0  peak_heap_mb 512  spark_jobs 40  spark_stages 60  spark_tasks 90  cpu_seconds 3.1");
        assertThat(link.manifestEntry().toString())
                .isEqualTo(
                        "{\"stage\":\"link\",\"rows_in\":1234,\"rows_out\":1234,\"seconds\":2.5,"
                                + "\"datasets\":3,\"persons\":400,\"profiles\":500,\"pairs\":6000,\"record_pairs\":7000,\"chained_split\":2,"
                                + "\"component_rounds\":4,\"model_hash\":\"abc\",\"model_source\":\"trained tonight\",\"model_trained_at\":\"2026-01-01\","
                                + "\"weight_drift_psi\":0.1234,\"drift_warning\":\"match weights differ from the model's training ones beyond "
                                + "linkage.model.drift_warn_psi 0.1: consider `reoffending train-linkage`\",\"sensitivity_profiles_reclustered\":{\"0.8\":12},"
                                + "\"steps\":\"[blocking 1.2, scoring 3.5]\",\"truth_precision\":1.0,\"truth_recall\":1.0,\"truth_f1\":1.0,"
                                + "\"peak_heap_mb\":512,\"spark_jobs\":40,\"spark_stages\":60,\"spark_tasks\":90,\"cpu_seconds\":3.1}");
        assertThat(LinkResult.nothingStaged(0.04).summaryLine())
                .isEqualTo("link       rows in 0  out 0  0.0 s  datasets 0");
    }

    @Test
    void ingestListsOnlyWhatHappenedAndRecordsARekeyAfterTheCost() {
        IngestResult quiet = new IngestResult(
                10, 8, 1.0, 1, 2, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 12,
                null, null);
        assertThat(quiet.summaryLine())
                .isEqualTo(
                        "ingest     rows in 10  out 8  1.0 s  files_parsed 1  quarantined 2  warnings 0  tables_restaged 12");
        IngestResult eventful = new IngestResult(
                        10,
                        8,
                        1.0,
                        1,
                        2,
                        0,
                        List.of("a/b/x.csv"),
                        List.of(),
                        List.of("a/b/b_20990101.csv"),
                        List.of(),
                        List.of(),
                        List.of("a/b/y.csv: Ignored columns"),
                        List.of(),
                        1,
                        null,
                        null)
                .withCost(COST)
                .withRekeyedFrom("f00");
        assertThat(eventful.manifestEntry().toString())
                .isEqualTo(
                        "{\"stage\":\"ingest\",\"rows_in\":10,\"rows_out\":8,\"seconds\":1.0,"
                                + "\"files_parsed\":1,\"quarantined\":2,\"warnings\":0,\"rejected_file\":[\"a/b/x.csv\"],"
                                + "\"not_read_after_as_of\":[\"a/b/b_20990101.csv\"],\"extra_columns\":[\"a/b/y.csv: Ignored columns\"],\"tables_restaged\":1,"
                                + "\"peak_heap_mb\":512,\"spark_jobs\":40,\"spark_stages\":60,\"spark_tasks\":90,\"cpu_seconds\":3.1,\"rekeyed_from_key_fingerprint\":\"f00\"}");
    }

    @Test
    void measureCompareServicesAndReportSayTheirFiguresAsBefore() {
        assertThat(new MeasureResult(5, 7, 0.5, null, null, LocalDate.of(2024, 1, 1), 2, 3, 4, 9, null).summaryLine())
                .isEqualTo(
                        "measure    rows in 5  out 7  0.5 s  effective_date none  limited_by as-of date  first_cohort 2024-01-01  "
                                + "final_cohorts 2  provisional_cohorts 3  proven_offences 5  index_events 4  curve_rows 9");
        CompareResult compare = new CompareResult(
                6,
                0.5,
                null,
                LocalDate.of(2025, 10, 1),
                new CompareResult.Matched(3, 4),
                1,
                null,
                0,
                new CompareResult.Matched(1, 3),
                8,
                16,
                null);
        assertThat(compare.summaryLine())
                .isEqualTo(
                        "compare    rows in 0  out 6  0.5 s  from every index date  complete_follow_up_to "
                                + "2025-10-01  diverted_matched 3 of 4  imbalanced 1  iom_matched 1 of 3 (33.3%)  balance 8  iom rows 16");
        assertThat(new CompareResult(
                                0,
                                0.5,
                                LocalDate.of(2020, 4, 1),
                                null,
                                null,
                                0,
                                null,
                                0,
                                new CompareResult.Matched(0, 0),
                                0,
                                0,
                                null)
                        .figures())
                .extracting(Figure::value)
                .containsExactly("first cohort 2020-04-01", "null", "0 of 0", 0, 0);
        ServicesResult services = new ServicesResult(
                5,
                0.5,
                List.of(
                        new ServicesResult.Table("rj_activity", 5L),
                        new ServicesResult.Table("family_offending", null)),
                null);
        assertThat(services.manifestEntry().toString())
                .isEqualTo("{\"stage\":\"services\",\"rows_in\":0,\"rows_out\":5,\"seconds\":0.5,"
                        + "\"rj_activity\":5,\"family_offending\":\"not delivered\"}");
        assertThat(new ReportResult(
                                100, 2, 0.5, "p.xlsx", "p.ods", 30, 7, 9, List.of("data_quality", "iom_pre_post"), null)
                        .summaryLine())
                .isEqualTo("report     rows in 100  out 2  0.5 s  pack p.xlsx  ods p.ods  performance_rows 30  "
                        + "measures_available 7/9  absent data_quality,iom_pre_post");
        assertThat(new SensitivityResult(
                                40,
                                3,
                                0.5,
                                List.of(0.8, 0.9),
                                new TreeMap<>(Map.of(0.8, 41L, 0.9, 40L)),
                                Map.of(0.8, 2L),
                                0.02,
                                null)
                        .manifestEntry()
                        .toString())
                .isEqualTo(
                        "{\"stage\":\"sensitivity\",\"rows_in\":40,\"rows_out\":3,\"seconds\":0.5,"
                                + "\"thresholds\":[0.8,0.9],\"persons\":{\"0.8\":41,\"0.9\":40},\"records_reclustered\":{\"0.8\":2},\"rate_moves\":"
                                + "\"a headline FINAL rate moves by more than linkage.sensitivity.rate_tolerance 0.02 between thresholds (see linkage_sensitivity)\"}");
    }
}
