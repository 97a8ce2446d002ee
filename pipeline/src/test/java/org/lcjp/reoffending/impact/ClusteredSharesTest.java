package org.lcjp.reoffending.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClusteredSharesTest {

    @Test
    void clustersThatAllOrNothingCountAsOnePersonEach() {
        // Ten children of four years each, five offending every year, five never: p = 0.5, and the units say no more
        // than the ten children do (n_eff = K - 1 = 9 with the small-sample factor K / (K - 1)).
        SampleSummary s = ClusteredShares.effective(10, 40, 20, 5 * 16, 5 * 16, 10 * 16);
        assertThat(s.mean()).isCloseTo(0.5, within(1e-12));
        assertThat(s.weight()).isCloseTo(9.0, within(1e-9));
    }

    @Test
    void independentLookingClustersKeepEveryUnitButNoMore() {
        // Each child offends in exactly half of their years: no spread between clusters, so the units all count.
        SampleSummary s = ClusteredShares.effective(10, 40, 20, 10 * 4, 10 * 8, 10 * 16);
        assertThat(s.weight()).isEqualTo(40.0);
        assertThat(s.sum()).isEqualTo(20.0);
    }

    @Test
    void noUnitsNoShare() {
        assertThat(ClusteredShares.effective(0, 0, 0, 0, 0, 0).weight()).isZero();
        assertThat(ClusteredShares.effective(3, 9, 0, 0, 0, 27).weight())
                .as("a share of 0 keeps its units")
                .isEqualTo(9.0);
    }
}
