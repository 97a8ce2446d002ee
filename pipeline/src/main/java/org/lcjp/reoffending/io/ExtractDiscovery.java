package org.lcjp.reoffending.io;

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
import org.lcjp.reoffending.domain.DataQualityColumns;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;

/**
 * Finds the deliveries under an input root ({@code <agency>/<dataset>/<dataset>_<yyyyMMdd>.csv}). Files whose name
 * breaks the rule, files dated after the as-of date and folders the contract does not know are returned too, with
 * the reason they are not read, so that the run can report them.
 */
public final class ExtractDiscovery {
    private static final DateTimeFormatter NAME_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private ExtractDiscovery() {}

    /** Every entry, sorted by source file; READ entries are the ones to read. Three levels of listing, nothing opened. */
    public static List<ExtractFile> discover(Storage storage, StoragePath inputRoot, LocalDate asOf) {
        if (!storage.isDirectory(inputRoot)) {
            throw new IllegalArgumentException("Cannot read extracts: input root is not a folder (" + inputRoot + ")");
        }
        Set<String> agencies = Datasets.all().stream().map(s -> s.id().agency()).collect(Collectors.toSet());
        List<ExtractFile> found = new ArrayList<>();
        for (Storage.Entry agencyDir : storage.list(inputRoot)) {
            String agency = agencyDir.name();
            if (agencyDir.link()) {
                found.add(link(inputRoot, agencyDir, null, null));
                continue;
            }
            if (!agencyDir.directory() || !agencies.contains(agency)) {
                found.add(unknown(
                        inputRoot,
                        agencyDir,
                        null,
                        null,
                        agencyDir.directory()
                                ? "Cannot read folder: no such agency in the contract (" + agency + ")"
                                : "Cannot read file: outside any <agency>/<dataset>/ folder (" + agency + ")"));
                continue;
            }
            for (Storage.Entry datasetDir : storage.list(agencyDir.path())) {
                String dataset = datasetDir.name();
                if (datasetDir.link()) {
                    found.add(link(inputRoot, datasetDir, agency, null));
                    continue;
                }
                if (!datasetDir.directory()
                        || Datasets.find(new DatasetId(agency, dataset)).isEmpty()) {
                    found.add(unknown(
                            inputRoot,
                            datasetDir,
                            agency,
                            null,
                            datasetDir.directory()
                                    ? "Cannot read folder: no such dataset for " + agency + " in the contract ("
                                            + dataset + ")"
                                    : "Cannot read file: outside any <dataset>/ folder (" + dataset + ")"));
                    continue;
                }
                DatasetSpec spec = Datasets.spec(new DatasetId(agency, dataset));
                for (Storage.Entry file : storage.list(datasetDir.path())) {
                    found.add(
                            file.link()
                                    ? link(inputRoot, file, agency, dataset)
                                    : classify(inputRoot, file, spec, asOf));
                }
            }
        }
        return found;
    }

    /** A local input root (tests). */
    public static List<ExtractFile> discover(java.nio.file.Path inputRoot, LocalDate asOf) {
        return discover(Storage.defaults(), StoragePath.local(inputRoot), asOf);
    }

    static ExtractFile classify(StoragePath root, Storage.Entry file, DatasetSpec spec, LocalDate asOf) {
        String agency = spec.id().agency();
        String dataset = spec.id().dataset();
        String name = file.name();
        String expected = dataset + "_<yyyyMMdd>.csv";
        Matcher m = Pattern.compile("^" + Pattern.quote(dataset) + "_(\\d{8})\\.csv$")
                .matcher(name);
        if (file.directory() || !m.matches()) {
            return entry(
                    root,
                    file,
                    agency,
                    dataset,
                    null,
                    DataQualityColumns.STATUS_NOT_READ_BAD_NAME,
                    "Cannot read file: name does not follow " + expected + " (" + name + ")");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(m.group(1), NAME_DATE);
        } catch (DateTimeParseException e) {
            return entry(
                    root,
                    file,
                    agency,
                    dataset,
                    null,
                    DataQualityColumns.STATUS_NOT_READ_BAD_NAME,
                    "Cannot read file: extract date in the name is not a real date (" + name + ")");
        }
        if (date.isAfter(asOf)) {
            return entry(
                    root,
                    file,
                    agency,
                    dataset,
                    date,
                    DataQualityColumns.STATUS_NOT_READ_AFTER_AS_OF,
                    "Cannot read file yet: extract date " + date + " is after the as-of date (" + asOf + ")");
        }
        return entry(root, file, agency, dataset, date, DataQualityColumns.STATUS_READ, null);
    }

    /** A link is never followed: it could lead to any file of the machine (a key, /etc/passwd, another partner's data). */
    private static ExtractFile link(StoragePath root, Storage.Entry p, String agency, String dataset) {
        return new ExtractFile(
                p.path(),
                p.path().relativeTo(root),
                agency,
                dataset,
                null,
                DataQualityColumns.STATUS_NOT_READ_LINK,
                "Cannot read " + (p.directory() ? "folder" : "file") + ": a symbolic link, not followed (" + p.name()
                        + "); deliver the file itself under the input root",
                0,
                0);
    }

    private static ExtractFile unknown(
            StoragePath root, Storage.Entry p, String agency, String dataset, String message) {
        return entry(root, p, agency, dataset, null, DataQualityColumns.STATUS_NOT_READ_UNKNOWN_FOLDER, message);
    }

    private static ExtractFile entry(
            StoragePath root,
            Storage.Entry e,
            String agency,
            String dataset,
            LocalDate date,
            String status,
            String message) {
        return new ExtractFile(
                e.path(),
                e.path().relativeTo(root),
                agency,
                dataset,
                date,
                status,
                message,
                e.directory() ? 0 : e.length(),
                e.modificationTime());
    }
}
