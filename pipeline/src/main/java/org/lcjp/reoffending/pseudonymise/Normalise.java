package org.lcjp.reoffending.pseudonymise;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normal forms of identifiers, applied before hashing so that spelling noise does not split a person. */
public final class Normalise {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^A-Z0-9]");
    private static final Pattern POSTCODE = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$");

    private Normalise() {}

    /** Case-folded, accents stripped, letters only ("O'Brien-Smith" -> "obriensmith"); null when nothing is left. */
    public static String name(String raw) {
        if (raw == null) {
            return null;
        }
        String s = MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
        s = NOT_LETTER.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
        return s.isEmpty() ? null : s;
    }

    /** Upper case, no spaces or punctuation ("ts1 3bq" -> "TS13BQ"); null when empty. */
    public static String postcode(String raw) {
        if (raw == null) {
            return null;
        }
        String s = NOT_ALNUM.matcher(raw.toUpperCase(Locale.ROOT)).replaceAll("");
        return s.isEmpty() ? null : s;
    }

    /** Outward code of a normalised postcode ("TS13BQ" -> "TS1"), or null when it is not a UK postcode shape. */
    public static String postcodeDistrict(String normalisedPostcode) {
        if (normalisedPostcode == null) {
            return null;
        }
        var m = POSTCODE.matcher(normalisedPostcode);
        return m.matches() ? m.group(1) : null;
    }
}
