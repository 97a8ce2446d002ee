package org.lcjp.reoffending.impact;

/** A confidence interval around an estimate. */
public record Interval(double low, double high) {
    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
