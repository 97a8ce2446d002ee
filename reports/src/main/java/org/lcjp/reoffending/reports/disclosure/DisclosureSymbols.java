package org.lcjp.reoffending.reports.disclosure;

/** The symbols of methodology section 6, as the pack shows them. */
public final class DisclosureSymbols {
    /** A count, rate or mean withheld to protect a small number of people. */
    public static final String SUPPRESSED = "~";
    /** A true zero (shown as the number 0). */
    public static final String ZERO = "0";
    /** Not applicable: the figure has no meaning for this cell (e.g. a mean over nobody). */
    public static final String NOT_APPLICABLE = "..";

    private DisclosureSymbols() {
    }
}
