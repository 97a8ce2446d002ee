package org.lcjp.reoffending.jobs;

import java.nio.file.Path;
import java.time.LocalDate;
import org.lcjp.reoffending.io.StoragePath;

/**
 * What the operator asked for.
 *
 * @param input    input root: any Hadoop file system URI, or a local path
 * @param output   OUTPUT (warehouse/ and published/ under it): any Hadoop file system URI, or a local path
 * @param asOf     as-of date
 * @param keyFile  pseudonymisation key file (local to the driver), or null for the synthetic sample (then conf/sample.key)
 * @param confDir  conf/ folder (pipeline.yaml, reference/, sample.key), local to the driver
 */
public record RunRequest(StoragePath input, StoragePath output, LocalDate asOf, Path keyFile, Path confDir) {

    /** Local input and output folders (tests and tools). */
    public RunRequest(Path input, Path output, LocalDate asOf, Path keyFile, Path confDir) {
        this(StoragePath.local(input), StoragePath.local(output), asOf, keyFile, confDir);
    }
}
