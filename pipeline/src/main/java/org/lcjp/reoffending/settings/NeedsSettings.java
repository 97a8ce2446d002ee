package org.lcjp.reoffending.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * Assessed needs and gaps in provision (methodology.md section 10).
 *
 * @param assessmentLookBackMonths an index event's assessment is the person's latest dated in the months up to its
 *                                 index date, this many of them (default 12)
 * @param serviceMonthsBefore      a need is met when a service spell is active from this many months before the index
 *                                 date (default 12) ...
 * @param serviceMonthsAfter       ... to this many months after it (default 3); a year's gaps are FINAL once this long
 *                                 after its end is in the data
 */
public record NeedsSettings(Integer assessmentLookBackMonths, Integer serviceMonthsBefore, Integer serviceMonthsAfter) {
    public NeedsSettings {
        assessmentLookBackMonths = Defaults.or(assessmentLookBackMonths, 12);
        serviceMonthsBefore = Defaults.or(serviceMonthsBefore, 12);
        serviceMonthsAfter = Defaults.or(serviceMonthsAfter, 3);
        List<String> problems = new ArrayList<>();
        if (assessmentLookBackMonths < 1) {
            problems.add("assessment_look_back_months must be at least 1 (" + assessmentLookBackMonths + ")");
        }
        if (serviceMonthsBefore < 0) {
            problems.add("service_months_before must not be negative (" + serviceMonthsBefore + ")");
        }
        if (serviceMonthsAfter < 0) {
            problems.add("service_months_after must not be negative (" + serviceMonthsAfter + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Cannot use needs settings: " + String.join("; ", problems));
        }
    }

    public static NeedsSettings defaults() {
        return new NeedsSettings(null, null, null);
    }
}
