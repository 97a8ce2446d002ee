package org.lcjp.reoffending.testing;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.measures.GeneratedExtracts;
import org.lcjp.reoffending.measures.ProvenOffences;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.synthetic.GeneratorSettings;
import org.lcjp.reoffending.synthetic.SyntheticExtracts;

/**
 * A generated input (clean identities, no invalid rows, 2014-2019) read back as the library stages take it, linked by
 * the generator's true record -> person map: for fast known-truth tests of the measures built on it. Generated once
 * per JVM for each size and seed.
 *
 * @param truth        the truth folder (parameters.json, family_members.csv, rj_referrals.csv, people.csv)
 * @param extracts     the current version of every record, per dataset
 * @param recordPerson the true links, in record_person's schema
 * @param proven       ProvenOffences on the true links
 * @param attributes   person_id, dob_cipher (under {@link #CIPHER}), sex: the true identities
 */
public record GeneratedPopulation(
        Path truth,
        Map<DatasetId, List<Map<String, String>>> extracts,
        Dataset<Row> recordPerson,
        Dataset<Row> proven,
        Dataset<Row> attributes) {
    public static final DateOfBirthCipher CIPHER = new DateOfBirthCipher(PseudonymisationKey.of(
            "generated-population-secret-of-32-bytes+".getBytes(StandardCharsets.UTF_8), "test"));
    public static final Path REFERENCE = Path.of("..", "conf", "reference");
    private static final Map<String, GeneratedPopulation> CACHE = new HashMap<>();

    public static synchronized GeneratedPopulation of(long people, long seed) throws Exception {
        String key = people + "/" + seed;
        if (!CACHE.containsKey(key)) {
            CACHE.put(key, generate(people, seed));
        }
        return CACHE.get(key);
    }

    private static GeneratedPopulation generate(long people, long seed) throws Exception {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path dir = Files.createTempDirectory("generated-population");
        GeneratorSettings g = new GeneratorSettings(
                people,
                2014,
                2019,
                seed,
                GeneratorSettings.CHECKPOINT_TRUE_EFFECT_DEFAULT,
                REFERENCE.resolve("offences.csv"),
                REFERENCE.resolve("areas.csv"),
                3,
                0.22,
                0.06,
                0.0,
                0.0,
                0.08,
                0.06,
                0.6);
        SyntheticExtracts.generate(g, dir.resolve("in"), dir.resolve("truth"));
        SparkSession spark = SparkTestSession.get();
        Map<DatasetId, List<Map<String, String>>> extracts = GeneratedExtracts.read(dir.resolve("in"));
        List<Row> links = new ArrayList<>();
        for (CSVRecord r : csv(dir.resolve("truth/record_person.csv"))) {
            links.add(RowFactory.create(
                    r.get("agency"), r.get("dataset"), r.get("record_id"), r.get("person_id"), "TRUTH", 1.0));
        }
        Dataset<Row> recordPerson =
                spark.createDataFrame(links, RecordPersonColumns.SCHEMA).cache();
        Dataset<Row> offences = spark.read()
                .option("header", true)
                .csv(REFERENCE.resolve("offences.csv").toString());
        Dataset<Row> proven = new ProvenOffences(CohortSettings.defaults())
                .build(
                        GeneratedExtracts.staged(
                                Datasets.COURTS_CONVICTIONS, extracts.get(Datasets.COURTS_CONVICTIONS)),
                        GeneratedExtracts.staged(Datasets.POLICE_OUTCOMES, extracts.get(Datasets.POLICE_OUTCOMES)),
                        GeneratedExtracts.staged(Datasets.YOS_OUTCOMES, extracts.get(Datasets.YOS_OUTCOMES)),
                        recordPerson,
                        offences)
                .cache();
        List<Row> identities = new ArrayList<>();
        for (CSVRecord p : csv(dir.resolve("truth/people.csv"))) {
            identities.add(RowFactory.create(
                    p.get("person_id"), CIPHER.encrypt(LocalDate.parse(p.get("date_of_birth"))), p.get("sex")));
        }
        Dataset<Row> attributes = spark.createDataFrame(
                        identities,
                        new StructType()
                                .add("person_id", DataTypes.StringType)
                                .add("dob_cipher", DataTypes.BinaryType)
                                .add("sex", DataTypes.StringType))
                .cache();
        return new GeneratedPopulation(dir.resolve("truth"), extracts, recordPerson, proven, attributes);
    }

    /** A staged-like table of one dataset: the given columns as text (dates as DATE where named *_date). */
    public Dataset<Row> table(DatasetId id, String... columns) {
        StructType schema = new StructType();
        for (String c : columns) {
            schema = schema.add(c, c.endsWith("_date") ? DataTypes.DateType : DataTypes.StringType);
        }
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> r : extracts.get(id)) {
            Object[] v = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                String value = r.get(columns[i]);
                v[i] = columns[i].endsWith("_date")
                        ? (value == null ? null : java.sql.Date.valueOf(GeneratedExtracts.date(value)))
                        : value == null || columns[i].equals("record_id") ? value : value.toUpperCase(Locale.ROOT);
            }
            rows.add(RowFactory.create(v));
        }
        return SparkTestSession.get().createDataFrame(rows, schema);
    }

    public static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(r)) {
            return p.getRecords();
        }
    }
}
