package org.lcjp.reoffending.settings;

import java.util.List;

/**
 * Who IOM reaches (methodology.md section 10): the highest-risk adults of each financial year.
 *
 * @param prolificShare           the top share of adults by proven offences in the 12 months before the year who count
 *                                as highest risk (default 0.05)
 * @param prolificLookBackMonths  those months (default 12)
 * @param assessmentValidMonths   a person's latest assessment rates them for a year when it is dated in the year or
 *                                this many months before it starts (default 12: an older rating is out of date)
 */
public record IomSettings(Double prolificShare, Integer prolificLookBackMonths, Integer assessmentValidMonths) {
    public IomSettings {
        prolificShare = Defaults.or(prolificShare, 0.05);
        prolificLookBackMonths = Defaults.or(prolificLookBackMonths, 12);
        assessmentValidMonths = Defaults.or(assessmentValidMonths, 12);
    }

    /** What is wrong with these values, keys relative to the section (none: usable). */
    public List<String> problems() {
        Problems p = new Problems();
        p.check(prolificShare > 0 && prolificShare <= 1, "prolific_share", "must be in (0, 1]", prolificShare);
        p.check(prolificLookBackMonths >= 1, "prolific_look_back_months", "must be at least 1", prolificLookBackMonths);
        p.check(assessmentValidMonths >= 0, "assessment_valid_months", "must not be negative", assessmentValidMonths);
        return p.list();
    }

    public static IomSettings defaults() {
        return new IomSettings(null, null, null);
    }
}
