package org.lcjp.reoffending.reports.pack;

import org.lcjp.reoffending.reports.disclosure.DisclosureSymbols;

/**
 * A figure as the pack shows it after disclosure control: a number, or a symbol ({@code ~} suppressed,
 * {@code ..} not applicable). A true zero is the number 0.
 */
public record Figure(Double number, String symbol) {
    public static final Figure SUPPRESSED = new Figure(null, DisclosureSymbols.SUPPRESSED);
    public static final Figure NOT_APPLICABLE = new Figure(null, DisclosureSymbols.NOT_APPLICABLE);

    public static Figure of(double number) {
        return new Figure(number, null);
    }

    public static Figure count(long count, boolean suppressed) {
        return suppressed ? SUPPRESSED : of(count);
    }

    /** A value that may be missing in the source table (shown as not applicable). */
    public static Figure ofNullable(Double number) {
        return number == null || number.isNaN() ? NOT_APPLICABLE : of(number);
    }

    public boolean isNumber() {
        return number != null;
    }
}
