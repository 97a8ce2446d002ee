package org.lcjp.reoffending.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.jobs.RunRequest;
import org.lcjp.reoffending.settings.SettingsException;
import picocli.CommandLine.Option;

/** Options every run-like command shares (a Picocli mixin). */
public final class RunOptions {
    @Option(
            names = {"-i", "--input"},
            defaultValue = "sample-inputs",
            paramLabel = "DIR|URI",
            description =
                    "Input root in the extracts.md layout: a local folder or a Hadoop URI (hdfs://, s3a://, abfs://, file:) "
                            + "(default: ${DEFAULT-VALUE}).")
    String input;

    @Option(
            names = {"-o", "--output"},
            defaultValue = "out",
            paramLabel = "DIR|URI",
            description =
                    "Output folder, local or a Hadoop URI: warehouse/ and published/ go under it (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(
            names = "--as-of",
            paramLabel = "yyyy-MM-dd",
            description = "As-of date of the run (default: today). Files extracted after it are not read.")
    LocalDate asOf;

    @Option(
            names = {"-k", "--key-file"},
            paramLabel = "FILE",
            description = "Pseudonymisation key file (at least 32 bytes). Required unless the input is sample-inputs/.")
    Path keyFile;

    @Option(
            names = "--rekey",
            description =
                    "Re-pseudonymise the warehouse with this key although it was built with another (key rotation): every "
                            + "delivery is read again, every research id changes, and the manifest records it. Without it a different key is exit 2.")
    boolean rekey;

    @Option(
            names = "--allow-future-as-of",
            description = "Accept an as-of date after today (without it such a date is exit 2: usually a typing slip).")
    boolean allowFutureAsOf;

    @Option(
            names = "--conf",
            defaultValue = "conf",
            paramLabel = "DIR",
            description = "Settings folder with pipeline.yaml and reference/ (default: ${DEFAULT-VALUE}).")
    Path conf;

    RunRequest request() {
        // Today where the run is started: the schedule runs on the partnership's own hosts, in their time zone.
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        if (asOf != null && asOf.isAfter(today) && !allowFutureAsOf) {
            throw SettingsException.withAdvice(
                    "Cannot run as of " + asOf + ": the date is after today (" + today + ")",
                    "give today's date or an earlier one (--as-of yyyy-MM-dd, AS_OF=), or add --allow-future-as-of if a future date is meant.");
        }
        return new RunRequest(
                location("--input", input),
                location("--output", output),
                asOf == null ? today : asOf,
                keyFile,
                conf.toAbsolutePath().normalize());
    }

    private static StoragePath location(String option, String value) {
        try {
            return StoragePath.of(value);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("Cannot use " + option + " " + value + ": " + e.getMessage()
                    + ". Give a local folder or a URI such as hdfs://namenode:8020/lcjp/out.");
        }
    }
}
