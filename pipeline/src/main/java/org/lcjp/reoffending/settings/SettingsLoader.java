package org.lcjp.reoffending.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Loads {@link PipelineSettings} from YAML with snake_case keys; unknown keys and bad values are errors. */
public final class SettingsLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SettingsLoader() {
    }

    public static PipelineSettings load(Path file) {
        if (file == null || !Files.exists(file)) {
            throw new SettingsException("Cannot read settings: file not found (" + file + "). Pass --conf with conf/pipeline.yaml.");
        }
        try {
            PipelineSettings s = YAML.readValue(file.toFile(), PipelineSettings.class);
            return s == null ? PipelineSettings.defaults() : s;
        } catch (UnrecognizedPropertyException e) {
            throw new SettingsException("Cannot read settings: unknown key '" + e.getPropertyName() + "' at "
                    + e.getPathReference() + " in " + file + ". Known keys: " + e.getKnownPropertyIds(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException("Cannot read settings " + file + ": " + rootMessage(e), e);
        }
    }

    /** SHA-256 of the settings as resolved (defaults filled in), for the run manifest. */
    public static String hash(PipelineSettings settings) {
        try {
            byte[] json = new ObjectMapper().registerModule(new JavaTimeModule()).writeValueAsBytes(settings);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash settings", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
