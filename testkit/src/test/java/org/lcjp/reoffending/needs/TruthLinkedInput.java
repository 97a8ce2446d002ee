package org.lcjp.reoffending.needs;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.ColumnSpec;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.measures.DataCoverage;
import org.lcjp.reoffending.measures.GeneratedExtracts;
import org.lcjp.reoffending.measures.MeasureInputs;
import org.lcjp.reoffending.measures.MeasurePipeline;
import org.lcjp.reoffending.measures.MeasureTables;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.settings.MeasuresSettings;
import org.lcjp.reoffending.synthetic.GeneratorSettings;
import org.lcjp.reoffending.synthetic.SyntheticExtracts;
import org.lcjp.reoffending.testing.SparkTestSession;

/**
 * A generated input with clean identities, staged in memory column for column from the contract (codes upper case,
 * dates typed), linked by the generator's true record -> person map, and measured: the library stages' inputs without
 * ingest or linkage, so a test can set them against a plain-Java reading of the same rows.
 */
final class TruthLinkedInput {
    static final Path REFERENCE = Path.of("..", "conf", "reference");
    private static final Set<String> CLEAR = Set.of(
            Datasets.RECORD_ID,
            Datasets.RECORD_STATUS,
            Datasets.PNC_ID,
            Datasets.FORENAME,
            Datasets.SURNAME,
            Datasets.DATE_OF_BIRTH,
            Datasets.SEX,
            Datasets.ETHNICITY,
            Datasets.POSTCODE);

    final Map<DatasetId, List<Map<String, String>>> rows;
    final Map<String, String> personOf = new HashMap<>();
    final Map<String, LocalDate> dateOfBirth = new HashMap<>();
    final Map<DatasetId, Dataset<Row>> staged = new LinkedHashMap<>();
    final Dataset<Row> recordPerson;
    final Dataset<Row> areas;
    final MeasureTables measures;
    final LocalDate asOf;

    TruthLinkedInput(long people, int from, int to, long seed, LocalDate asOf) throws Exception {
        this.asOf = asOf;
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path dir = Files.createTempDirectory("truth-linked");
        GeneratorSettings g = new GeneratorSettings(
                people,
                from,
                to,
                seed,
                GeneratorSettings.CHECKPOINT_TRUE_EFFECT_DEFAULT,
                REFERENCE.resolve("offences.csv"),
                REFERENCE.resolve("areas.csv"),
                2,
                0.26,
                0.06,
                0.0,
                0.0,
                0.08,
                0.06,
                0.6);
        SyntheticExtracts.generate(g, dir.resolve("in"), dir.resolve("truth"));
        rows = GeneratedExtracts.read(dir.resolve("in"));
        SparkSession spark = SparkTestSession.get();
        List<Row> links = new ArrayList<>();
        for (CSVRecord r : csv(dir.resolve("truth/record_person.csv"))) {
            personOf.put(r.get("agency") + "/" + r.get("dataset") + "/" + r.get("record_id"), r.get("person_id"));
            links.add(RowFactory.create(
                    r.get("agency"), r.get("dataset"), r.get("record_id"), r.get("person_id"), "TRUTH", 1.0));
        }
        for (CSVRecord r : csv(dir.resolve("truth/people.csv"))) {
            dateOfBirth.put(r.get("person_id"), LocalDate.parse(r.get("date_of_birth")));
        }
        recordPerson = spark.createDataFrame(links, RecordPersonColumns.SCHEMA);
        rows.forEach((id, list) -> staged.put(id, staged(spark, id, list)));
        areas = spark.read()
                .option("header", true)
                .csv(REFERENCE.resolve("areas.csv").toString());
        MeasureTables computed = new MeasurePipeline(
                        CohortSettings.defaults(),
                        MeasuresSettings.defaults().withFirstCohort(LocalDate.of(from, 1, 1)),
                        NeedsFixtures.CIPHER)
                .run(
                        new MeasureInputs(
                                staged.get(Datasets.COURTS_CONVICTIONS),
                                staged.get(Datasets.POLICE_OUTCOMES),
                                staged.get(Datasets.YOS_OUTCOMES),
                                staged.get(Datasets.PRISONS_RELEASES),
                                new ArrayList<>(staged.values()),
                                recordPerson,
                                spark.read()
                                        .option("header", true)
                                        .csv(REFERENCE.resolve("offences.csv").toString()),
                                areas),
                        DataCoverage.complete(asOf, asOf),
                        (table, d) -> d.localCheckpoint());
        // Materialised once, as the measure stage writes them, so that each test reads them rather than recomputing.
        measures = computed;
    }

    String person(DatasetId id, Map<String, String> row) {
        return personOf.get(id.path() + "/" + row.get("record_id"));
    }

    /** Every dataset covered to the last delivery (the generated files end a week after the last quarter). */
    Coverage coverage(LocalDate lastExtract) {
        Map<DatasetId, Optional<LocalDate>> dates = new LinkedHashMap<>();
        Datasets.all().forEach(s -> dates.put(s.id(), Optional.of(lastExtract)));
        return new Coverage(asOf, dates);
    }

    /** A staged-like table: provenance, the clear attributes staging keeps, and every non-identifying column typed. */
    private static Dataset<Row> staged(SparkSession spark, DatasetId id, List<Map<String, String>> rows) {
        DatasetSpec spec = Datasets.spec(id);
        StructType schema = new StructType()
                .add("agency", DataTypes.StringType)
                .add("dataset", DataTypes.StringType)
                .add("record_id", DataTypes.StringType)
                .add("sex", DataTypes.StringType)
                .add("ethnicity", DataTypes.StringType)
                .add("postcode_district", DataTypes.StringType)
                .add("event_date", DataTypes.DateType)
                .add("dob_cipher", DataTypes.BinaryType);
        List<ColumnSpec> typed = spec.columns().stream()
                .filter(c -> !CLEAR.contains(c.name()) && c.type() != org.lcjp.reoffending.domain.ColumnType.IDENTIFIER)
                .toList();
        for (ColumnSpec c : typed) {
            schema = schema.add(c.name(), type(c));
        }
        List<Row> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            List<Object> v = new ArrayList<>(List.of(id.agency(), id.dataset(), r.get("record_id")));
            v.add(GeneratedExtracts.sex(r.get("sex")));
            v.add(GeneratedExtracts.code(r.get("ethnicity")));
            v.add(GeneratedExtracts.district(r.get("postcode")));
            v.add(sqlDate(GeneratedExtracts.date(r.get(spec.eventDateColumn()))));
            v.add(NeedsFixtures.CIPHER.encrypt(GeneratedExtracts.date(r.get("date_of_birth"))));
            for (ColumnSpec c : typed) {
                String value = r.get(c.name());
                DataType t = type(c);
                v.add(
                        value == null
                                ? null
                                : t.equals(DataTypes.DateType)
                                        ? sqlDate(GeneratedExtracts.date(value))
                                        : t.equals(DataTypes.DoubleType)
                                                ? Double.valueOf(value)
                                                : GeneratedExtracts.code(value));
            }
            out.add(RowFactory.create(v.toArray()));
        }
        return spark.createDataFrame(out, schema);
    }

    private static DataType type(ColumnSpec c) {
        return switch (c.type()) {
            case DATE -> DataTypes.DateType;
            case DECIMAL -> DataTypes.DoubleType;
            default -> DataTypes.StringType;
        };
    }

    private static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    static List<CSVRecord> csv(Path file) throws Exception {
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
