package org.lcjp.reoffending.reports.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pack's notes, numbered in the order sheets first refer to them, so the Notes sheet lists exactly the notes
 * used, each defined once: {@link #ref} is the only way a sheet names a note.
 */
public final class Notes {
    private final Map<String, String> texts;
    private final Map<String, Integer> numbers = new LinkedHashMap<>();

    Notes(Map<String, String> texts) {
        this.texts = texts;
    }

    /** "[note n]" for the note {@code key}, numbering it on first use. */
    public String ref(String key) {
        if (!texts.containsKey(key)) {
            throw new IllegalArgumentException("No such note: " + key);
        }
        return "[note " + numbers.computeIfAbsent(key, k -> numbers.size() + 1) + "]";
    }

    /** "Notes: [note 1], [note 4]." for a sheet's notes line. */
    public String line(String... keys) {
        List<String> refs = new ArrayList<>();
        for (String k : keys) {
            refs.add(ref(k));
        }
        return "This table has notes: " + String.join(", ", refs) + " (see the Notes sheet).";
    }

    /** Used notes in number order: number, text. */
    public List<Map.Entry<Integer, String>> used() {
        List<Map.Entry<Integer, String>> out = new ArrayList<>();
        numbers.forEach((k, n) -> out.add(Map.entry(n, texts.get(k))));
        return out;
    }
}
