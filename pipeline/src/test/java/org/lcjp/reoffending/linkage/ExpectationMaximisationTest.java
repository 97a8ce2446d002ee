package org.lcjp.reoffending.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.linkage.training.ExpectationMaximisation;
import org.lcjp.reoffending.linkage.training.FellegiSunterModel;
import org.lcjp.reoffending.linkage.training.PatternCount;

class ExpectationMaximisationTest {
    private static final double[][] M = {{0.9, 0.05, 0.05}, {0.8, 0.2}, {0.7, 0.2, 0.1}};
    private static final double[][] U = {{0.01, 0.09, 0.9}, {0.1, 0.9}, {0.05, 0.15, 0.8}};
    private static final double LAMBDA = 0.2;

    @Test
    void recoversTheParametersTheCountsWereGeneratedWith() {
        List<PatternCount> patterns = new ArrayList<>();
        long total = 10_000_000L;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 2; b++) {
                for (int c = 0; c < 3; c++) {
                    double p = LAMBDA * M[0][a] * M[1][b] * M[2][c] + (1 - LAMBDA) * U[0][a] * U[1][b] * U[2][c];
                    patterns.add(new PatternCount(new int[] {a, b, c}, Math.round(p * total)));
                }
            }
        }
        FellegiSunterModel start = new FellegiSunterModel(
                List.of("x", "y", "z"),
                List.of(List.of("e", "f", "else"), List.of("e", "else"), List.of("e", "f", "else")),
                new double[][] {{0.6, 0.2, 0.2}, {0.6, 0.4}, {0.6, 0.2, 0.2}},
                new double[][] {{0.2, 0.3, 0.5}, {0.3, 0.7}, {0.2, 0.3, 0.5}},
                0.5);

        List<FellegiSunterModel> history = new ExpectationMaximisation(500, 1e-9).fit(patterns, start);
        FellegiSunterModel fitted = history.get(history.size() - 1);

        assertThat(fitted.lambda()).as("lambda").isCloseTo(LAMBDA, within(0.01));
        for (int j = 0; j < M.length; j++) {
            for (int k = 0; k < M[j].length; k++) {
                assertThat(fitted.m()[j][k]).as("m[%d][%d]", j, k).isCloseTo(M[j][k], within(0.01));
                assertThat(fitted.u()[j][k]).as("u[%d][%d]", j, k).isCloseTo(U[j][k], within(0.01));
            }
        }
        assertThat(history.size()).as("iterations kept").isGreaterThan(2);
    }

    @Test
    void nullLevelsCarryNoEvidence() {
        FellegiSunterModel model = new FellegiSunterModel(
                List.of("x"),
                List.of(List.of("e", "else")),
                new double[][] {{0.9, 0.1}},
                new double[][] {{0.1, 0.9}},
                0.3);
        assertThat(ExpectationMaximisation.matchProbability(new int[] {-1}, model))
                .isCloseTo(0.3, within(1e-12));
    }
}
