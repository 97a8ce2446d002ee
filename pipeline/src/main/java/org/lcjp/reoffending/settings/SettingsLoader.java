package org.lcjp.reoffending.settings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads {@link PipelineSettings} from YAML with snake_case keys. Unknown keys, values of the wrong type and values out
 * of range are errors, all of them listed in one {@link SettingsException}, so a config is fixed in one go.
 */
public final class SettingsLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final String ADVICE =
            "correct each key listed in conf/pipeline.yaml (every key is documented there beside its "
                    + "default, and in the README's \"Settings\"), then run again.";

    private SettingsLoader() {}

    public static PipelineSettings load(Path file) {
        if (file == null || !Files.exists(file)) {
            throw new SettingsException(
                    "Cannot read settings: file not found (" + file + "). Pass --conf with conf/pipeline.yaml.");
        }
        SettingsProblems found;
        PipelineSettings s;
        try (JsonParser keys = YAML.createParser(file.toFile())) {
            found = new SettingsProblems(SettingsProblems.keyLines(keys));
            s = YAML.readerFor(PipelineSettings.class).withHandler(found).readValue(file.toFile());
        } catch (IOException | IllegalArgumentException e) {
            // Only what the reader cannot step over: YAML that does not parse, or a file that cannot be read.
            throw new SettingsException("Cannot read settings " + file + ": " + rootMessage(e), e);
        }
        s = s == null ? PipelineSettings.defaults() : s;
        List<String> problems = new ArrayList<>(found.problems());
        s.problems().forEach(p -> problems.add(found.withLine(p)));
        if (!problems.isEmpty()) {
            throw SettingsException.withAdvice(listed("Cannot read settings " + file, problems), ADVICE);
        }
        return s;
    }

    /** "What: N problems:" and one numbered line per problem. */
    public static String listed(String what, List<String> problems) {
        StringBuilder b = new StringBuilder(what)
                .append(": ")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem:" : " problems:");
        for (int i = 0; i < problems.size(); i++) {
            b.append("\n  ").append(i + 1).append(". ").append(problems.get(i));
        }
        return b.toString();
    }

    /** A section with every key at its documented default: what an empty mapping in conf/ reads as. */
    static <T> T defaults(Class<T> section) {
        return YAML.convertValue(Map.of(), section);
    }

    /** The same section with the given keys (snake_case, as in conf/) set to other values. */
    @SuppressWarnings("unchecked")
    static <T> T with(T section, Map<String, ?> changes) {
        Map<String, Object> values = new LinkedHashMap<>(YAML.convertValue(section, Map.class));
        values.putAll(changes);
        return (T) YAML.convertValue(values, section.getClass());
    }

    /** SHA-256 of the settings as resolved (defaults filled in), for the run manifest. */
    public static String hash(PipelineSettings settings) {
        try {
            byte[] json =
                    new ObjectMapper().registerModule(new JavaTimeModule()).writeValueAsBytes(settings);
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
