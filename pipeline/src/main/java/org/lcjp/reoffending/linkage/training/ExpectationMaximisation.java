package org.lcjp.reoffending.linkage.training;

import java.util.ArrayList;
import java.util.List;

/**
 * EM for Fellegi-Sunter over aggregated agreement-pattern counts (plain Java: the patterns are few). m, u and
 * lambda are all re-estimated; a null level (-1) carries no evidence and is left out of both sums.
 */
public final class ExpectationMaximisation {
    private final int maxIterations;
    private final double tolerance;

    public ExpectationMaximisation(int maxIterations, double tolerance) {
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /** Every model from the start to the last iteration; the last is the estimate. */
    public List<FellegiSunterModel> fit(List<PatternCount> patterns, FellegiSunterModel start) {
        List<FellegiSunterModel> history = new ArrayList<>();
        history.add(start);
        FellegiSunterModel current = start;
        for (int it = 0; it < maxIterations; it++) {
            FellegiSunterModel next = step(patterns, current);
            history.add(next);
            double change = maxChange(current, next);
            current = next;
            if (change < tolerance) {
                break;
            }
        }
        return history;
    }

    static FellegiSunterModel step(List<PatternCount> patterns, FellegiSunterModel model) {
        int n = model.m().length;
        double[][] mSum = new double[n][];
        double[][] uSum = new double[n][];
        for (int j = 0; j < n; j++) {
            mSum[j] = new double[model.m()[j].length];
            uSum[j] = new double[model.u()[j].length];
        }
        double matches = 0;
        double total = 0;
        for (PatternCount p : patterns) {
            double pm = matchProbability(p.gammas(), model);
            double cm = p.count() * pm;
            double cu = p.count() * (1 - pm);
            matches += cm;
            total += p.count();
            for (int j = 0; j < n; j++) {
                int g = p.gammas()[j];
                if (g >= 0) {
                    mSum[j][g] += cm;
                    uSum[j][g] += cu;
                }
            }
        }
        return new FellegiSunterModel(
                model.comparisons(), model.labels(), normalise(mSum), normalise(uSum), clamp(matches / total));
    }

    /** Posterior match probability of a pattern under a model. */
    public static double matchProbability(int[] gammas, FellegiSunterModel model) {
        double logOdds = Math.log(model.lambda()) - Math.log(1 - model.lambda());
        for (int j = 0; j < gammas.length; j++) {
            int g = gammas[j];
            if (g >= 0) {
                logOdds += Math.log(Math.max(model.m()[j][g], FellegiSunterModel.FLOOR))
                        - Math.log(Math.max(model.u()[j][g], FellegiSunterModel.FLOOR));
            }
        }
        return 1 / (1 + Math.exp(-logOdds));
    }

    private static double[][] normalise(double[][] sums) {
        double[][] out = new double[sums.length][];
        for (int j = 0; j < sums.length; j++) {
            double t = 0;
            for (double v : sums[j]) {
                t += v;
            }
            out[j] = new double[sums[j].length];
            for (int k = 0; k < sums[j].length; k++) {
                out[j][k] = t == 0 ? 1.0 / sums[j].length : sums[j][k] / t;
            }
        }
        return out;
    }

    private static double clamp(double lambda) {
        return Math.min(Math.max(lambda, 1e-9), 1 - 1e-9);
    }

    private static double maxChange(FellegiSunterModel a, FellegiSunterModel b) {
        double d = Math.abs(a.lambda() - b.lambda());
        for (int j = 0; j < a.m().length; j++) {
            for (int k = 0; k < a.m()[j].length; k++) {
                d = Math.max(d, Math.abs(a.m()[j][k] - b.m()[j][k]));
            }
        }
        return d;
    }
}
