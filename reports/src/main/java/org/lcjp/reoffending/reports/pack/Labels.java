package org.lcjp.reoffending.reports.pack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Codes as words, from the one labels file ({@code conf/labels.yaml}): a section per kind of code (a dimension
 * such as {@code SEX}, or {@code population}, {@code comparison}...), each mapping code to words. A code the file
 * does not know is shown in sentence case ({@code COURT_ORDER} would read "Court order"), so a new code never
 * breaks a pack; add it to the file to choose its words.
 */
public final class Labels {
    private final Map<String, Map<String, String>> sections;

    private Labels(Map<String, Map<String, String>> sections) {
        this.sections = sections;
    }

    public static Labels load(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Cannot read pack labels: file not found (" + file + ")");
        }
        try {
            Map<String, Map<String, Object>> raw =
                    new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), new TypeReference<>() {});
            Map<String, Map<String, String>> s = new LinkedHashMap<>();
            if (raw != null) {
                raw.forEach((section, codes) -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    if (codes != null) {
                        codes.forEach((code, words) -> m.put(code, String.valueOf(words)));
                    }
                    s.put(section, m);
                });
            }
            return new Labels(s);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read pack labels " + file + ": " + e.getMessage(), e);
        }
    }

    /** No file: every code in sentence case (tests of layout only). */
    public static Labels none() {
        return new Labels(Map.of());
    }

    /** The words for {@code code} in {@code section}. */
    public String of(String section, String code) {
        if (code == null) {
            return "Not known";
        }
        Map<String, String> s = sections.get(section);
        String words = s == null ? null : s.get(code);
        if (words == null) {
            Map<String, String> common = sections.get("common");
            words = common == null ? null : common.get(code);
        }
        return words != null ? words : sentenceCase(code);
    }

    public static String sentenceCase(String code) {
        if (code.isEmpty()) {
            return code;
        }
        if (!code.equals(code.toUpperCase(Locale.UK))) {
            return code;
        }
        String s = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
