package org.lcjp.reoffending.io;

import java.nio.file.Path;
import java.time.LocalDate;
import org.lcjp.reoffending.domain.DatasetId;

/**
 * A file (or folder) found under the input root.
 *
 * @param path        absolute path
 * @param sourceFile  path relative to the input root with '/' separators: how every table names the file
 * @param agency      agency folder, or null when the entry is not inside one
 * @param dataset     dataset folder, or null
 * @param extractDate date from the name, or null when the name does not give one
 * @param status      a data_quality status: READ for a file to read, else why it is not read
 * @param message     why it is not read, or null
 */
public record ExtractFile(Path path, String sourceFile, String agency, String dataset, LocalDate extractDate,
                          String status, String message) {

    public DatasetId datasetId() {
        return new DatasetId(agency, dataset);
    }
}
