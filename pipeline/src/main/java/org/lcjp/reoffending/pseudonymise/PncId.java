package org.lcjp.reoffending.pseudonymise;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Police National Computer IDs (extracts.md): long form YYYY/NNNNNNNC, short form YY/NNNNNC, two-digit years
 * 00-39 meaning 20YY and 40-99 meaning 19YY; the check letter is CHECK_LETTERS[(YY * 10^7 + serial) mod 23].
 */
public final class PncId {
    private static final String CHECK_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY";
    private static final Pattern LONG = Pattern.compile("^(\\d{4})/(\\d{7})([A-Z])$");
    private static final Pattern SHORT = Pattern.compile("^(\\d{2})/(\\d{1,7})([A-Z])$");

    /** What a raw PNC value is. */
    public enum Status {
        ABSENT,
        VALID,
        MALFORMED,
        BAD_CHECK_LETTER
    }

    /** @param normalForm long form when VALID, else null */
    public record Parsed(Status status, String normalForm) {}

    private PncId() {}

    public static Parsed parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Parsed(Status.ABSENT, null);
        }
        String s = raw.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        int year;
        long serial;
        char check;
        Matcher m = LONG.matcher(s);
        if (m.matches()) {
            year = Integer.parseInt(m.group(1));
            serial = Long.parseLong(m.group(2));
            check = m.group(3).charAt(0);
        } else if ((m = SHORT.matcher(s)).matches()) {
            int yy = Integer.parseInt(m.group(1));
            year = yy <= 39 ? 2000 + yy : 1900 + yy;
            serial = Long.parseLong(m.group(2));
            check = m.group(3).charAt(0);
        } else {
            return new Parsed(Status.MALFORMED, null);
        }
        if (check != checkLetter(year % 100, serial)) {
            return new Parsed(Status.BAD_CHECK_LETTER, null);
        }
        return new Parsed(Status.VALID, String.format("%04d/%07d%c", year, serial, check));
    }

    public static char checkLetter(int twoDigitYear, long serial) {
        return CHECK_LETTERS.charAt((int) ((twoDigitYear * 10_000_000L + serial) % 23));
    }
}
