package org.lcjp.reoffending.measures;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.settings.MeasuresSettings;
import org.lcjp.reoffending.testing.SparkTestSession;

/**
 * Tiny hand-built staged tables, linkage and reference data. Each row names its person; record_person is derived.
 * Offence codes: V1 (violence, harm 100), V2 (violence, harm 100), T1 (theft, harm 50), D1 (drugs, harm 20),
 * BR (breach, harm 10).
 */
final class MeasureFixtures {
    static final PseudonymisationKey KEY =
            PseudonymisationKey.of("measures-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8), "test");
    static final DateOfBirthCipher CIPHER = new DateOfBirthCipher(KEY);

    private static final StructType IDENTITY = new StructType()
            .add("agency", DataTypes.StringType)
            .add("dataset", DataTypes.StringType)
            .add("record_id", DataTypes.StringType)
            .add("sex", DataTypes.StringType)
            .add("postcode_district", DataTypes.StringType)
            .add("event_date", DataTypes.DateType)
            .add("dob_cipher", DataTypes.BinaryType);
    static final StructType COURTS = IDENTITY.add("offence_code", DataTypes.StringType)
            .add("offence_date", DataTypes.DateType)
            .add("conviction_date", DataTypes.DateType)
            .add("disposal", DataTypes.StringType)
            .add("custody_months", DataTypes.DoubleType);
    static final StructType POLICE = IDENTITY.add("ethnicity", DataTypes.StringType)
            .add("offence_code", DataTypes.StringType)
            .add("offence_date", DataTypes.DateType)
            .add("outcome_date", DataTypes.DateType)
            .add("outcome_type", DataTypes.StringType);
    static final StructType YOS = POLICE;
    static final StructType PRISONS = new StructType()
            .add("agency", DataTypes.StringType)
            .add("dataset", DataTypes.StringType)
            .add("record_id", DataTypes.StringType)
            .add("sex", DataTypes.StringType)
            .add("event_date", DataTypes.DateType)
            .add("dob_cipher", DataTypes.BinaryType)
            .add("reception_date", DataTypes.DateType)
            .add("release_date", DataTypes.DateType)
            .add("release_type", DataTypes.StringType)
            .add("sentence_months", DataTypes.DoubleType);

    record Person(String dob, String sex, String ethnicity, String postcode) {}

    private final Map<String, Person> people = new HashMap<>();
    private final List<Row> courts = new ArrayList<>();
    private final List<Row> police = new ArrayList<>();
    private final List<Row> yos = new ArrayList<>();
    private final List<Row> prisons = new ArrayList<>();
    private final List<Row> links = new ArrayList<>();
    private int next;

    MeasureFixtures person(String id, String dob, String sex, String ethnicity, String postcode) {
        people.put(id, new Person(dob, sex, ethnicity, postcode));
        return this;
    }

    private Person who(String id) {
        return people.computeIfAbsent(id, k -> new Person("1990-01-01", "M", "WHITE", "DH1"));
    }

    private String link(String agency, String dataset, String person) {
        String rid = agency.substring(0, 1) + (++next);
        links.add(RowFactory.create(agency, dataset, rid, person, "DETERMINISTIC", 1.0));
        return rid;
    }

    MeasureFixtures court(
            String person, String code, String offence, String conviction, String disposal, Double custodyMonths) {
        Person p = who(person);
        String rid = link("courts", "convictions", person);
        courts.add(RowFactory.create(
                "courts",
                "convictions",
                rid,
                p.sex(),
                p.postcode(),
                d(offence),
                dob(p),
                code,
                d(offence),
                d(conviction),
                disposal,
                custodyMonths));
        return this;
    }

    MeasureFixtures court(String person, String code, String offence, String conviction, String disposal) {
        return court(person, code, offence, conviction, disposal, null);
    }

    MeasureFixtures police(String person, String code, String offence, String outcome, String type) {
        Person p = who(person);
        String rid = link("police", "outcomes", person);
        police.add(RowFactory.create(
                "police",
                "outcomes",
                rid,
                p.sex(),
                p.postcode(),
                d(outcome),
                dob(p),
                p.ethnicity(),
                code,
                d(offence),
                d(outcome),
                type));
        return this;
    }

    MeasureFixtures yos(String person, String code, String offence, String outcome, String type) {
        Person p = who(person);
        String rid = link("yos", "outcomes", person);
        yos.add(RowFactory.create(
                "yos",
                "outcomes",
                rid,
                p.sex(),
                p.postcode(),
                d(outcome),
                dob(p),
                p.ethnicity(),
                code,
                d(offence),
                d(outcome),
                type));
        return this;
    }

    MeasureFixtures release(String person, String released, double sentenceMonths, String type) {
        Person p = who(person);
        String rid = link("prisons", "releases", person);
        prisons.add(RowFactory.create(
                "prisons",
                "releases",
                rid,
                p.sex(),
                d(released),
                dob(p),
                d(released),
                d(released),
                type,
                sentenceMonths));
        return this;
    }

    MeasureFixtures release(String person, String released, double sentenceMonths) {
        return release(person, released, sentenceMonths, "SENTENCED");
    }

    static Date d(String date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static byte[] dob(Person p) {
        return p.dob() == null ? null : CIPHER.encrypt(LocalDate.parse(p.dob()));
    }

    static SparkSession spark() {
        try {
            // The session's temporary directories live under java.io.tmpdir (target/tmp), absent in a clean build.
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the test temporary directory", e);
        }
        return SparkTestSession.get();
    }

    Dataset<Row> courts() {
        return spark().createDataFrame(courts, COURTS);
    }

    Dataset<Row> police() {
        return spark().createDataFrame(police, POLICE);
    }

    Dataset<Row> yos() {
        return spark().createDataFrame(yos, YOS);
    }

    Dataset<Row> prisons() {
        return spark().createDataFrame(prisons, PRISONS);
    }

    Dataset<Row> recordPerson() {
        return spark().createDataFrame(links, RecordPersonColumns.SCHEMA);
    }

    static Dataset<Row> offences() {
        StructType s = new StructType()
                .add("offence_code", DataTypes.StringType)
                .add("description", DataTypes.StringType)
                .add("offence_group", DataTypes.StringType)
                .add("is_breach", DataTypes.StringType)
                .add("harm_days", DataTypes.StringType);
        return spark().createDataFrame(
                        List.of(
                                RowFactory.create("V1", "Assault", "Violence", "N", "100"),
                                RowFactory.create("V2", "Wounding", "Violence", "N", "100"),
                                RowFactory.create("T1", "Theft", "Theft", "N", "50"),
                                RowFactory.create("D1", "Possession", "Drugs", "N", "20"),
                                RowFactory.create("BR", "Breach of order", "Breach", "Y", "10")),
                        s);
    }

    static Dataset<Row> areas() {
        StructType s = new StructType()
                .add("postcode_district", DataTypes.StringType)
                .add("local_authority", DataTypes.StringType)
                .add("force", DataTypes.StringType);
        return spark().createDataFrame(
                        List.of(
                                RowFactory.create("DH1", "County Durham", "DURHAM"),
                                RowFactory.create("TS1", "Middlesbrough", "CLEVELAND")),
                        s);
    }

    MeasureInputs inputs() {
        return new MeasureInputs(
                courts(),
                police(),
                yos(),
                prisons(),
                List.of(courts(), police(), yos(), prisons()),
                recordPerson(),
                offences(),
                areas());
    }

    /** Measures settings of the hand-built tests: every cohort from 2000 on, the contract's provisional minimum. */
    static final MeasuresSettings MEASURES = MeasuresSettings.defaults().withFirstCohort(LocalDate.of(2000, 1, 1));

    MeasureTables run(CohortSettings settings, MeasuresSettings measures, DataCoverage coverage) {
        MeasureInputs in = inputs();
        // Tests break lineage where the job does (it writes these tables), which keeps the plans small.
        return new MeasurePipeline(settings, measures, CIPHER)
                .run(in, coverage, (table, rows) -> rows.localCheckpoint());
    }

    /** Every dataset delivered up to the as-of date, so the effective date is the as-of date. */
    MeasureTables run(CohortSettings settings, String asOf) {
        LocalDate date = LocalDate.parse(asOf);
        return run(settings, MEASURES, DataCoverage.complete(date, date));
    }

    MeasureTables run(String asOf) {
        return run(CohortSettings.defaults(), asOf);
    }

    Dataset<Row> proven(CohortSettings settings) {
        return new ProvenOffences(settings).build(courts(), police(), yos(), recordPerson(), offences());
    }

    Dataset<Row> proven() {
        return proven(CohortSettings.defaults());
    }

    static CohortSettings settings(String period, boolean excludeBreaches) {
        return new CohortSettings(period, null, null, null, null, null, null, null, excludeBreaches);
    }
}
