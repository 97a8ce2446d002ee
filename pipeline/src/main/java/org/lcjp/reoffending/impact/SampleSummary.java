package org.lcjp.reoffending.impact;

/**
 * Sufficient statistics of one group's outcome, with frequency weights (a matched control used twice counts twice),
 * so the statistics below need only these three sums: Σw, Σwx, Σwx².
 *
 * @param weight       Σw (the group size when every weight is 1)
 * @param sum          Σwx
 * @param sumOfSquares Σwx²
 */
public record SampleSummary(double weight, double sum, double sumOfSquares) {

    public static SampleSummary ofValues(double... values) {
        double s = 0;
        double ss = 0;
        for (double v : values) {
            s += v;
            ss += v * v;
        }
        return new SampleSummary(values.length, s, ss);
    }

    /** A 0/1 outcome: {@code successes} of {@code n}. */
    public static SampleSummary ofProportion(double successes, double n) {
        return new SampleSummary(n, successes, successes);
    }

    public double mean() {
        return weight == 0 ? Double.NaN : sum / weight;
    }

    /** Sample variance with the n - 1 divisor (frequency weights). */
    public double variance() {
        if (weight <= 1) {
            return Double.NaN;
        }
        double v = (sumOfSquares - sum * sum / weight) / (weight - 1);
        return Math.max(v, 0.0);
    }

    /** Variance of a proportion, p(1 - p), the form the two-proportion test uses. */
    public double proportionVariance() {
        double p = mean();
        return p * (1 - p);
    }
}
