package org.lcjp.reoffending.settings;

import java.util.List;

/**
 * Sensitivity of the headline figures to the match threshold (published as linkage_sensitivity).
 *
 * @param thresholds    match thresholds records are also clustered at (the main linkage.match_threshold is always
 *                      included, and is the one every other figure uses); default 0.80, 0.95, 0.99. Empty: none
 * @param rateTolerance a headline FINAL reoffending rate that moves by more than this (as a share: 0.01 is one
 *                      percentage point) between the main threshold and another is flagged, and the pack's data
 *                      quality sheet says so (default 0.01)
 */
public record LinkageSensitivitySettings(List<Double> thresholds, Double rateTolerance) {
    public LinkageSensitivitySettings {
        thresholds = Defaults.list(thresholds, List.of(0.80, 0.95, 0.99));
        rateTolerance = Defaults.or(rateTolerance, 0.01);
    }

    /** What is wrong with these values, keys relative to the section (none: usable). */
    public List<String> problems() {
        Problems p = new Problems();
        for (int i = 0; i < thresholds.size(); i++) {
            double t = thresholds.get(i);
            p.check(t > 0 && t < 1, "thresholds[" + i + "]", "must be between 0 and 1", t);
        }
        p.check(rateTolerance >= 0, "rate_tolerance", "must not be negative", rateTolerance);
        return p.list();
    }

    public static LinkageSensitivitySettings defaults() {
        return new LinkageSensitivitySettings(null, null);
    }

    /** The thresholds to cluster at, the main one included, ascending and each once. */
    public List<Double> withMain(double main) {
        java.util.TreeSet<Double> all = new java.util.TreeSet<>(thresholds);
        all.add(main);
        return List.copyOf(all);
    }
}
