package org.lcjp.reoffending.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;

/**
 * published/&lt;as_of&gt;/manifest.json (outputs.md): what a run read, how it was configured, what it produced.
 *
 * @param configHash      SHA-256 over the resolved settings and every conf file that changes figures
 * @param stages          per stage: stage, rows_in, rows_out, seconds and the stage's further figures (a JSON object
 *                        made from the stage's typed result)
 * @param configFiles     those conf files (path under conf/) with their SHA-256
 * @param keyFingerprint  a keyed hash of a constant under the pseudonymisation key (never the key)
 * @param effectiveDate   the last day every dataset proving offences covers, up to the as-of date (null: none)
 * @param limitingDataset the dataset that holds the effective date back; null when the as-of date does
 * @param firstCohort     the first cohort published
 * @param dataCoverage    each dataset's coverage date (null: never delivered)
 */
public record RunManifest(
        String runId,
        String asOf,
        String schemaVersion,
        String codeVersion,
        String configHash,
        String sparkMaster,
        Instant started,
        Instant finished,
        List<InputFiles.InputFile> inputFiles,
        List<ObjectNode> stages,
        Map<String, Long> publishedRows,
        Map<String, String> configFiles,
        String keyFingerprint,
        String effectiveDate,
        String limitingDataset,
        String firstCohort,
        Map<String, String> dataCoverage) {

    /** Version of the published contract (outputs.md); bumped with the README changelog. */
    public static final String SCHEMA_VERSION = "2.0";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public byte[] toBytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the run manifest", e);
        }
    }

    public static RunManifest read(Storage storage, StoragePath file) throws IOException {
        return JSON.readValue(storage.readBytes(file), RunManifest.class);
    }

    /** A local manifest (tests). */
    public static RunManifest read(java.nio.file.Path file) throws IOException {
        return JSON.readValue(file.toFile(), RunManifest.class);
    }
}
