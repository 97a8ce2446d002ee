package org.lcjp.reoffending.impact;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The statistics of methodology.md section 5 and the Justice Data Lab: Wilson intervals, the two-proportion z-test,
 * Welch's t-test, the sample size a comparison would need, and standardised mean differences. Pure Java; the counts
 * come from Spark aggregates.
 */
public final class ComparisonStatistics {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private final double confidence;
    private final double power;
    private final double z;

    /**
     * @param confidence confidence level of every interval, e.g. 0.95; significance is p &lt;= 1 - confidence
     * @param power      power for the sample size needed, e.g. 0.8
     */
    public ComparisonStatistics(double confidence, double power) {
        if (!(confidence > 0 && confidence < 1) || !(power > 0 && power < 1)) {
            throw new IllegalArgumentException(
                    "Cannot use confidence and power: both must be in (0, 1) (" + confidence + ", " + power + ")");
        }
        this.confidence = confidence;
        this.power = power;
        this.z = STANDARD_NORMAL.inverseSurvivalProbability((1 - confidence) / 2);
    }

    public double alpha() {
        return 1 - confidence;
    }

    /** Wilson score interval of a proportion; (0, 1)-bounded even at 0 or n successes. */
    public Interval wilson(double successes, double n) {
        if (n <= 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        double p = successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // At 0 or n successes the bound is exactly 0 or 1; rounding would leave 1e-17.
        double low = successes <= 0 ? 0.0 : Math.max(0, centre - half);
        double high = successes >= n ? 1.0 : Math.min(1, centre + half);
        return new Interval(low, high);
    }

    /**
     * Two-proportion z-test of p1 - p2: the p-value from the pooled standard error (the null hypothesis p1 = p2),
     * the interval from the unpooled (Wald) standard error.
     */
    public TestResult twoProportions(SampleSummary first, SampleSummary second) {
        double n1 = first.weight();
        double n2 = second.weight();
        double p1 = first.mean();
        double p2 = second.mean();
        double diff = p1 - p2;
        double se = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        double pooled = (first.sum() + second.sum()) / (n1 + n2);
        double sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        double p = sePooled > 0 ? 2 * STANDARD_NORMAL.survivalProbability(Math.abs(diff) / sePooled) : Double.NaN;
        return result(diff, new Interval(diff - z * se, diff + z * se), p);
    }

    /** Student t interval of one group's mean (n - 1 degrees of freedom). */
    public Interval meanInterval(SampleSummary sample) {
        double n = sample.weight();
        if (n <= 1) {
            return new Interval(Double.NaN, Double.NaN);
        }
        double q = TDistribution.of(n - 1).inverseSurvivalProbability((1 - confidence) / 2);
        double half = q * Math.sqrt(sample.variance() / n);
        return new Interval(sample.mean() - half, sample.mean() + half);
    }

    /** Welch's unequal-variance t-test of mean1 - mean2, with Welch-Satterthwaite degrees of freedom. */
    public TestResult welch(SampleSummary first, SampleSummary second) {
        double v1 = first.variance() / first.weight();
        double v2 = second.variance() / second.weight();
        double diff = first.mean() - second.mean();
        double se = Math.sqrt(v1 + v2);
        if (!(se > 0)) {
            return result(diff, new Interval(diff, diff), Double.NaN);
        }
        double df = welchDegreesOfFreedom(first, second);
        TDistribution t = TDistribution.of(df);
        double q = t.inverseSurvivalProbability((1 - confidence) / 2);
        double p = 2 * t.survivalProbability(Math.abs(diff) / se);
        return result(diff, new Interval(diff - q * se, diff + q * se), p);
    }

    public static double welchDegreesOfFreedom(SampleSummary first, SampleSummary second) {
        double v1 = first.variance() / first.weight();
        double v2 = second.variance() / second.weight();
        return (v1 + v2) * (v1 + v2) / (v1 * v1 / (first.weight() - 1) + v2 * v2 / (second.weight() - 1));
    }

    /**
     * People per group a two-proportion test would need to find p1 - p2 significant with the configured power
     * (Fleiss, without continuity correction); null when the proportions are equal.
     */
    public Long sampleSizeForProportions(double p1, double p2) {
        double delta = Math.abs(p1 - p2);
        if (!(delta > 0)) {
            return null;
        }
        double bar = (p1 + p2) / 2;
        double zPower = STANDARD_NORMAL.inverseCumulativeProbability(power);
        double root = z * Math.sqrt(2 * bar * (1 - bar)) + zPower * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return (long) Math.ceil(root * root / (delta * delta));
    }

    /**
     * People per group a two-mean comparison would need to find the difference significant with the configured
     * power, n = 2 (z + z_power)² s² / delta², s² the average of the two variances; null when the means are equal.
     */
    public Long sampleSizeForMeans(SampleSummary first, SampleSummary second) {
        double delta = Math.abs(first.mean() - second.mean());
        double variance = (first.variance() + second.variance()) / 2;
        if (!(delta > 0) || Double.isNaN(variance)) {
            return null;
        }
        double zPower = STANDARD_NORMAL.inverseCumulativeProbability(power);
        return (long) Math.ceil(2 * (z + zPower) * (z + zPower) * variance / (delta * delta));
    }

    /**
     * Standardised mean difference (mean1 - mean2) / sqrt((var1 + var2) / 2), the pooled-SD form of Austin (2009);
     * 0 when neither group varies and the means agree.
     */
    public static double standardisedMeanDifference(double mean1, double var1, double mean2, double var2) {
        double sd = Math.sqrt((var1 + var2) / 2);
        if (sd > 0) {
            return (mean1 - mean2) / sd;
        }
        return mean1 == mean2 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, mean1 - mean2);
    }

    private TestResult result(double diff, Interval interval, double p) {
        return new TestResult(diff, interval, p, !Double.isNaN(p) && p <= alpha());
    }
}
