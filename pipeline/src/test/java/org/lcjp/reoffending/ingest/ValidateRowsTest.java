package org.lcjp.reoffending.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.QuarantineColumns;
import org.lcjp.reoffending.io.ExtractFile;
import org.lcjp.reoffending.io.ExtractReader;
import org.lcjp.reoffending.settings.IngestSettings;
import org.lcjp.reoffending.testing.Extracts;
import org.lcjp.reoffending.testing.SparkTestSession;

/** Every value rule of extracts.md, one line per case, checked through the reader and the validation together. */
class ValidateRowsTest {
    private static final String POLICE_HEADER = Extracts.POLICE_HEADER + ",record_status";
    private static final String COURTS_OK =
            "D1,K1,P1,,Eve,Stone,02/03/1985,Female,TS1 1AA,008/01,01/01/2024,05/01/2024,06/01/2024,FINE,,MAGISTRATES";
    private static final String RJ_HEADER = "record_id,rj_ref,pnc_id,forename,surname,date_of_birth,sex,postcode,"
            + "referral_date,referral_source,stage,offence_code,victim_consent,outcome,outcome_date,volunteer_facilitated,"
            + "victim_satisfied";
    private static final String RJ_OK =
            "J1,RJ1,,Eve,Stone,1985-03-02,F,TS1 1AA,2024-01-05,POLICE,OUT_OF_COURT,008/01,Y,"
                    + "CONFERENCE,2024-01-20,Y,Y";
    private static final String FAMILY_HEADER =
            "record_id,family_ref,pnc_id,forename,surname,date_of_birth,sex,postcode," + "role,recorded_date,end_date";
    private static final String FAMILY_OK = "F1,FAM1,,Tom,Stone,2012-05-06,M,TS1 1AA,CHILD,2023-06-01,2024-01-10";
    private static final Map<String, Map<Long, Row>> CHECKED = new HashMap<>();

    /**
     * @param line     the CSV line under test
     * @param errors   expected "RULE:column" errors (empty: accepted)
     * @param warnings expected "RULE:column" warnings
     */
    record Case(String description, String dataset, String line, List<String> errors, List<String> warnings) {
        @Override
        public String toString() {
            return description;
        }
    }

    /** The line with one field replaced. */
    static String with(String line, int field, String value) {
        String[] f = line.split(",", -1);
        f[field] = value;
        return String.join(",", f);
    }

    static String police(int field, String value) {
        return with(Extracts.police("P1", "Anne", "Smith") + ",", field, value);
    }

    static String courts(int field, String value) {
        return with(COURTS_OK, field, value);
    }

    static String rj(int field, String value) {
        return with(RJ_OK, field, value);
    }

    static String family(int field, String value) {
        return with(FAMILY_OK, field, value);
    }

