package org.lcjp.reoffending.io;

import java.time.LocalDate;
import org.lcjp.reoffending.domain.DatasetId;

/**
 * A file (or folder) found under the input root.
 *
 * @param path             where it is
 * @param sourceFile       path relative to the input root with '/' separators: how every table names the file
 * @param agency           agency folder, or null when the entry is not inside one
 * @param dataset          dataset folder, or null
 * @param extractDate      date from the name, or null when the name does not give one
 * @param status           a data_quality status: READ for a file to read, else why it is not read
 * @param message          why it is not read, or null
 * @param bytes            its length as listed (0 for a folder)
 * @param modificationTime as listed, epoch milliseconds: with the length, how a night tells a delivery it already
 *                         ingested without opening it
 */
public record ExtractFile(
        StoragePath path,
        String sourceFile,
        String agency,
        String dataset,
        LocalDate extractDate,
        String status,
        String message,
        long bytes,
        long modificationTime) {

    /** A local file as listed now (tests). */
    public ExtractFile(
            java.nio.file.Path path,
            String sourceFile,
            String agency,
            String dataset,
            LocalDate extractDate,
            String status,
            String message) {
        this(StoragePath.local(path), sourceFile, agency, dataset, extractDate, status, message, length(path), 0);
    }

    private static long length(java.nio.file.Path p) {
        java.io.File f = p.toFile();
        return f.isFile() ? f.length() : 0;
    }

    public DatasetId datasetId() {
        return new DatasetId(agency, dataset);
    }
}
