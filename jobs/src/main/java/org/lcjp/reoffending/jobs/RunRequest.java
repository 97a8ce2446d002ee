package org.lcjp.reoffending.jobs;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What the operator asked for.
 *
 * @param input    input root
 * @param output   OUTPUT folder (warehouse/ and published/ under it)
 * @param asOf     as-of date
 * @param keyFile  pseudonymisation key file, or null for the synthetic sample (then conf/sample.key is used)
 * @param confDir  conf/ folder (pipeline.yaml, reference/, sample.key)
 */
public record RunRequest(Path input, Path output, LocalDate asOf, Path keyFile, Path confDir) {
}
