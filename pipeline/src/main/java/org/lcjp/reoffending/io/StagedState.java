package org.lcjp.reoffending.io;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a staged table was built from ({@code staged/<table>/_staged.json}, written after the table): the deliveries
 * in force (source file and SHA-256), the key fingerprint and the code version, with the per-file supersession
 * figures the build found. A night whose inputs to the table are the same reuses the table and its figures instead
 * of ranking and rewriting it: one changed dataset restages one table. Spark ignores the file (its name starts with
 * an underscore); a crash before it is written only makes the next night rebuild the table.
 *
 * @param inputs     source file to SHA-256 of every accepted delivery up to the as-of date
 * @param resolution source file to [rows superseded, rows deleted]
 * @param inForce    records in force (the table's rows)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StagedState(
        String keyFingerprint,
        String codeVersion,
        Map<String, String> inputs,
        Map<String, long[]> resolution,
        long inForce) {
    public static final String FILE = "_staged.json";
    private static final ObjectMapper JSON =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    public StagedState {
        inputs = new TreeMap<>(inputs == null ? Map.of() : inputs);
        resolution = new TreeMap<>(resolution == null ? Map.of() : resolution);
    }

    /** Does this state describe a table built from exactly these inputs? */
    public boolean builtFrom(String keyFingerprint, String codeVersion, Map<String, String> inputs) {
        return this.keyFingerprint.equals(keyFingerprint)
                && this.codeVersion.equals(codeVersion)
                && this.inputs.equals(new TreeMap<>(inputs));
    }

    /** The state of the staged table at {@code table}, or null when there is none (or it cannot be read). */
    public static StagedState read(Storage storage, StoragePath table) {
        StoragePath file = table.resolve(FILE);
        if (!storage.isFile(file) || !storage.exists(table.resolve("_SUCCESS"))) {
            return null;
        }
        try {
            return JSON.readValue(storage.readBytes(file), StagedState.class);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    public void write(Storage storage, StoragePath table) {
        try {
            storage.write(table.resolve(FILE), JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + FILE + " of " + table, e);
        }
    }
}
