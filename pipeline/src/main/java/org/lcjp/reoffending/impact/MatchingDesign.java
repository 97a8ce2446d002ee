package org.lcjp.reoffending.impact;

import java.util.ArrayList;
import java.util.List;

/**
 * What a propensity match matches on: one implementation serves every treated/control sample (Checkpoint diversion,
 * IOM, and any later scheme).
 *
 * @param id          the unit matched: a person, or a person at a date when one person can be a control at several
 * @param numeric     numeric covariates of the logistic regression (no nulls)
 * @param categorical a categorical covariate entered one-hot (e.g. offence group), or null
 * @param stratum     a column treated and control must share exactly (e.g. the financial year), or null
 */
public record MatchingDesign(String id, List<String> numeric, String categorical, String stratum) {
    public MatchingDesign {
        numeric = List.copyOf(numeric);
    }

    /** Every covariate column the design reads. */
    public List<String> covariates() {
        List<String> all = new ArrayList<>(numeric);
        if (categorical != null) {
            all.add(categorical);
        }
        return all;
    }
}
