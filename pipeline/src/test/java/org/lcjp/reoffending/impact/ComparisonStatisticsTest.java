package org.lcjp.reoffending.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Expected figures are worked by hand from the textbook formulas (checked with scipy 1.17: norm.ppf, ttest_ind with
 * equal_var=False). The Welch samples are Wikipedia's "Welch's t-test" example 2 (t = -2.46, df = 24.99, p = 0.021).
 */
class ComparisonStatisticsTest {
    private static final double[] A = {
        27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4
    };
    private static final double[] B = {
        27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4
    };
    private final ComparisonStatistics stats = new ComparisonStatistics(0.95, 0.8);

    @Test
    void wilsonIntervalOf81In263() {
        Interval i = stats.wilson(81, 263);
        assertThat(i.low()).isCloseTo(0.2552885, within(1e-6));
        assertThat(i.high()).isCloseTo(0.3662096, within(1e-6));
    }

    @Test
    void wilsonIntervalStaysInsideZeroOneAtNoSuccesses() {
        Interval i = stats.wilson(0, 10);
        assertThat(i.low()).isEqualTo(0.0);
        assertThat(i.high()).isCloseTo(0.2775328, within(1e-6));
        assertThat(stats.wilson(10, 10).high()).isEqualTo(1.0);
    }

    @Test
    void twoProportionTestOf45In100Against30In100() {
        TestResult r = stats.twoProportions(SampleSummary.ofProportion(45, 100), SampleSummary.ofProportion(30, 100));
        assertThat(r.difference()).isCloseTo(0.15, within(1e-12));
        assertThat(r.interval().low()).isCloseTo(0.0174305, within(1e-6));
        assertThat(r.interval().high()).isCloseTo(0.2825695, within(1e-6));
        // pooled p = 0.375, SE = sqrt(0.375 * 0.625 * 0.02) = 0.0684653, z = 2.19089
        assertThat(r.pValue()).isCloseTo(0.0284597, within(1e-6));
        assertThat(r.significant()).isTrue();
    }

    @Test
    void twoProportionTestIsNotSignificantForSmallDifferences() {
        TestResult r = stats.twoProportions(SampleSummary.ofProportion(32, 100), SampleSummary.ofProportion(30, 100));
        assertThat(r.pValue()).isGreaterThan(0.05);
        assertThat(r.significant()).isFalse();
        assertThat(r.interval().contains(0)).isTrue();
    }

    @Test
    void welchTestMatchesTheWorkedExample() {
        SampleSummary a = SampleSummary.ofValues(A);
        SampleSummary b = SampleSummary.ofValues(B);
        assertThat(ComparisonStatistics.welchDegreesOfFreedom(a, b)).isCloseTo(24.98853, within(1e-4));
        TestResult r = stats.welch(a, b);
        assertThat(r.difference()).isCloseTo(-2.1666667, within(1e-6));
        assertThat(r.interval().low()).isCloseTo(-3.9840963, within(1e-5));
        assertThat(r.interval().high()).isCloseTo(-0.3492371, within(1e-5));
        assertThat(r.pValue()).isCloseTo(0.0213780, within(1e-6));
        assertThat(r.significant()).isTrue();
    }

    @Test
    void weightsAreFrequencies() {
        SampleSummary weighted = new SampleSummary(4, 1 * 2 + 3 * 2, 1 * 2 + 9 * 2);
        SampleSummary repeated = SampleSummary.ofValues(1, 1, 3, 3);
        assertThat(weighted.mean()).isEqualTo(repeated.mean()).isEqualTo(2.0);
        assertThat(weighted.variance())
                .isCloseTo(repeated.variance(), within(1e-12))
                .isCloseTo(4.0 / 3, within(1e-12));
    }

    @Test
    void welchWithoutVariationHasNoPValue() {
        TestResult r = stats.welch(SampleSummary.ofValues(2, 2, 2), SampleSummary.ofValues(2, 2, 2));
        assertThat(r.pValue()).isNaN();
        assertThat(r.significant()).isFalse();
    }

    @Test
    void sampleSizeForProportions() {
        // (1.959964 * sqrt(2 * 0.375 * 0.625) + 0.841621 * sqrt(0.2475 + 0.21))^2 / 0.15^2 = 162.33
        assertThat(stats.sampleSizeForProportions(0.45, 0.30)).isEqualTo(163L);
        assertThat(stats.sampleSizeForProportions(0.30, 0.30)).isNull();
    }

    @Test
    void sampleSizeForMeans() {
        // 2 * (1.959964 + 0.841621)^2 * s^2 / 2.166667^2 with s^2 = (var A + var B) / 2 -> 19.53
        assertThat(stats.sampleSizeForMeans(SampleSummary.ofValues(A), SampleSummary.ofValues(B)))
                .isEqualTo(20L);
    }

    @Test
    void standardisedMeanDifferenceUsesThePooledSd() {
        SampleSummary a = SampleSummary.ofValues(A);
        SampleSummary b = SampleSummary.ofValues(B);
        assertThat(ComparisonStatistics.standardisedMeanDifference(a.mean(), a.variance(), b.mean(), b.variance()))
                .isCloseTo(-0.8965694, within(1e-6));
        assertThat(ComparisonStatistics.standardisedMeanDifference(1, 0, 1, 0)).isZero();
    }

    @Test
    void rejectsConfidenceOutsideZeroOne() {
        assertThatThrownBy(() -> new ComparisonStatistics(95, 0.8))
                .hasMessage("Cannot use confidence and power: both must be in (0, 1) (95.0, 0.8)");
    }
}
