package org.lcjp.reoffending.jobs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.lcjp.reoffending.io.Warehouse;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.settings.PipelineSettings;

/** Run contexts for job tests: the project's conf/, a fixed test key. */
final class TestRuns {
    static final PseudonymisationKey KEY =
            PseudonymisationKey.of("test-key-0123456789-abcdefghijklmnop".getBytes(StandardCharsets.UTF_8), "test");

    private TestRuns() {}

    static RunContext context(Path input, Path output, LocalDate asOf) {
        return new RunContext(
                input,
                new Warehouse(output),
                output.resolve("publishing-" + asOf),
                asOf,
                KEY,
                Path.of("../conf"),
                PipelineSettings.defaults());
    }
}
