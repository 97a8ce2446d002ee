package org.lcjp.reoffending.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.ColumnSpec;
import org.lcjp.reoffending.domain.ColumnType;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.pseudonymise.PncId;

/** The generated input root follows extracts.md, and the truth covers it. */
class ExtractContractTest {
    private static final Pattern FILE_NAME = Pattern.compile("^([a-z]+)_(\\d{8})\\.csv$");
    private static Path root;
    private static final List<DeliveredRow> rows = new ArrayList<>();
    private static final List<String> filesWithoutStatus = new ArrayList<>();

    /** One row as read back, with the file it came from. */
    record DeliveredRow(String dataset, String file, LocalDate extractDate, Map<String, String> values) {}

    @BeforeAll
    static void generate() throws IOException {
        root = TestDirs.fresh("contract");
        SyntheticExtracts.generate(CalibrationTest.settings(1500, 42), root.resolve("in"), root.resolve("truth"));
        for (DatasetSpec spec : Datasets.all()) {
            Path dir = root.resolve("in")
                    .resolve(spec.id().agency())
                    .resolve(spec.id().dataset());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    read(spec, f);
                }
            }
        }
    }

    private static void read(DatasetSpec spec, Path file) throws IOException {
        Matcher m = FILE_NAME.matcher(file.getFileName().toString());
        assertThat(m.matches()).as("file name %s", file).isTrue();
        assertThat(m.group(1)).isEqualTo(spec.id().dataset());
        LocalDate extract = LocalDate.parse(m.group(2), DateTimeFormatter.BASIC_ISO_DATE);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (Reader in = new java.io.StringReader(text);
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
            List<String> header = p.getHeaderNames().stream()
                    .map(h -> h.strip().toLowerCase(Locale.ROOT))
                    .toList();
            assertThat(spec.columnNames()).as("columns of %s", file).containsAll(header);
            assertThat(header).as("required columns of %s", file).containsAll(spec.requiredColumnNames());
            if (!header.contains(Datasets.RECORD_STATUS)) {
                filesWithoutStatus.add(file.toString());
            }
            for (CSVRecord r : p) {
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), r.get(i));
                }
                rows.add(new DeliveredRow(spec.id().path(), file.getFileName().toString(), extract, values));
            }
        }
    }

    @Test
    void everyDateIsBeforeTheExtractDateOrDeliberatelyInvalid() {
        long invalid = 0;
        for (DeliveredRow row : rows) {
            DatasetSpec spec = Datasets.spec(new org.lcjp.reoffending.domain.DatasetId(
                    row.dataset().split("/")[0], row.dataset().split("/")[1]));
            DateTimeFormatter f = row.dataset().equals("courts/convictions")
                    ? DateTimeFormatter.ofPattern("dd/MM/uuuu")
                    : DateTimeFormatter.ISO_LOCAL_DATE;
            for (ColumnSpec c : spec.columns()) {
                String v = row.values().get(c.name());
                if (c.type() != ColumnType.DATE || v == null || v.isBlank()) {
                    continue;
                }
                try {
                    assertThat(LocalDate.parse(v.strip(), f.withResolverStyle(java.time.format.ResolverStyle.STRICT)))
                            .as("%s in %s", c.name(), row.file())
                            .isBeforeOrEqualTo(row.extractDate());
                } catch (DateTimeParseException e) {
                    invalid++;
                }
            }
        }
        assertThat(invalid).as("deliberately invalid dates").isBetween(1L, rows.size() / 200L);
    }

    @Test
    void codesAreFromTheContract() {
        Set<String> offences = new HashSet<>();
        long unknown = 0;
        for (DeliveredRow row : rows) {
            String code = row.values().get("offence_code");
            if (code != null && !code.isBlank()) {
                offences.add(code);
                unknown += code.equals("999/99") ? 1 : 0;
            }
            String sex = row.values().get("sex");
            if (sex != null && !Datasets.STATUS_DELETED.equals(row.values().get(Datasets.RECORD_STATUS))) {
                assertThat(
                                row.dataset().equals("courts/convictions")
                                        ? List.of("Male", "Female", "Unknown")
                                        : Datasets.SEX_CODES)
                        .contains(sex);
            }
        }
        assertThat(unknown).isLessThan(20);
        assertThat(offences).contains("195/01").doesNotContain("", " ");
    }

    @Test
    void pncIdsCarryValidCheckLettersExceptAFewKeyingErrors() {
        Map<PncId.Status, Long> statuses = new HashMap<>();
        long shortForms = 0;
        for (DeliveredRow row : rows) {
            String pnc = row.values().get(Datasets.PNC_ID);
            if (pnc != null && !pnc.isBlank()) {
                statuses.merge(PncId.parse(pnc).status(), 1L, Long::sum);
                shortForms += pnc.length() < 13 ? 1 : 0;
            }
        }
        long valid = statuses.getOrDefault(PncId.Status.VALID, 0L);
        assertThat(statuses.getOrDefault(PncId.Status.MALFORMED, 0L)).isZero();
        assertThat(statuses.getOrDefault(PncId.Status.BAD_CHECK_LETTER, 0L))
                .isPositive()
                .isLessThan(valid / 50);
        assertThat(shortForms).isGreaterThan(valid / 20);
    }

    @Test
    void truthCoversEveryRecordIdExactlyOnce() throws IOException {
        Set<String> truth = new HashSet<>();
        try (Reader in = Files.newBufferedReader(root.resolve("truth/record_person.csv"));
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
            assertThat(p.getHeaderNames()).containsExactly("agency", "dataset", "record_id", "person_id");
            for (CSVRecord r : p) {
                assertThat(truth.add(r.get("agency") + "/" + r.get("dataset") + "/" + r.get("record_id")))
                        .as("unique truth line %s", r)
                        .isTrue();
            }
        }
        Set<String> delivered = new HashSet<>();
        rows.forEach(r -> delivered.add(r.dataset() + "/" + r.values().get(Datasets.RECORD_ID)));
        assertThat(truth).isEqualTo(delivered);
    }

    @Test
    void awkwardContractPartsArePresent() {
        assertThat(rows).anyMatch(r -> Datasets.STATUS_DELETED.equals(r.values().get(Datasets.RECORD_STATUS)));
        assertThat(filesWithoutStatus).isNotEmpty();
        Map<String, Integer> perFile = new HashMap<>();
        Map<String, Integer> perRecord = new HashMap<>();
        for (DeliveredRow r : rows) {
            perFile.merge(r.dataset() + "/" + r.file() + "/" + r.values().get(Datasets.RECORD_ID), 1, Integer::sum);
            perRecord.merge(r.dataset() + "/" + r.values().get(Datasets.RECORD_ID), 1, Integer::sum);
        }
        assertThat(perFile.values()).as("a record repeated within one file").anyMatch(n -> n > 1);
        assertThat(perRecord.values().stream().filter(n -> n > 1).count())
                .as("records superseded across files")
                .isGreaterThan(perFile.values().stream().filter(n -> n > 1).count());
        Set<String> datasets = new HashSet<>();
        rows.forEach(r -> datasets.add(r.dataset()));
        assertThat(datasets).hasSize(Datasets.all().size());
    }

    @Test
    void rjReferralsAndFamilyLinksHaveTheirAwkwardParts() throws IOException {
        Map<String, List<Map<String, String>>> rj = new HashMap<>();
        List<Map<String, String>> family = new ArrayList<>();
        for (DeliveredRow r : rows) {
            if (r.dataset().equals("rj/referrals")) {
                rj.computeIfAbsent(r.values().get(Datasets.RECORD_ID), k -> new ArrayList<>())
                        .add(r.values());
            } else if (r.dataset().equals("family/links")) {
                family.add(r.values());
            }
        }
        assertThat(rj.values())
                .as("referrals superseded as they move on, the last with its outcome")
                .anyMatch(versions -> versions.size() >= 3
                        && !versions.get(versions.size() - 1).get("outcome").isBlank());
        assertThat(rj.values())
                .as("open referrals")
                .anyMatch(v -> v.get(v.size() - 1).get("outcome").isBlank());
        assertThat(family)
                .as("children without a PNC ID")
                .anyMatch(f -> f.get("role").equals("CHILD")
                        && (f.get("pnc_id") == null || f.get("pnc_id").isBlank()));
        assertThat(family)
                .as("memberships ending")
                .anyMatch(f -> !f.getOrDefault("end_date", "").isBlank());
        Map<String, Set<String>> familiesOf = new HashMap<>();
        try (Reader in = Files.newBufferedReader(root.resolve("truth/family_members.csv"));
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
            for (CSVRecord r : p) {
                familiesOf
                        .computeIfAbsent(r.get("person_id"), k -> new HashSet<>())
                        .add(r.get("family_ref"));
            }
        }
        assertThat(familiesOf.values()).as("a person in two families").anyMatch(f -> f.size() > 1);
        String parameters = Files.readString(root.resolve("truth/parameters.json"));
        assertThat(parameters)
                .contains("\"family_true_exposed_minus_not_exposed\": 0.06")
                .contains("\"rj_true_effect_on_treated\"");
    }

    @Test
    void peopleTruthHasTheAgreedColumns() throws IOException {
        String header = Files.readAllLines(root.resolve("truth/people.csv")).get(0);
        assertThat(header)
                .isEqualTo("person_id,forename,surname,date_of_birth,sex,ethnicity,postcode,pnc_id,female,iom,"
                        + "checkpoint_diverted");
        assertThat(Files.readString(root.resolve("truth/parameters.json")))
                .contains("\"checkpoint_true_effect\": -0.1");
    }
}
