package org.lcjp.reoffending.reports.pack.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.lcjp.reoffending.reports.disclosure.Shorthand;

/** Layout rules both writers share: the shorthand key above each table, and text that can never run as a formula. */
public final class Layout {
    private static final String FORMULA_START = "=+-@";

    private Layout() {}

    /** The sheet with one key line per shorthand symbol it uses, before its other lines. */
    public static Sheet withKey(Sheet s, int threshold, int lowReliabilityBelow) {
        Set<Shorthand> used = shorthandUsed(s);
        if (used.isEmpty()) {
            return s;
        }
        List<String> lines = new ArrayList<>();
        for (Shorthand h : used) {
            lines.add("Shorthand " + h.code() + " means " + h.meaning(threshold, lowReliabilityBelow) + ".");
        }
        lines.addAll(s.lines());
        return new Sheet(s.name(), s.contents(), s.title(), s.description(), lines, s.table(), s.charts());
    }

    /** Every shorthand symbol that appears on the sheet: in a figure, in row notes, or in its text. */
    public static Set<Shorthand> shorthandUsed(Sheet s) {
        Set<Shorthand> used = EnumSet.noneOf(Shorthand.class);
        List<String> texts = new ArrayList<>(s.lines());
        texts.add(s.description());
        if (s.table() != null) {
            for (List<Object> row : s.table().rows()) {
                for (Object v : row) {
                    Object value = v instanceof Formatted f ? f.value() : v;
                    if (value instanceof Figure f && !f.isNumber()) {
                        used.add(f.shorthand());
                    } else if (value instanceof String text) {
                        texts.add(text);
                    }
                }
            }
        }
        s.charts().forEach(c -> {
            texts.addAll(c.categories());
            c.series().forEach(x -> texts.add(x.name()));
        });
        for (String t : texts) {
            for (Shorthand h : Shorthand.values()) {
                if (t.contains(h.code())) {
                    used.add(h);
                }
            }
        }
        return used;
    }

    /**
     * Text as a cell holds it: never starting with a formula character (a file or folder name from the input may),
     * so no spreadsheet program, nor a later export to CSV, can run it. Such text gets a leading apostrophe.
     */
    public static String safeText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return FORMULA_START.indexOf(text.charAt(0)) >= 0 || text.charAt(0) == '\t' || text.charAt(0) == '\r'
                ? "'" + text
                : text;
    }

    /**
     * Lines the text takes when wrapped at word boundaries in {@code charsPerLine} (a word longer than a line is
     * broken), for the row heights of both writers: readers wrap by words, so counting characters alone left a
     * heading such as "Harm of reoffences (days)" a line short and its first line cut off in print.
     */
    public static int wrappedLines(String text, int charsPerLine) {
        int width = Math.max(1, charsPerLine);
        int byChars = (int) Math.ceil(text.length() / (double) width);
        int lines = 1;
        int used = 0;
        for (String word : text.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int length = word.length();
            if (used > 0 && used + 1 + length > width) {
                lines++;
                used = 0;
            }
            if (used == 0) {
                lines += (length - 1) / width;
                used = (length - 1) % width + 1;
            } else {
                used += 1 + length;
            }
        }
        return Math.max(Math.max(1, byChars), lines);
    }
}