    static Stream<Case> cases() {
        List<String> none = List.of();
        return Stream.of(
                new Case("valid police row", "police", police(0, "P1"), none, none),
                new Case(
                        "codes case-insensitive and trimmed",
                        "police",
                        police(6, " m ").replace("CHARGED", "charged"),
                        none,
                        none),
                new Case(
                        "missing required value",
                        "police",
                        police(4, ""),
                        List.of("MISSING_REQUIRED_VALUE:surname"),
                        none),
                new Case("impossible date", "police", police(5, "1990-13-01"), List.of("BAD_DATE:date_of_birth"), none),
                new Case(
                        "date not in yyyy-MM-dd",
                        "police",
                        police(5, "1990-1-5"),
                        List.of("BAD_DATE:date_of_birth"),
                        none),
                new Case(
                        "date before 1900",
                        "police",
                        police(5, "1899-12-31"),
                        List.of("DATE_OUT_OF_RANGE:date_of_birth"),
                        none),
                new Case(
                        "date after the extract date",
                        "police",
                        police(11, "2024-03-01"),
                        List.of("DATE_OUT_OF_RANGE:outcome_date"),
                        none),
                new Case(
                        "outcome before offence",
                        "police",
                        police(11, "2024-01-01"),
                        List.of("NOT_BEFORE:outcome_date"),
                        none),
                new Case(
                        "unknown code in a required column",
                        "police",
                        police(12, "CHARGD"),
                        List.of("UNKNOWN_CODE:outcome_type"),
                        none),
                new Case("unknown sex code", "police", police(6, "X"), List.of("UNKNOWN_CODE:sex"), none),
                new Case(
                        "unknown code in an optional column",
                        "police",
                        police(7, "PURPLE"),
                        none,
                        List.of("UNKNOWN_CODE:ethnicity")),
                new Case(
                        "offence code not in the reference",
                        "police",
                        police(9, "999/99"),
                        List.of("UNKNOWN_OFFENCE_CODE:offence_code"),
                        none),
                new Case("PNC check letter wrong is not an error", "police", police(2, "2001/0012345A"), none, none),
                new Case("DELETED needs only record_id", "police", "P9,,,,,,,,,,,,,,DELETED", none, none),
                new Case("DELETED is a code like any other", "police", "P9,,,,,,,,,,,,,,deleted", none, none),
                new Case(
                        "DELETED without record_id",
                        "police",
                        ",,,,,,,,,,,,,,DELETED",
                        List.of("MISSING_REQUIRED_VALUE:record_id"),
                        none),
                new Case(
                        "unknown record_status is nulled (ACTIVE)",
                        "police",
                        police(14, "GONE"),
                        none,
                        List.of("UNKNOWN_CODE:record_status")),
                new Case("courts: dd/MM/yyyy and Female", "courts", COURTS_OK, none, none),
                new Case("courts: Male and Unknown map", "courts", courts(7, "male"), none, none),
                new Case(
                        "courts: ISO date is bad there",
                        "courts",
                        courts(10, "2024-01-01"),
                        List.of("BAD_DATE:offence_date"),
                        none),
                new Case(
                        "courts: 31 February",
                        "courts",
                        courts(10, "31/02/2024"),
                        List.of("BAD_DATE:offence_date"),
                        none),
                new Case(
                        "courts: conviction before offence",
                        "courts",
                        courts(11, "31/12/2023"),
                        List.of("NOT_BEFORE:conviction_date"),
                        none),
                new Case(
                        "courts: optional date before conviction is nulled",
                        "courts",
                        courts(12, "04/01/2024"),
                        none,
                        List.of("NOT_BEFORE:sentence_date")),
                new Case(
                        "courts: optional bad date is nulled",
                        "courts",
                        courts(12, "32/01/2024"),
                        none,
                        List.of("BAD_DATE:sentence_date")),
                new Case(
                        "courts: custody without months",
                        "courts",
                        courts(13, "IMMEDIATE_CUSTODY"),
                        List.of("REQUIRED_WHEN:custody_months"),
                        none),
                new Case(
                        "courts: custody with bad months",
                        "courts",
                        courts(13, "IMMEDIATE_CUSTODY").replace(",,MAG", ",six,MAG"),
                        List.of("BAD_DECIMAL:custody_months"),
                        none),
                new Case(
                        "courts: custody with months",
                        "courts",
                        courts(13, "DETENTION_AND_TRAINING_ORDER").replace(",,MAG", ",4.5,MAG"),
                        none,
                        none),
                new Case(
                        "courts: fine with bad months is nulled",
                        "courts",
                        courts(14, "lots"),
                        none,
                        List.of("BAD_DECIMAL:custody_months")),
                new Case("rj: completed conference", "rj", RJ_OK, none, none),
                new Case(
                        "rj: open referral, no outcome yet",
                        "rj",
                        rj(13, "").replace(",2024-01-20,Y,Y", ",,,"),
                        none,
                        none),
                new Case("rj: outcome without its date", "rj", rj(14, ""), List.of("REQUIRED_WHEN:outcome_date"), none),
                new Case(
                        "rj: outcome dated before the referral",
                        "rj",
                        rj(14, "2024-01-01"),
                        List.of("NOT_BEFORE:outcome_date"),
                        none),
                new Case(
                        "rj: outcome date before the referral without an outcome is nulled",
                        "rj",
                        rj(13, "").replace(",2024-01-20,", ",2024-01-01,"),
                        none,
                        List.of("NOT_BEFORE:outcome_date")),
                new Case(
                        "rj: unknown outcome is nulled",
                        "rj",
                        rj(13, "APOLOGY"),
                        none,
                        List.of("UNKNOWN_CODE:outcome")),
                new Case("rj: unknown source", "rj", rj(9, "SCHOOL"), List.of("UNKNOWN_CODE:referral_source"), none),
                new Case("rj: unknown stage", "rj", rj(10, "AFTER"), List.of("UNKNOWN_CODE:stage"), none),
                new Case(
                        "rj: optional offence code not in the reference is nulled",
                        "rj",
                        rj(11, "999/99"),
                        none,
                        List.of("UNKNOWN_OFFENCE_CODE:offence_code")),
                new Case("rj: missing rj_ref", "rj", rj(1, ""), List.of("MISSING_REQUIRED_VALUE:rj_ref"), none),
                new Case("family: child with an ended membership", "family", FAMILY_OK, none, none),
                new Case(
                        "family: unknown role", "family", family(8, "GRANDPARENT"), List.of("UNKNOWN_CODE:role"), none),
                new Case(
                        "family: end before recorded is nulled",
                        "family",
                        family(10, "2023-01-01"),
                        none,
                        List.of("NOT_BEFORE:end_date")),
                new Case(
                        "family: missing recorded date",
                        "family",
                        family(9, ""),
                        List.of("MISSING_REQUIRED_VALUE:recorded_date"),
                        none),
                new Case(
                        "family: missing family_ref",
                        "family",
                        family(1, ""),
                        List.of("MISSING_REQUIRED_VALUE:family_ref"),
                        none));
    }

