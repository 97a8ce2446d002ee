package org.lcjp.reoffending.synthetic;

import org.lcjp.reoffending.pseudonymise.PncId;

/** Writes PNC IDs in the contract's two forms, with the check letter of extracts.md. */
final class Pnc {
    private static final String LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY";

    private Pnc() {}

    static String longForm(int year, int serial) {
        return String.format("%04d/%07d%c", year, serial, PncId.checkLetter(year % 100, serial));
    }

    static String shortForm(int year, int serial) {
        return String.format("%02d/%d%c", year % 100, serial, PncId.checkLetter(year % 100, serial));
    }

    /** The same ID with a check letter that fails the check (a keying error). */
    static String withWrongCheckLetter(String valid, int shift) {
        char good = valid.charAt(valid.length() - 1);
        char bad = LETTERS.charAt(
                (LETTERS.indexOf(good) + 1 + Math.floorMod(shift, LETTERS.length() - 1)) % LETTERS.length());
        return valid.substring(0, valid.length() - 1) + bad;
    }

    /** Unique serials for up to 9,999,999 people: an affine bijection of the person index. */
    static int serial(long personIndex, long seed) {
        long offset = Math.floorMod(seed, 9_999_999L);
        return (int) (Math.floorMod(personIndex * 4_284_157L + offset, 9_999_999L) + 1);
    }
}
