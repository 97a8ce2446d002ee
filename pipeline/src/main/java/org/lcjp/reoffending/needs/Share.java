package org.lcjp.reoffending.needs;

import org.lcjp.reoffending.impact.ComparisonStatistics;
import org.lcjp.reoffending.impact.Interval;

/** A published share with its Wilson interval; all null when there is no denominator. */
record Share(Double value, Double low, Double high) {
    static final Share NONE = new Share(null, null, null);

    static Share of(long part, long whole, ComparisonStatistics stats) {
        if (whole <= 0) {
            return NONE;
        }
        Interval ci = stats.wilson(part, whole);
        return new Share((double) part / whole, ci.low(), ci.high());
    }
}