    @BeforeAll
    static void validateEveryCase(@org.junit.jupiter.api.io.TempDir Path root) {
        SparkSession spark = SparkTestSession.get();
        Map<String, List<String>> lines = Map.of(
                "police",
                new ArrayList<>(List.of(POLICE_HEADER)),
                "courts",
                new ArrayList<>(List.of(Extracts.COURTS_HEADER)),
                "rj",
                new ArrayList<>(List.of(RJ_HEADER)),
                "family",
                new ArrayList<>(List.of(FAMILY_HEADER)));
        cases().forEach(c -> lines.get(c.dataset()).add(c.line()));
        run(spark, root, Datasets.POLICE_OUTCOMES, "outcomes_20240201.csv", lines.get("police"));
        run(spark, root, Datasets.COURTS_CONVICTIONS, "convictions_20240201.csv", lines.get("courts"));
        run(spark, root, Datasets.RJ_REFERRALS, "referrals_20240201.csv", lines.get("rj"));
        run(spark, root, Datasets.FAMILY_LINKS, "links_20240201.csv", lines.get("family"));
    }

    private static void run(
            SparkSession spark, Path root, org.lcjp.reoffending.domain.DatasetId id, String name, List<String> lines) {
        Path file = Extracts.write(root, id.agency(), id.dataset(), name, lines.toArray(String[]::new));
        DatasetSpec spec = Datasets.spec(id);
        ExtractFile f = new ExtractFile(
                file, id.path() + "/" + name, id.agency(), id.dataset(), LocalDate.of(2024, 2, 1), "READ", null);
        Dataset<Row> raw = new ExtractReader(50, 1L << 25).read(spark, spec, List.of(f));
        Dataset<Row> offences = spark.read()
                .option("header", "true")
                .csv(Path.of("../conf/reference/offences.csv").toString());
        Map<Long, Row> byLine = new HashMap<>();
        new ValidateRows(IngestSettings.defaults())
                .apply(raw, spec, offences)
                .checked()
                .collectAsList()
                .forEach(r -> byLine.put(r.<Long>getAs("source_line"), r));
        CHECKED.put(id.agency(), byLine);
    }

