package org.lcjp.reoffending.io;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files already ingested ({@code warehouse/ingest-manifest.json}) with their SHA-256, so a nightly run parses only
 * new or changed files. {@code keyFingerprint} is a keyed hash of a constant: when the key changes, every stored
 * token is stale and the run re-ingests everything. Each entry also keeps the file's length and modification time as
 * listed: a delivery listed with the same two is taken as already ingested without being opened (and its recorded
 * SHA-256 goes to the run manifest); any other is parsed and hashed in the same pass.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IngestManifest(String keyFingerprint, List<Entry> files) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One ingested file.
     *
     * @param bytes            length when ingested (null in manifests written before it was kept)
     * @param modificationTime epoch milliseconds when ingested (null likewise)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(
            String sourceFile,
            String agency,
            String dataset,
            String extractDate,
            String sha256,
            Long bytes,
            Long modificationTime) {
        /** Is {@code f} as listed now the file this entry recorded? */
        public boolean unchanged(ExtractFile f) {
            return bytes != null
                    && modificationTime != null
                    && bytes == f.bytes()
                    && modificationTime == f.modificationTime();
        }
    }

    public IngestManifest {
        files = files == null ? List.of() : List.copyOf(files);
    }

    public static IngestManifest empty(String keyFingerprint) {
        return new IngestManifest(keyFingerprint, List.of());
    }

    public static IngestManifest read(Storage storage, StoragePath file) {
        if (!storage.exists(file)) {
            return new IngestManifest(null, List.of());
        }
        try {
            return JSON.readValue(storage.readBytes(file), IngestManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ingest manifest: " + e.getMessage() + " (" + file + ")", e);
        }
    }

    public Map<String, Entry> bySourceFile() {
        Map<String, Entry> m = new LinkedHashMap<>();
        files.forEach(f -> m.put(f.sourceFile(), f));
        return m;
    }

    /** This manifest with {@code updated} entries replacing those of the same file. */
    public IngestManifest with(List<Entry> updated) {
        Map<String, Entry> m = new LinkedHashMap<>();
        files.forEach(f -> m.put(f.sourceFile(), f));
        updated.forEach(f -> m.put(f.sourceFile(), f));
        List<Entry> all = new ArrayList<>(m.values());
        all.sort(Comparator.comparing(Entry::sourceFile));
        return new IngestManifest(keyFingerprint, all);
    }

    /** Written beside and moved into place ({@link Storage#write}), so a crash never leaves half a manifest. */
    public void write(Storage storage, StoragePath file) {
        try {
            storage.write(file, JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write the ingest manifest: " + e.getMessage() + " (" + file + ")", e);
        }
    }
}
