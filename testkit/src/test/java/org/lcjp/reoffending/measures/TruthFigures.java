package org.lcjp.reoffending.measures;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.lcjp.reoffending.domain.DatasetId;

/**
 * Figures worked out independently of the pipeline from a generated input and the generator's truth: the plain-Java
 * oracle of methodology sections 1-4 over the extracts, with the true record -> person map as linkage. For the
 * end-to-end tests of other modules.
 */
public final class TruthFigures {
    private TruthFigures() {}

    /**
     * Cells keyed "cohort_start/population/dimension/category" for dimensions ALL, SEX, INDEX_DISPOSAL and
     * PREVIOUS_OFFENCES, each {offenders, reoffenders, reoffences}.
     */
    public static Map<String, long[]> expectedCells(Path input, Path truth, Path reference) throws IOException {
        Map<DatasetId, List<Map<String, String>>> rows = GeneratedExtracts.read(input);
        Map<String, String> personOf = new HashMap<>();
        for (CSVRecord r : csv(truth.resolve("record_person.csv"))) {
            personOf.put(r.get("agency") + "/" + r.get("dataset") + "/" + r.get("record_id"), r.get("person_id"));
        }
        Map<String, String[]> offenceRef = new HashMap<>();
        for (CSVRecord r : csv(reference.resolve("offences.csv"))) {
            offenceRef.put(
                    r.get("offence_code").trim().toUpperCase(Locale.ROOT),
                    new String[] {r.get("offence_group"), r.get("is_breach"), r.get("harm_days")});
        }
        return ReoffendingOracle.cells(rows, personOf, offenceRef);
    }

    /**
     * The effective date worked out from the delivery files alone: the earlier of the as-of date and the latest
     * extract date, up to the as-of date, of each dataset that proves offences (null when one has none).
     */
    public static LocalDate effectiveDate(Path input, LocalDate asOf) throws IOException {
        LocalDate effective = asOf;
        for (String dataset : List.of("police/outcomes", "courts/convictions", "yos/outcomes")) {
            LocalDate latest = null;
            try (var files = Files.list(input.resolve(dataset))) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    LocalDate date = LocalDate.parse(
                            name.substring(name.lastIndexOf('_') + 1, name.length() - 4),
                            java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                    if (!date.isAfter(asOf) && (latest == null || date.isAfter(latest))) {
                        latest = date;
                    }
                }
            }
            if (latest == null) {
                return null;
            }
            effective = latest.isBefore(effective) ? latest : effective;
        }
        return effective;
    }

    /**
     * The oracle's cells of the cohorts a run publishes when every cohort is past the first: FINAL, or with at least
     * the contract's three months observed by the effective date.
     */
    public static Map<String, long[]> published(Map<String, long[]> cells, LocalDate effectiveDate) {
        Map<String, long[]> out = new java.util.TreeMap<>();
        cells.forEach((key, figures) -> {
            LocalDate start = LocalDate.parse(key.substring(0, key.indexOf('/')));
            if (!start.plusMonths(3).minusDays(1).plusMonths(3).isAfter(effectiveDate)) {
                out.put(key, figures);
            }
        });
        return out;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)
                    .getRecords();
        }
    }
}
