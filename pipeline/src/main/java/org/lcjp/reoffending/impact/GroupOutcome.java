package org.lcjp.reoffending.impact;

import java.util.Map;

/**
 * What one group contributes to a comparison: per measure, the people it is measured on and the weighted
 * sufficient statistics of the outcome (a 0/1 outcome for rates and shares).
 */
public record GroupOutcome(String groupName, long people, Map<String, Measured> measures) {

    /** @param people people measured (offenders, or reoffenders for days to first reoffence) */
    public record Measured(long people, SampleSummary summary) {}
}
