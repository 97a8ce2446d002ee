package org.lcjp.reoffending.linkage.training;

import java.util.List;

/**
 * A trained model: per comparison and level, m = P(level | match) and u = P(level | non-match), and lambda, the
 * probability that two random records match. Immutable; each EM iteration makes a new one.
 *
 * @param comparisons comparison names, in gamma order
 * @param labels      level labels per comparison
 * @param m           m[j][k]
 * @param u           u[j][k]
 * @param lambda      prior match probability
 */
public record FellegiSunterModel(
        List<String> comparisons, List<List<String>> labels, double[][] m, double[][] u, double lambda) {
    /** Floor of m and u, so a level never seen cannot give an infinite weight. */
    public static final double FLOOR = 1e-6;

    public double priorWeight() {
        return log2(lambda / (1 - lambda));
    }

    /** log2(m/u) of level k of comparison j. */
    public double weight(int j, int k) {
        return log2(Math.max(m[j][k], FLOOR) / Math.max(u[j][k], FLOOR));
    }

    public FellegiSunterModel withM(double[][] newM) {
        return new FellegiSunterModel(comparisons, labels, newM, u, lambda);
    }

    public FellegiSunterModel withU(double[][] newU) {
        return new FellegiSunterModel(comparisons, labels, m, newU, lambda);
    }

    public FellegiSunterModel withLambda(double newLambda) {
        return new FellegiSunterModel(comparisons, labels, m, u, newLambda);
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Readable m/u table for the log and the model file. */
    public String describe() {
        StringBuilder b = new StringBuilder(String.format("lambda %.3g (prior weight %.2f)%n", lambda, priorWeight()));
        for (int j = 0; j < comparisons.size(); j++) {
            for (int k = 0; k < m[j].length; k++) {
                b.append(String.format(
                        "  %-9s %-18s m %.4f  u %.6f  w %+.2f%n",
                        comparisons.get(j), labels.get(j).get(k), m[j][k], u[j][k], weight(j, k)));
            }
        }
        return b.toString();
    }
}
