package org.lcjp.reoffending.settings;

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
    }

    /** What is wrong with these values, keys relative to the section (none: usable). */
    public List<String> problems() {
        Problems p = new Problems();
        p.check(
                assessmentLookBackMonths >= 1,
                "assessment_look_back_months",
                "must be at least 1",
                assessmentLookBackMonths);
        p.check(serviceMonthsBefore >= 0, "service_months_before", "must not be negative", serviceMonthsBefore);
        p.check(serviceMonthsAfter >= 0, "service_months_after", "must not be negative", serviceMonthsAfter);
        return p.list();
    }

    public static NeedsSettings defaults() {
        return new NeedsSettings(null, null, null);
    }
}