    private static Row row(Case c) {
        long line = 2;
        for (Case x : cases().toList()) {
            if (x.dataset().equals(c.dataset())) {
                if (x.description().equals(c.description())) {
                    return CHECKED.get(c.dataset()).get(line);
                }
                line++;
            }
        }
        throw new IllegalArgumentException(c.description());
    }

    private static List<String> problems(Row r, String field) {
        List<Row> p = r.getList(r.fieldIndex(field));
        return p.stream().map(x -> x.getAs("rule") + ":" + x.getAs("column")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void appliesTheRule(Case c) {
        Row r = row(c);
        assertThat(problems(r, ValidatedRows.ERRORS))
                .as("errors of " + c.description())
                .containsExactlyInAnyOrderElementsOf(c.errors());
        assertThat(problems(r, ValidatedRows.WARNINGS))
                .as("warnings of " + c.description())
                .containsExactlyInAnyOrderElementsOf(c.warnings());
    }

    @Test
    void typesAndNormalisesValues() {
        Row courts = row(cases().filter(c -> c.description().equals("courts: Male and Unknown map"))
                .findFirst()
                .orElseThrow());
        assertThat(courts.<String>getAs("sex")).isEqualTo("M");
        assertThat(courts.<java.sql.Date>getAs("offence_date").toLocalDate()).isEqualTo(LocalDate.of(2024, 1, 1));
        Row custody = row(cases().filter(c -> c.description().equals("courts: custody with months"))
                .findFirst()
                .orElseThrow());
        assertThat(custody.<Double>getAs("custody_months")).isEqualTo(4.5);
        Row nulled = row(cases().filter(c -> c.description().startsWith("courts: optional date before"))
                .findFirst()
                .orElseThrow());
        assertThat(nulled.<Object>getAs("sentence_date")).isNull();
        Row ethnicity = row(cases().filter(c -> c.description().equals("unknown code in an optional column"))
                .findFirst()
                .orElseThrow());
        assertThat(ethnicity.<Object>getAs("ethnicity")).isNull();
        Row status = row(cases().filter(c -> c.description().startsWith("unknown record_status"))
                .findFirst()
                .orElseThrow());
        assertThat(status.<String>getAs("record_status")).isEqualTo("ACTIVE");
        Row deleted = row(cases().filter(c -> c.description().equals("DELETED is a code like any other"))
                .findFirst()
                .orElseThrow());
        assertThat(deleted.<String>getAs("record_status")).isEqualTo("DELETED");
        Row pnc = row(cases().filter(c -> c.description().startsWith("PNC check letter"))
                .findFirst()
                .orElseThrow());
        assertThat(pnc.<Boolean>getAs(ValidatedRows.PNC_CHECK_FAILED)).isTrue();
    }

    @Test
    void anOptionalDateThatBreaksARuleIsNulledUnlessTheRowNeedsIt() {
        Row open = row(cases().filter(c -> c.description().startsWith("rj: outcome date before the referral without"))
                .findFirst()
                .orElseThrow());
        assertThat(open.<Object>getAs("outcome_date")).isNull();
        Row ended = row(cases().filter(c -> c.description().startsWith("family: end before recorded"))
                .findFirst()
                .orElseThrow());
        assertThat(ended.<Object>getAs("end_date")).isNull();
        Row done = row(cases().filter(c -> c.description().equals("rj: completed conference"))
                .findFirst()
                .orElseThrow());
        assertThat(done.<java.sql.Date>getAs("outcome_date").toLocalDate()).isEqualTo(LocalDate.of(2024, 1, 20));
    }

    @Test
    void messagesShowShapesNotIdentifiers() {
        Row dob = row(cases().filter(c -> c.description().equals("impossible date"))
                .findFirst()
                .orElseThrow());
        Row problem = dob.<Row>getList(dob.fieldIndex(ValidatedRows.ERRORS)).get(0);
        assertThat(problem.<String>getAs("message"))
                .isEqualTo("Cannot read date_of_birth: not a date in the form yyyy-MM-dd (shape 9999-99-99)");
        Row code = row(cases().filter(c -> c.description().equals("unknown code in a required column"))
                .findFirst()
                .orElseThrow());
        assertThat(code.<Row>getList(code.fieldIndex(ValidatedRows.ERRORS))
                        .get(0)
                        .<String>getAs("message"))
                .endsWith("(shape AAAAAA)");
    }

    /** Identifiers of someone (not the row's own person) typed into the wrong column, as an agency's export might. */
    private static final List<String> PLANTED = List.of(
            "Margaret Johnson 1987-10-16", "Johnson", "1987-10-16", "16/10/1987", "TS7 9QR", "TS79QR", "1999/0054321K");

    private static final List<String> PLANTED_PARTS =
            List.of("Margaret", "Johnson", "1987-10-16", "16/10/1987", "1987", "TS7 9QR", "TS79QR", "9QR", "0054321");

    /**
     * Every planted identifier in every column of two datasets, each row also broken elsewhere so that it is
     * quarantined: no quarantine column (record_id included) holds any part of them.
     */
    @Test
    void quarantineNeverShowsAnIdentifierWhateverTheColumn(@org.junit.jupiter.api.io.TempDir Path root) {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> offences = spark.read()
                .option("header", "true")
                .csv(Path.of("../conf/reference/offences.csv").toString());
        long quarantinedRows = 0;
        for (String dataset : List.of("police", "courts")) {
            boolean police = dataset.equals("police");
            org.lcjp.reoffending.domain.DatasetId id = police ? Datasets.POLICE_OUTCOMES : Datasets.COURTS_CONVICTIONS;
            int columns = (police ? POLICE_HEADER : Extracts.COURTS_HEADER).split(",").length;
            // outcome_type / disposal: broken in every row, so each row is quarantined whatever the planted column.
            int broken = police ? 12 : 13;
            List<String> lines = new ArrayList<>(List.of(police ? POLICE_HEADER : Extracts.COURTS_HEADER));
            for (int column = 0; column < columns; column++) {
                for (String planted : PLANTED) {
                    String line = police ? police(broken, "NOT_A_CODE") : courts(broken, "NOT_A_CODE");
                    String[] f = line.split(",", -1);
                    f[column] = planted;
                    lines.add(String.join(",", f));
                }
            }
            String name = (police ? "outcomes" : "convictions") + "_20240201.csv";
            Path file = Extracts.write(root, id.agency(), id.dataset(), name, lines.toArray(String[]::new));
            ExtractFile f = new ExtractFile(
                    file, id.path() + "/" + name, id.agency(), id.dataset(), LocalDate.of(2024, 2, 1), "READ", null);
            Dataset<Row> raw = new ExtractReader(50, 1L << 25).read(spark, Datasets.spec(id), List.of(f));
            ValidatedRows validated =
                    new ValidateRows(IngestSettings.defaults()).apply(raw, Datasets.spec(id), offences);
            List<Row> quarantine = validated.quarantined().collectAsList();
            quarantinedRows += quarantine.stream()
                    .map(r -> r.getAs(QuarantineColumns.LINE))
                    .distinct()
                    .count();
            for (Row r : quarantine) {
                for (int i = 0; i < r.size(); i++) {
                    String cell = String.valueOf(r.get(i));
                    for (String part : PLANTED_PARTS) {
                        assertThat(cell)
                                .as(r.schema().fieldNames()[i] + " of " + r)
                                .doesNotContain(part);
                    }
                }
            }
            assertThat(quarantine).anyMatch(r -> "shape 9999/9999999A".equals(r.getAs(QuarantineColumns.RECORD_ID)));
        }
        // One quarantined line per planted value and column (the ones planted into the broken column too).
        assertThat(quarantinedRows)
                .isEqualTo((long) PLANTED.size()
                        * (POLICE_HEADER.split(",").length + Extracts.COURTS_HEADER.split(",").length));
    }

    @Test
    void offenceReferenceFileExists() {
        assertThat(Files.exists(Path.of("../conf/reference/offences.csv"))).isTrue();
    }
}
