package org.lcjp.reoffending.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.DataQualityColumns;
import org.lcjp.reoffending.domain.FileReport;
import org.lcjp.reoffending.domain.QuarantineColumns;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.io.ExtractFile;
import org.lcjp.reoffending.io.FileFacts;
import org.lcjp.reoffending.io.HeaderMapping;

/**
 * data_quality's rows (one {@link FileReport} per delivery): the figures of a validation per file, with what the
 * header told the parser, and the table of every delivery in force on a night. Built on the driver from one small
 * collect (a row per file, rule and column), so always small.
 */
public final class FileReports {
    /** How data_quality.message starts the notes of a file that was read (parts joined by "; "). */
    public static final String EXTRA_COLUMNS = "Ignored columns not in the contract";

    public static final String INVALID_UTF8 = "Bytes not valid UTF-8 read as U+FFFD, rows kept (warning INVALID_UTF8)";
    private static final Logger LOG = LogManager.getLogger(FileReports.class);

    private FileReports() {}

    /**
     * The figures of the given files' validation (one action over {@link FileCounts#together()}), with what the
     * parser learnt of each file's header ({@code facts}, by source_file: asked for after the action, whose parse
     * gathers them). A file without facts is a fault of the parser.
     */
    public static List<FileReport> count(
            List<ExtractFile> files, FileCounts counts, Supplier<Map<String, FileFacts.Fact>> facts) {
        Map<String, Row> perFile = new HashMap<>();
        Map<String, Long> quarantined = new HashMap<>();
        Map<String, Map<String, Long>> byRule = new HashMap<>();
        Map<String, Map<String, String>> invalidUtf8 = new HashMap<>();
        for (Row t : counts.together().collectAsList()) {
            String file = t.getAs(StagedColumns.SOURCE_FILE);
            switch (t.<String>getAs(FileCounts.KIND)) {
                case FileCounts.KIND_FILE -> perFile.put(file, t);
                case FileCounts.KIND_LINES -> quarantined.put(file, t.getAs(DataQualityColumns.ROWS_QUARANTINED));
                case FileCounts.KIND_INVALID_UTF8 ->
                    invalidUtf8
                            .computeIfAbsent(file, k -> new TreeMap<>())
                            .put(
                                    t.getAs(QuarantineColumns.RULE),
                                    where(
                                            t.getAs(FileCounts.ROWS),
                                            t.getAs(FileCounts.FIRST_LINE),
                                            t.getAs(FileCounts.LAST_LINE)));
                default ->
                    byRule.computeIfAbsent(file, k -> new HashMap<>())
                            .put(t.getAs(QuarantineColumns.RULE), t.getAs(FileCounts.ROWS));
            }
        }
        Map<String, FileFacts.Fact> learnt = facts.get();
        List<FileReport> out = new ArrayList<>();
        for (ExtractFile f : files) {
            FileFacts.Fact fact = learnt.get(f.sourceFile());
            if (fact == null) {
                throw new IllegalStateException(
                        "Cannot count file: the parser reported nothing for it (" + f.sourceFile() + ")");
            }
            HeaderMapping header = fact.header();
            Row r = perFile.get(f.sourceFile());
            out.add(new FileReport(
                    f.sourceFile(),
                    f.agency(),
                    f.dataset(),
                    f.extractDate(),
                    figure(r, DataQualityColumns.ROWS_READ),
                    figure(r, DataQualityColumns.ROWS_ACCEPTED),
                    quarantined.getOrDefault(f.sourceFile(), 0L),
                    0,
                    0,
                    figure(r, DataQualityColumns.PNC_CHECK_FAILURES),
                    figure(r, DataQualityColumns.WARNINGS),
                    byRule.getOrDefault(f.sourceFile(), Map.of()),
                    header.rejected() ? DataQualityColumns.STATUS_REJECTED_FILE : DataQualityColumns.STATUS_READ,
                    message(f, header, invalidUtf8.get(f.sourceFile()))));
        }
        return out;
    }

    /** A file's figure, 0 when no row of the file was read (a rejected or empty file). */
    private static long figure(Row file, String column) {
        return file == null ? 0 : file.<Long>getAs(column);
    }

    /** The rejection, or the notes of a file read (columns ignored, bytes not UTF-8); null when there is nothing to say. */
    private static String message(ExtractFile f, HeaderMapping header, Map<String, String> badBytes) {
        if (header.rejected()) {
            return header.rejectionReason();
        }
        List<String> notes = new ArrayList<>();
        if (!header.extraColumns().isEmpty()) {
            notes.add(EXTRA_COLUMNS + " (" + String.join(", ", header.extraColumns()) + ")");
        }
        if (badBytes != null) {
            List<String> at = badBytes.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .toList();
            notes.add(INVALID_UTF8 + ": " + String.join(", ", at));
            LOG.warn("{}: {}: {}", f.sourceFile(), INVALID_UTF8, String.join(", ", at));
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    /** Where one column's bytes that are not UTF-8 are: lines only, never the value. */
    static String where(long values, long firstLine, long lastLine) {
        return values == 1 ? "at line " + firstLine : "in " + values + " rows, lines " + firstLine + " to " + lastLine;
    }

    /**
     * Every delivery ever ingested up to the as-of date, with the rows tonight's supersession resolved for it
     * ({@code resolution}: per source_file, rows superseded and rows deleted), plus what this run found but could not read.
     */
    public static List<FileReport> dataQuality(
            List<ExtractFile> found, Map<String, FileReport> ingested, Map<String, long[]> resolution, LocalDate asOf) {
        List<FileReport> out = new ArrayList<>();
        for (FileReport r : ingested.values()) {
            if (r.extractDate() != null && !r.extractDate().isAfter(asOf)) {
                long[] sd = resolution.getOrDefault(r.sourceFile(), new long[2]);
                out.add(r.withResolution(sd[0], sd[1]));
            }
        }
        for (ExtractFile f : found) {
            if (!f.status().equals(DataQualityColumns.STATUS_READ)) {
                out.add(FileReport.notRead(
                        f.sourceFile(), f.agency(), f.dataset(), f.extractDate(), f.status(), f.message()));
            }
        }
        return out;
    }
}
