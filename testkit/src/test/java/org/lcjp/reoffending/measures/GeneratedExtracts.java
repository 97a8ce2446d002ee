package org.lcjp.reoffending.measures;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;

/**
 * Test-side reading of a generated input root (clean identities, no invalid rows): the current version of every
 * record (later files and later lines win, DELETED withdraws), values trimmed, headers lower-cased, codes upper-cased.
 * Both the Spark staging below and the plain-Java oracle start from these rows.
 */
public final class GeneratedExtracts {
    private static final DateTimeFormatter COURTS = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private GeneratedExtracts() {}

    public static Map<DatasetId, List<Map<String, String>>> read(Path inputRoot) throws IOException {
        Map<DatasetId, List<Map<String, String>>> all = new LinkedHashMap<>();
        for (DatasetSpec spec : Datasets.all()) {
            Map<String, Map<String, String>> current = new LinkedHashMap<>();
            Path dir = inputRoot.resolve(spec.id().agency()).resolve(spec.id().dataset());
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(p -> p.getFileName().toString().endsWith(".csv"))
                            .sorted()
                            .forEach(files::add);
                }
            }
            for (Path f : files) {
                try (Reader r = withoutBom(Files.newBufferedReader(f, StandardCharsets.UTF_8));
                        CSVParser p = CSVFormat.RFC4180
                                .builder()
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .get()
                                .parse(r)) {
                    List<String> header = p.getHeaderNames().stream()
                            .map(h -> h.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT))
                            .toList();
                    for (CSVRecord rec : p) {
                        Map<String, String> row = new HashMap<>();
                        for (int i = 0; i < header.size() && i < rec.size(); i++) {
                            String v = rec.get(i).trim();
                            row.put(header.get(i), v.isEmpty() ? null : v);
                        }
                        String id = row.get("record_id");
                        current.remove(id);
                        if (!"DELETED".equalsIgnoreCase(row.get("record_status"))) {
                            current.put(id, row);
                        }
                    }
                }
            }
            all.put(spec.id(), new ArrayList<>(current.values()));
        }
        return all;
    }

    /** Skips a leading byte order mark, so that a quoted first header name still parses as quoted. */
    private static Reader withoutBom(java.io.BufferedReader r) throws IOException {
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        return r;
    }

    public static LocalDate date(String v) {
        if (v == null) {
            return null;
        }
        return v.contains("/") ? LocalDate.parse(v, COURTS) : LocalDate.parse(v);
    }

    public static String code(String v) {
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    public static String sex(String v) {
        String s = code(v);
        return s == null
                ? null
                : switch (s) {
                    case "MALE" -> "M";
                    case "FEMALE" -> "F";
                    case "UNKNOWN" -> "U";
                    default -> s;
                };
    }

    public static String district(String postcode) {
        if (postcode == null) {
            return null;
        }
        String p = postcode.replace(" ", "").toUpperCase(Locale.ROOT);
        return p.length() > 3 ? p.substring(0, p.length() - 3) : null;
    }

    private static final Map<String, org.apache.spark.sql.types.DataType> TYPED = Map.ofEntries(
            Map.entry("offence_code", DataTypes.StringType), Map.entry("offence_date", DataTypes.DateType),
            Map.entry("conviction_date", DataTypes.DateType), Map.entry("disposal", DataTypes.StringType),
            Map.entry("custody_months", DataTypes.DoubleType), Map.entry("outcome_date", DataTypes.DateType),
            Map.entry("outcome_type", DataTypes.StringType), Map.entry("release_date", DataTypes.DateType),
            Map.entry("release_type", DataTypes.StringType), Map.entry("sentence_months", DataTypes.DoubleType));

    /** A staged-like table: provenance and identity attributes, plus the typed columns the measures read. */
    public static Dataset<Row> staged(DatasetId id, List<Map<String, String>> rows) {
        DatasetSpec spec = Datasets.spec(id);
        StructType schema = StagedTables.emptySchema(id);
        List<String> extra = List.of("postcode_district", "ethnicity");
        for (String c : extra) {
            if (!List.of(schema.fieldNames()).contains(c)) {
                schema = schema.add(c, DataTypes.StringType);
            }
        }
        List<Row> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            Object[] v = new Object[schema.size()];
            int i = 0;
            for (StructField f : schema.fields()) {
                v[i++] = switch (f.name()) {
                    case "agency" -> id.agency();
                    case "dataset" -> id.dataset();
                    case "record_id" -> r.get("record_id");
                    case "sex" -> sex(r.get("sex"));
                    case "ethnicity" -> code(r.get("ethnicity"));
                    case "postcode_district" -> district(r.get("postcode"));
                    case "event_date" -> sqlDate(date(r.get(spec.eventDateColumn())));
                    case "dob_cipher" -> MeasureFixtures.CIPHER.encrypt(date(r.get("date_of_birth")));
                    default -> typed(f, r.get(f.name()));
                };
            }
            out.add(RowFactory.create(v));
        }
        return MeasureFixtures.spark().createDataFrame(out, schema);
    }

    private static Object typed(StructField f, String value) {
        if (value == null) {
            return null;
        }
        if (f.dataType().equals(DataTypes.DateType)) {
            return sqlDate(date(value));
        }
        if (f.dataType().equals(DataTypes.DoubleType)) {
            return Double.valueOf(value);
        }
        return TYPED.containsKey(f.name()) ? code(value) : value;
    }

    private static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
