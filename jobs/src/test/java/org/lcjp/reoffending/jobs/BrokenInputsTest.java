package org.lcjp.reoffending.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcjp.reoffending.domain.FileReport;
import org.lcjp.reoffending.ingest.FileReports;
import org.lcjp.reoffending.jobs.results.IngestResult;
import org.lcjp.reoffending.testing.ClearIdentifiers;
import org.lcjp.reoffending.testing.SparkTestSession;

/** Ingests pipeline/src/test/resources/broken-inputs (one of every fault) to completion, every row accounted for. */
class BrokenInputsTest {
    static final Path INPUT = Path.of("../pipeline/src/test/resources/broken-inputs");
    static Path out;
    static IngestResult result;
    static Map<String, FileReport> quality;

    @BeforeAll
    static void ingest(@TempDir Path tmp) {
        SparkSession spark = SparkTestSession.get();
        out = tmp;
        RunContext ctx = TestRuns.context(INPUT, out, LocalDate.of(2024, 2, 1));
        result = new IngestJob().run(spark, ctx);
        quality = spark.read().parquet(ctx.published(IngestJob.DATA_QUALITY).toString()).collectAsList().stream()
                .map(FileReport::fromRow)
                .collect(Collectors.toMap(FileReport::sourceFile, r -> r));
    }

    /** status, read, accepted, quarantined, superseded, deleted, PNC check failures, warnings. */
    private static String figures(String file) {
        FileReport r = quality.get(file);
        return r.status() + " " + r.rowsRead() + " " + r.rowsAccepted() + " " + r.rowsQuarantined() + " "
                + r.rowsSuperseded() + " " + r.rowsDeleted() + " " + r.pncCheckFailures() + " " + r.warnings();
    }

