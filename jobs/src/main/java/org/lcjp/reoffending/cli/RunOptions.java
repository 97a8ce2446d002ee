package org.lcjp.reoffending.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import org.lcjp.reoffending.jobs.RunRequest;
import picocli.CommandLine.Option;

/** Options every run-like command shares (a Picocli mixin). */
public final class RunOptions {
    @Option(names = {"-i", "--input"}, defaultValue = "sample-inputs", paramLabel = "DIR",
            description = "Input root in the extracts.md layout (default: ${DEFAULT-VALUE}).")
    Path input;

    @Option(names = {"-o", "--output"}, defaultValue = "out", paramLabel = "DIR",
            description = "Output folder: warehouse/ and published/ go under it (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd",
            description = "As-of date of the run (default: today). Files extracted after it are not read.")
    LocalDate asOf;

    @Option(names = {"-k", "--key-file"}, paramLabel = "FILE",
            description = "Pseudonymisation key file (at least 32 bytes). Required unless the input is sample-inputs/.")
    Path keyFile;

    @Option(names = "--conf", defaultValue = "conf", paramLabel = "DIR",
            description = "Settings folder with pipeline.yaml and reference/ (default: ${DEFAULT-VALUE}).")
    Path conf;

    RunRequest request() {
        return new RunRequest(input.toAbsolutePath().normalize(), output.toAbsolutePath().normalize(),
                asOf == null ? LocalDate.now() : asOf, keyFile, conf.toAbsolutePath().normalize());
    }
}
