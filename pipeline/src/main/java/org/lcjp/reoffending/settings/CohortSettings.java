package org.lcjp.reoffending.settings;

import java.util.List;

/**
 * Counting rules of methodology.md sections 2-4 that are settings.
 *
 * @param period                 cohort period, QUARTER (default, MoJ since 2017) or YEAR (legacy 12-month cohorts)
 * @param followUpMonths         follow-up after the index date in which an offence must be committed (default 12)
 * @param waitingMonths          further months in which the offence must be proven (default 6)
 * @param minimumAge             events before this age are not index events (default 10)
 * @param adultAge               age from which a person is ADULT rather than JUVENILE (default 18)
 * @param ageBandStarts          lower bounds of the age bands (default 10,15,18,21,25,30,35,40,50)
 * @param previousOffenceBandStarts lower bounds of the previous-offence bands (default 0,1,3,7,11)
 * @param sentenceBandStartsMonths lower bounds, in months, of the custody sentence-length bands; upper bounds exclusive
 *                               (default 0,6,12,48, giving 0-6M, 6-12M, 12-48M, 48M+)
 * @param excludeBreaches        drop offences whose code has is_breach = Y from every count (default true)
 */
public record CohortSettings(
        String period,
        Integer followUpMonths,
        Integer waitingMonths,
        Integer minimumAge,
        Integer adultAge,
        List<Integer> ageBandStarts,
        List<Integer> previousOffenceBandStarts,
        List<Integer> sentenceBandStartsMonths,
        Boolean excludeBreaches) {

    public CohortSettings {
        period = Defaults.or(period, "QUARTER");
        followUpMonths = Defaults.or(followUpMonths, 12);
        waitingMonths = Defaults.or(waitingMonths, 6);
        minimumAge = Defaults.or(minimumAge, 10);
        adultAge = Defaults.or(adultAge, 18);
        ageBandStarts = Defaults.list(ageBandStarts, List.of(10, 15, 18, 21, 25, 30, 35, 40, 50));
        previousOffenceBandStarts = Defaults.list(previousOffenceBandStarts, List.of(0, 1, 3, 7, 11));
        sentenceBandStartsMonths = Defaults.list(sentenceBandStartsMonths, List.of(0, 6, 12, 48));
        excludeBreaches = Defaults.or(excludeBreaches, true);
    }

    /** What is wrong with these values, keys relative to the section (none: usable). */
    public List<String> problems() {
        Problems p = new Problems();
        p.check(period.equals("QUARTER") || period.equals("YEAR"), "period", "must be QUARTER or YEAR", period);
        return p.list();
    }

    public static CohortSettings defaults() {
        return new CohortSettings(null, null, null, null, null, null, null, null, null);
    }

    public int periodMonths() {
        return period.equals("QUARTER") ? 3 : 12;
    }

    /** Months after the cohort end at which a cohort is FINAL: follow-up plus waiting period. */
    public int finalAfterMonths() {
        return followUpMonths + waitingMonths;
    }
}
