package org.lcjp.reoffending.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcjp.reoffending.io.IngestManifest;

/** The ingest stage never re-pseudonymises a warehouse on its own: that is the run's --rekey. */
class IngestKeyCheckTest {
    @TempDir
    Path tmp;

    @Test
    void aWarehouseBuiltWithAnotherKeyIsRefusedAndKept() throws Exception {
        RunContext ctx = TestRuns.context(
                Files.createDirectories(tmp.resolve("in")), tmp.resolve("out"), LocalDate.of(2020, 1, 7));
        new IngestManifest("fingerprint-of-another-key", List.of())
                .write(ctx.storage(), ctx.warehouse().ingestManifest());

        // Refused before any Spark work, so no session is needed.
        assertThatThrownBy(() -> new IngestJob().run(null, ctx))
                .hasMessageContaining("built with another key")
                .hasMessageContaining("--rekey");

        assertThat(IngestManifest.read(ctx.storage(), ctx.warehouse().ingestManifest())
                        .keyFingerprint())
                .isEqualTo("fingerprint-of-another-key");
    }
}
