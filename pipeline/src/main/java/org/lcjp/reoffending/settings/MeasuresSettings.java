package org.lcjp.reoffending.settings;

import java.time.LocalDate;

/**
 * What proven_reoffending publishes (methodology.md sections 2 and 4): from which cohort, and from how many observed
 * months a provisional cohort.
 *
 * @param firstCohort          cohorts starting before this date are not published (default: none set, so the first
 *                             cohort period starting at least historyYears after the earliest disposal date of any
 *                             proven offence). A date inside a period means the first period starting on or after it.
 * @param historyYears         years of history a cohort needs before it, when firstCohort is not set (default 5)
 * @param provisionalMinMonths a PROVISIONAL cohort is published once this many whole months from its end to the
 *                             effective date are in the data (default 3)
 * @param censorAt             where time_to_reoffence censors provisional cohorts: EFFECTIVE_DATE (default: the last
 *                             day the data covers; the same as the as-of date when every dataset is up to date) or
 *                             AS_OF (the contract's wording, exact only when the data reaches the as-of date)
 */
public record MeasuresSettings(
        LocalDate firstCohort, Integer historyYears, Integer provisionalMinMonths, String censorAt) {
    public static final String EFFECTIVE_DATE = "EFFECTIVE_DATE";
    public static final String AS_OF = "AS_OF";

    public MeasuresSettings {
        historyYears = Defaults.or(historyYears, 5);
        provisionalMinMonths = Defaults.or(provisionalMinMonths, 3);
        censorAt = Defaults.or(censorAt, EFFECTIVE_DATE);
    }

    /** What is wrong with these values, keys relative to the section (none: usable). */
    public java.util.List<String> problems() {
        Problems p = new Problems();
        p.check(historyYears >= 0, "history_years", "must be 0 or more", historyYears);
        p.check(provisionalMinMonths >= 0, "provisional_min_months", "must be 0 or more", provisionalMinMonths);
        p.check(
                censorAt.equals(EFFECTIVE_DATE) || censorAt.equals(AS_OF),
                "censor_at",
                "must be EFFECTIVE_DATE or AS_OF",
                censorAt);
        return p.list();
    }

    public static MeasuresSettings defaults() {
        return new MeasuresSettings(null, null, null, null);
    }

    public MeasuresSettings withFirstCohort(LocalDate first) {
        return new MeasuresSettings(first, historyYears, provisionalMinMonths, censorAt);
    }

    public MeasuresSettings withProvisionalMinMonths(int months) {
        return new MeasuresSettings(firstCohort, historyYears, months, censorAt);
    }
}
