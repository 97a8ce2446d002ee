package org.lcjp.reoffending.reports.disclosure;

/** When a rate or mean may be shown next to counts under disclosure control. */
public final class Ratios {
    private Ratios() {}

    /**
     * A ratio is withheld when its denominator is suppressed or below the threshold, and also when its numerator is
     * suppressed: a shown rate times a shown denominator would give the suppressed numerator back.
     */
    public static boolean suppress(
            long denominator, boolean denominatorSuppressed, boolean numeratorSuppressed, int threshold) {
        return denominatorSuppressed || numeratorSuppressed || (denominator > 0 && denominator < threshold);
    }

    /**
     * A ratio over nobody has no meaning; but when the denominator is itself suppressed the ratio shows as
     * suppressed, since "not applicable" would give the zero away. Check {@link #suppress} first.
     */
    public static boolean notApplicable(long denominator) {
        return denominator == 0;
    }
}
