package org.lcjp.reoffending.reports.pack.model;

import org.lcjp.reoffending.reports.disclosure.Shorthand;

/**
 * A figure as the pack shows it after disclosure control: a number (stored as a number), or shorthand in its
 * place. A true zero is the number 0.
 */
public record Figure(Double number, Shorthand shorthand) {
    public static final Figure CONFIDENTIAL = new Figure(null, Shorthand.CONFIDENTIAL);
    public static final Figure NOT_AVAILABLE = new Figure(null, Shorthand.NOT_AVAILABLE);
    public static final Figure NOT_APPLICABLE = new Figure(null, Shorthand.NOT_APPLICABLE);

    public Figure {
        if ((number == null) == (shorthand == null)) {
            throw new IllegalArgumentException("A figure is a number or shorthand, not both or neither");
        }
    }

    public static Figure of(double number) {
        return new Figure(number, null);
    }

    public static Figure count(long count, boolean suppressed) {
        return suppressed ? CONFIDENTIAL : of(count);
    }

    /** A value that may be missing in the source table: not available. */
    public static Figure ofNullable(Double number) {
        return number == null || number.isNaN() || number.isInfinite() ? NOT_AVAILABLE : of(number);
    }

    /** The figure, or confidential when {@code suppressed} and there is a figure to withhold. */
    public static Figure unless(boolean suppressed, Double number) {
        Figure f = ofNullable(number);
        return suppressed && f.isNumber() ? CONFIDENTIAL : f;
    }

    public boolean isNumber() {
        return number != null;
    }
}
