package org.lcjp.reoffending.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files already ingested ({@code warehouse/ingest-manifest.json}) with their SHA-256, so a nightly run parses only
 * new or changed files. {@code keyFingerprint} is a keyed hash of a constant: when the key changes, every stored
 * token is stale and the run re-ingests everything.
 */
public record IngestManifest(String keyFingerprint, List<Entry> files) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** One ingested file. */
    public record Entry(String sourceFile, String agency, String dataset, String extractDate, String sha256) {
    }

    public IngestManifest {
        files = files == null ? List.of() : List.copyOf(files);
    }

    public static IngestManifest empty(String keyFingerprint) {
        return new IngestManifest(keyFingerprint, List.of());
    }

    public static IngestManifest read(Path file) {
        if (!Files.exists(file)) {
            return new IngestManifest(null, List.of());
        }
        try {
            return JSON.readValue(file.toFile(), IngestManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ingest manifest: " + e.getMessage() + " (" + file + ")", e);
        }
    }

    public Map<String, String> shaBySourceFile() {
        Map<String, String> m = new LinkedHashMap<>();
        files.forEach(f -> m.put(f.sourceFile(), f.sha256()));
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

    /** Written beside and moved into place, so a crash never leaves half a manifest. */
    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ingest manifest: " + e.getMessage() + " (" + file + ")", e);
        }
    }
}