    @Test
    void everyFileIsAccountedFor() {
        Map<String, String> got =
                quality.keySet().stream().collect(Collectors.toMap(f -> f, BrokenInputsTest::figures));
        assertThat(got)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("police/outcomes/outcomes_20240110.csv", "READ 14 6 8 3 0 1 1"),
                        Map.entry("police/outcomes/outcomes_20240120.csv", "READ 4 3 1 0 1 0 0"),
                        Map.entry("police/outcomes/outcomes_20240230.csv", "NOT_READ_BAD_NAME 0 0 0 0 0 0 0"),
                        Map.entry("police/outcomes/Outcomes_20240111.CSV", "NOT_READ_BAD_NAME 0 0 0 0 0 0 0"),
                        Map.entry("police/outcomes/outcomes_20991231.csv", "NOT_READ_AFTER_AS_OF 0 0 0 0 0 0 0"),
                        Map.entry("courts/convictions/convictions_20240115.csv", "READ 5 3 2 0 0 0 2"),
                        Map.entry("prisons/releases/releases_20240115.csv", "REJECTED_FILE 3 0 3 0 0 0 0"),
                        Map.entry("probation/supervision/supervision_20240115.csv", "REJECTED_FILE 0 0 0 0 0 0 0"),
                        Map.entry("yos/outcomes/outcomes_20240115.csv", "READ 0 0 0 0 0 0 0"),
                        Map.entry("checkpoint/referrals/referrals_20240115.csv", "READ 2 1 1 0 0 0 1"),
                        Map.entry("iom/cohort/cohort_20240115.csv", "REJECTED_FILE 2 0 2 0 0 0 0"),
                        Map.entry("substance/treatment/treatment_20240115.csv", "READ 3 2 1 0 0 0 2"),
                        Map.entry("housing/support/support_20240115.csv", "READ 3 3 0 1 1 0 0"),
                        Map.entry("rj/referrals/referrals_20240115.csv", "READ 5 2 3 2 0 0 1"),
                        Map.entry("rj/referrals/referrals_20240125.csv", "READ 2 2 0 0 1 0 0"),
                        Map.entry("family/links/links_20240115.csv", "READ 6 4 2 1 0 0 1"),
                        Map.entry("probation/assessments/assessments_20240115.csv", "READ 9 5 4 2 1 1 2"),
                        Map.entry("fire", "NOT_READ_UNKNOWN_FOLDER 0 0 0 0 0 0 0"),
                        Map.entry("police/arrests", "NOT_READ_UNKNOWN_FOLDER 0 0 0 0 0 0 0"),
                        Map.entry("README.md", "NOT_READ_UNKNOWN_FOLDER 0 0 0 0 0 0 0")));
        assertThat(quality.values()).allMatch(FileReport::reconciles);
    }

    @Test
    void quarantineNamesTheLineAndRule() {
        List<Row> q = SparkTestSession.get()
                .read()
                .parquet(out.resolve("warehouse/quarantine").toString())
                .filter("source_file = 'police/outcomes/outcomes_20240110.csv'")
                .collectAsList();
        Map<Long, String> rules =
                q.stream().collect(Collectors.toMap(r -> r.<Long>getAs("line"), r -> r.<String>getAs("rule")));
        assertThat(rules)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        6L,
                        "MALFORMED_LINE",
                        7L,
                        "WRONG_FIELD_COUNT",
                        8L,
                        "MISSING_REQUIRED_VALUE",
                        9L,
                        "BAD_DATE",
                        10L,
                        "UNKNOWN_CODE",
                        11L,
                        "UNKNOWN_OFFENCE_CODE",
                        12L,
                        "NOT_BEFORE",
                        17L,
                        "DATE_OUT_OF_RANGE"));
        assertThat(quality.get("police/outcomes/outcomes_20240110.csv").quarantinedByRule())
                .containsEntry("MALFORMED_LINE", 1L)
                .containsEntry("NOT_BEFORE", 1L)
                .hasSize(8);
        assertThat(quality.get("prisons/releases/releases_20240115.csv").message())
                .isEqualTo("Cannot read file: required column missing from the header (release_type)");
        assertThat(quality.get("prisons/releases/releases_20240115.csv").quarantinedByRule())
                .containsExactlyEntriesOf(Map.of("MISSING_REQUIRED_COLUMN", 3L));
        assertThat(quality.get("police/outcomes/outcomes_20240110.csv").message())
                .contains("Notes");
        assertThat(quality.get("substance/treatment/treatment_20240115.csv").message())
                .contains("pnc_id");
    }

    /** Line 4 of substance/treatment has Latin-1 bytes in both names: kept, two warnings, file, line and column named. */
    @Test
    void bytesThatAreNotUtf8AreAWarningNamingFileLineAndColumn() {
        String file = "substance/treatment/treatment_20240115.csv";
        assertThat(quality.get(file).message())
                .isEqualTo("Ignored columns not in the contract (pnc_id); " + FileReports.INVALID_UTF8
                        + ": forename at line 4, surname at line 4");
        assertThat(result.invalidUtf8())
                .isEqualTo(List.of(file + ": " + FileReports.INVALID_UTF8 + ": forename at line 4, surname at line 4"));
        assertThat(result.extraColumns()).contains(file + ": Ignored columns not in the contract (pnc_id)");
        assertThat(quality.values().stream()
                        .filter(r -> r.message() != null && r.message().contains("UTF-8"))
                        .count())
                .as("only that file")
                .isEqualTo(1);
        assertThat(rules("rj/referrals/referrals_20240115.csv"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        3L, "REQUIRED_WHEN:outcome_date", 4L, "NOT_BEFORE:outcome_date", 5L, "UNKNOWN_CODE:stage"));
        assertThat(rules("family/links/links_20240115.csv"))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(5L, "UNKNOWN_CODE:role", 6L, "MISSING_REQUIRED_VALUE:date_of_birth"));
    }

    private static Map<Long, String> rules(String file) {
        return SparkTestSession.get()
                .read()
                .parquet(out.resolve("warehouse/quarantine").toString())
                .filter(org.apache.spark.sql.functions.col("source_file").equalTo(file))
                .collectAsList()
                .stream()
                .collect(Collectors.toMap(
                        r -> r.<Long>getAs("line"), r -> r.<String>getAs("rule") + ":" + r.<String>getAs("column")));
    }

    @Test
    void rjReferralsAndFamilyLinksAreStagedWithTheirReferencesPseudonymised() {
        SparkSession spark = SparkTestSession.get();
        List<Row> rj = spark.read()
                .parquet(out.resolve("warehouse/staged/rj_referrals").toString())
                .collectAsList();
        assertThat(rj).hasSize(1);
        assertThat(rj.get(0).<String>getAs("outcome")).isEqualTo("CONFERENCE");
        assertThat(rj.get(0).<String>getAs("referral_source")).isEqualTo("POLICE");
        assertThat(rj.get(0).<String>getAs("rj_ref_token")).hasSize(32);
        List<Row> family = spark.read()
                .parquet(out.resolve("warehouse/staged/family_links").toString())
                .orderBy("record_id")
                .collectAsList();
        assertThat(family).extracting(r -> r.<String>getAs("record_id")).containsExactly("F1", "F2", "F3");
        assertThat(family)
                .extracting(r -> r.<String>getAs("family_ref_token"))
                .doesNotContainNull()
                .containsOnly(family.get(0).<String>getAs("family_ref_token"));
        assertThat(family.get(1).<java.sql.Date>getAs("end_date")).isEqualTo(java.sql.Date.valueOf("2024-01-08"));
        assertThat(family.get(2).<Object>getAs("end_date"))
                .as("end before recorded: nulled")
                .isNull();
        assertThat(List.of(spark.read()
                        .parquet(out.resolve("warehouse/staged/family_links").toString())
                        .columns()))
                .doesNotContain("family_ref", "rj_ref", "forename", "date_of_birth", "pnc_id", "postcode");
    }

    @Test
    void stagesTheRecordsInForce() {
        List<String> police = SparkTestSession.get()
                .read()
                .parquet(out.resolve("warehouse/staged/police_outcomes").toString())
                .collectAsList()
                .stream()
                .map(r -> r.<String>getAs("record_id") + "@" + r.<Long>getAs("source_line") + ":"
                        + r.<String>getAs("offence_code"))
                .sorted()
                .toList();
        assertThat(police)
                .containsExactlyInAnyOrder(
                        "R1@2:008/06", "R11@13:008/01", "R12@15:008/06", "R2@3:105/01", "R20@5:008/20");
        assertThat(SparkTestSession.get()
                        .read()
                        .parquet(out.resolve("warehouse/staged/housing_support").toString())
                        .count())
                .isEqualTo(1);
        assertThat(SparkTestSession.get()
                        .read()
                        .parquet(
                                out.resolve("warehouse/staged/prisons_releases").toString())
                        .count())
                .isZero();
        assertThat(result.rowsOut())
                .as("with substance/treatment line 4 (not UTF-8, kept)")
                .isEqualTo(5 + 3 + 1 + 1 + 1 + 1 + 3 + 2 + 1);
    }

    @Test
    void assessmentsKeepTheirNeedsAndNullWhatIsInvalid() {
        List<Row> q = SparkTestSession.get()
                .read()
                .parquet(out.resolve("warehouse/quarantine").toString())
                .filter("source_file = 'probation/assessments/assessments_20240115.csv'")
                .collectAsList();
        assertThat(q.stream().collect(Collectors.toMap(r -> r.<Long>getAs("line"), r -> r.<String>getAs("rule"))))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        4L,
                        "MISSING_REQUIRED_VALUE",
                        5L,
                        "MISSING_REQUIRED_VALUE",
                        6L,
                        "DATE_OUT_OF_RANGE",
                        10L,
                        "UNKNOWN_CODE"));
        Map<String, Row> staged = SparkTestSession.get()
                .read()
                .parquet(out.resolve("warehouse/staged/probation_assessments").toString())
                .collectAsList()
                .stream()
                .collect(Collectors.toMap(r -> r.<String>getAs("record_id"), r -> r));
        assertThat(staged).containsOnlyKeys("A1", "A2");
        assertThat(staged.get("A1").<String>getAs("reoffending_risk")).isEqualTo("VERY_HIGH");
        assertThat(staged.get("A1").<String>getAs("relationships")).isEqualTo("Y");
        assertThat(staged.get("A1").<String>getAs("crn_token")).isNotNull();
        assertThat(staged.get("A2").<String>getAs("drugs"))
                .as("unknown code nulled")
                .isNull();
        assertThat(staged.get("A2").<String>getAs("alcohol")).isEqualTo("N");
    }

    @Test
    void noIdentifierIsWrittenInClear() {
        List<String> rows = ClearIdentifiers.everyRowAsText(SparkTestSession.get(), out);
        ClearIdentifiers.assertAbsent(
                rows,
                List.of(
                        "Zebedee",
                        "Quixley",
                        "Ottoline",
                        "Vexford",
                        "Barnaby",
                        "Wolstenholme",
                        "Unclosed",
                        "Nomenclature",
                        "Perpetua",
                        "Grimsdyke",
                        "Horatio",
                        "Araminta",
                        "Fothergill",
                        "Leopold",
                        "Ashburnham",
                        "Clementine",
                        "Pettigrew",
                        "Ignatius",
                        "Blenkinsop",
                        "Philippa",
                        "Trelawney",
                        "Cuthbert",
                        "Merriweather",
                        "Millicent",
                        "Gravesend",
                        "Florizel",
                        "Hawksmoor",
                        "Rosalind",
                        "Featherstonehaugh",
                        "Tobias",
                        "Wrenfield",
                        "Eudora",
                        "Pennyworth",
                        "Septimus",
                        "Oakenshaw",
                        "Jemima",
                        "Thistlewood",
                        "Augustus",
                        "Pemberton",
                        "Hermione",
                        "Gascoigne",
                        "Lavinia",
                        "Ormsby",
                        "Bartholomew",
                        "Cholmondeley",
                        "Griselda",
                        "Entwistle",
                        "Odette",
                        "Halloran",
                        "Rupert",
                        "Ditchfield",
                        "Winifred",
                        "Applegarth",
                        "Ambrose",
                        "Kettleborough",
                        "Marmaduke",
                        "Quenby",
                        "Petronella",
                        "Yarwood",
                        "Lysander",
                        "Goodfellow",
                        "Drusilla",
                        "Fairweather",
                        "Evander",
                        "Montmorency",
                        "Hepzibah",
                        "Lockwood",
                        "Peregrine",
                        "Araminta-Rose",
                        "Barnabas",
                        "Wetherell",
                        "Cressida",
                        "RJ-0001",
                        "RJ-0003",
                        "FAM-77",
                        "FAM-78",
                        "1988-04-12",
                        "1993-11-23",
                        "1976-09-03",
                        "2007-02-14",
                        "1969-12-01",
                        "1995-08-30",
                        "2013-06-17",
                        "2015-10-09",
                        "1980-01-19",
                        "DL3 6QQ",
                        "DL36QQ",
                        "DH6 6PP",
                        "DH66PP",
                        "TS7 7LL",
                        "DH5 5NN",
                        "1988/0054321H",
                        "88/54321H",
                        "1995/0777777E",
                        "Eglantine",
                        "Scrimshaw",
                        "Barnabus",
                        "Quenby",
                        "Clemency",
                        "Ravensworth",
                        "Ptolemy",
                        "Warbeck",
                        "Isadora",
                        "Fennimore",
                        "Lysander",
                        "Oxenbury",
                        "Hyacinth",
                        "Dunsinane",
                        "X123456",
                        "X223344",
                        "1983-04-09",
                        "1979-09-19",
                        "1990-02-14",
                        "1969-12-25",
                        "1988-08-28",
                        "1975-05-05",
                        "1993-03-31",
                        "TS2 1PQ",
                        "TS21PQ",
                        "DL3 6GH",
                        "DH2 2JJ",
                        "TS6 7LL",
                        "TS8 9MM",
                        "DH9 9NN",
                        "TS1 4RR",
                        "1998/0054321K",
                        "0054321",
                        "1979/0001234A",
                        "1980-03-14",
                        "1975-06-21",
                        "1999-11-30",
                        "1970-02-02",
                        "1960-07-07",
                        "1984-02-30",
                        "1991-05-05",
                        "1992-08-08",
                        "1993-09-09",
                        "1994-10-10",
                        "1995-12-12",
                        "1996-01-13",
                        "2001-04-04",
                        "02/03/1985",
                        "1985-03-02",
                        "15/07/1979",
                        "1979-07-15",
                        "20/10/1982",
                        "1982-10-20",
                        "1990-01-01",
                        "1966-06-06",
                        "1955-05-15",
                        "1977-07-17",
                        "1978-08-18",
                        "1986-06-16",
                        "1981-01-21",
                        "1982-02-22",
                        "DH1 3LE",
                        "DH13LE",
                        "TS1 2AB",
                        "TS12AB",
                        "DL1 1AA",
                        "DH1 4ZZ",
                        "TS5 5XX",
                        "TS1 1AA",
                        "DH1 1AB",
                        "DH7 7QQ",
                        "DH77QQ",
                        "DH8 8RR",
                        "TS3 3TT",
                        "TS4 4UU",
                        "2001/0012345H",
                        "0012345",
                        "85/123456J",
                        "1985/0123456J",
                        "2001/0012345A",
                        "1999/0000001X"));
    }
}
