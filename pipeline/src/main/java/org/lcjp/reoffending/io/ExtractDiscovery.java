package org.lcjp.reoffending.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.ingest.DataQualityColumns;

/**
 * Finds the deliveries under an input root ({@code <agency>/<dataset>/<dataset>_<yyyyMMdd>.csv}). Files whose name
 * breaks the rule, files dated after the as-of date and folders the contract does not know are returned too, with
 * the reason they are not read, so that the run can report them.
 */
public final class ExtractDiscovery {
    private static final DateTimeFormatter NAME_DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private ExtractDiscovery() {
    }

    /** Every entry, sorted by source file; READ entries are the ones to read. */
    public static List<ExtractFile> discover(Path inputRoot, LocalDate asOf) {
        if (!Files.isDirectory(inputRoot)) {
            throw new IllegalArgumentException("Cannot read extracts: input root is not a folder (" + inputRoot + ")");
        }
        Set<String> agencies = Datasets.all().stream().map(s -> s.id().agency()).collect(Collectors.toSet());
        List<ExtractFile> found = new ArrayList<>();
        for (Path agencyDir : list(inputRoot)) {
            String agency = agencyDir.getFileName().toString();
            if (!Files.isDirectory(agencyDir) || !agencies.contains(agency)) {
                found.add(unknown(inputRoot, agencyDir, null, null, Files.isDirectory(agencyDir)
                        ? "Cannot read folder: no such agency in the contract (" + agency + ")"
                        : "Cannot read file: outside any <agency>/<dataset>/ folder (" + agency + ")"));
                continue;
            }
            for (Path datasetDir : list(agencyDir)) {
                String dataset = datasetDir.getFileName().toString();
                if (!Files.isDirectory(datasetDir) || Datasets.find(new DatasetId(agency, dataset)).isEmpty()) {
                    found.add(unknown(inputRoot, datasetDir, agency, null, Files.isDirectory(datasetDir)
                            ? "Cannot read folder: no such dataset for " + agency + " in the contract (" + dataset + ")"
                            : "Cannot read file: outside any <dataset>/ folder (" + dataset + ")"));
                    continue;
                }
                DatasetSpec spec = Datasets.spec(new DatasetId(agency, dataset));
                for (Path file : list(datasetDir)) {
                    found.add(classify(inputRoot, file, spec, asOf));
                }
            }
        }
        return found;
    }

    static ExtractFile classify(Path root, Path file, DatasetSpec spec, LocalDate asOf) {
        String agency = spec.id().agency();
        String dataset = spec.id().dataset();
        String name = file.getFileName().toString();
        String expected = dataset + "_<yyyyMMdd>.csv";
        Matcher m = Pattern.compile("^" + Pattern.quote(dataset) + "_(\\d{8})\\.csv$").matcher(name);
        if (!Files.isRegularFile(file) || !m.matches()) {
            return new ExtractFile(file, relative(root, file), agency, dataset, null, DataQualityColumns.STATUS_NOT_READ_BAD_NAME,
                    "Cannot read file: name does not follow " + expected + " (" + name + ")");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(m.group(1), NAME_DATE);
        } catch (DateTimeParseException e) {
            return new ExtractFile(file, relative(root, file), agency, dataset, null, DataQualityColumns.STATUS_NOT_READ_BAD_NAME,
                    "Cannot read file: extract date in the name is not a real date (" + name + ")");
        }
        if (date.isAfter(asOf)) {
            return new ExtractFile(file, relative(root, file), agency, dataset, date, DataQualityColumns.STATUS_NOT_READ_AFTER_AS_OF,
                    "Cannot read file yet: extract date " + date + " is after the as-of date (" + asOf + ")");
        }
        return new ExtractFile(file, relative(root, file), agency, dataset, date, DataQualityColumns.STATUS_READ, null);
    }

    private static ExtractFile unknown(Path root, Path p, String agency, String dataset, String message) {
        return new ExtractFile(p, relative(root, p), agency, dataset, null, DataQualityColumns.STATUS_NOT_READ_UNKNOWN_FOLDER, message);
    }

    static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list folder: " + e.getMessage() + " (" + dir + ")", e);
        }
    }
}
