package org.lcjp.reoffending.linkage.model;

import java.util.Map;
import java.util.TreeSet;

/**
 * How far a night's match-weight distribution has moved from the model's training distribution: the population
 * stability index, PSI = sum over bins of (night share - training share) * ln(night share / training share), over
 * record pairs per two-unit weight bin. 0 is no change; by the usual reading below 0.1 is stable, 0.1-0.25 a
 * moderate shift and above 0.25 a significant one (the data, the blocking or the encoding no longer look like what
 * the model learnt from). A bin empty on one side counts as a share of {@link #FLOOR}, so the index stays finite.
 */
public final class WeightDrift {
    static final double FLOOR = 1e-4;

    private WeightDrift() {}

    public static double psi(Map<Integer, Long> training, Map<Integer, Long> night) {
        double t = total(training);
        double n = total(night);
        if (t == 0 || n == 0) {
            return 0;
        }
        TreeSet<Integer> bins = new TreeSet<>(training.keySet());
        bins.addAll(night.keySet());
        double psi = 0;
        for (int b : bins) {
            double e = Math.max(training.getOrDefault(b, 0L) / t, FLOOR);
            double a = Math.max(night.getOrDefault(b, 0L) / n, FLOOR);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    private static double total(Map<Integer, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }
}
