package org.lcjp.reoffending.settings;

import java.time.LocalDate;
import java.util.Map;

/**
 * How agency files are read. Per-dataset overrides are keyed {@code <agency>/<dataset>}.
 *
 * @param defaultDateFormat date pattern of every dataset without an override (contract: yyyy-MM-dd)
 * @param earliestDate      dates before this are invalid (contract: 1900-01-01)
 * @param datasets          per-dataset date format and code spellings (courts: dd/MM/yyyy, Male/Female/Unknown)
 * @param maxRecordLines    lines one CSV record may span (quoted line breaks) before an open quote is judged
 *                          unbalanced and only its first line is quarantined (default 50)
 * @param broadcastSupersededRows superseded and deleted rows of one dataset up to which staging removes them with a
 *                          broadcast join, so the wide rows are not shuffled (default 2,000,000: about 120 MB)
 * @param splitBytes        a file larger than this is read by several tasks, one per this many bytes; smaller files
 *                          share a task up to this many bytes (default 32 MiB)
 * @param parallelDatasets  datasets ingested (and staged) at the same time, each on its own driver thread, so their
 *                          small Spark jobs keep every core busy (default 4; 1 ingests them one after another)
 */
public record IngestSettings(
        String defaultDateFormat,
        LocalDate earliestDate,
        Map<String, DatasetSettings> datasets,
        Integer maxRecordLines,
        Long broadcastSupersededRows,
        Long splitBytes,
        Integer parallelDatasets) {

    public IngestSettings {
        defaultDateFormat = Defaults.or(defaultDateFormat, "yyyy-MM-dd");
        earliestDate = Defaults.or(earliestDate, LocalDate.of(1900, 1, 1));
        datasets = Defaults.map(
                datasets,
                Map.of(
                        "courts/convictions",
                        new DatasetSettings(
                                "dd/MM/yyyy", Map.of("sex", Map.of("MALE", "M", "FEMALE", "F", "UNKNOWN", "U")))));
        maxRecordLines = Defaults.or(maxRecordLines, 50);
        broadcastSupersededRows = Defaults.or(broadcastSupersededRows, 2_000_000L);
        splitBytes = Defaults.or(splitBytes, 32L << 20);
        parallelDatasets = Defaults.or(parallelDatasets, 4);
    }

    /** What is wrong with these values, keys relative to the section (none: usable). */
    public java.util.List<String> problems() {
        Problems p = new Problems();
        p.check(parallelDatasets >= 1, "parallel_datasets", "must be at least 1", parallelDatasets);
        p.check(splitBytes >= 1, "split_bytes", "must be positive", splitBytes);
        p.check(maxRecordLines >= 1, "max_record_lines", "must be at least 1", maxRecordLines);
        return p.list();
    }

    public static IngestSettings defaults() {
        return new IngestSettings(null, null, null, null, null, null, null);
    }

    public String dateFormat(String datasetPath) {
        DatasetSettings d = datasets.get(datasetPath);
        return d == null || d.dateFormat() == null ? defaultDateFormat : d.dateFormat();
    }

    /** Source spelling (upper case) to contract code, per column; empty when the dataset uses contract codes. */
    public Map<String, Map<String, String>> codeMappings(String datasetPath) {
        DatasetSettings d = datasets.get(datasetPath);
        return d == null ? Map.of() : d.codeMappings();
    }

    /**
     * @param dateFormat   java.time pattern of this dataset's dates
     * @param codeMappings column -> (source spelling, upper case -> contract code)
     */
    public record DatasetSettings(String dateFormat, Map<String, Map<String, String>> codeMappings) {
        public DatasetSettings {
            codeMappings = Defaults.map(codeMappings, Map.of());
        }
    }
}
