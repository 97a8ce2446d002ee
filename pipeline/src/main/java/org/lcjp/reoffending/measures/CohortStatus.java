package org.lcjp.reoffending.measures;

import java.time.LocalDate;

/**
 * What the data supports for one cohort period (methodology.md section 4).
 *
 * @param cohortStart    first day of the period
 * @param cohortEnd      last day of it
 * @param monthsObserved whole months from cohortEnd to the effective date, capped at follow-up plus waiting months
 *                       (0 when the effective date is before cohortEnd, or when there is none)
 * @param status         FINAL when cohortEnd + follow-up + waiting months is on or before the effective date
 * @param statusReason   null when FINAL; FOLLOW_UP_NOT_ELAPSED when the as-of date itself is too early, else
 *                       DATA_INCOMPLETE:&lt;agency&gt;/&lt;dataset&gt; naming the dataset whose coverage holds it back
 * @param published      FINAL, or PROVISIONAL with at least measures.provisional_min_months observed
 */
public record CohortStatus(
        LocalDate cohortStart,
        LocalDate cohortEnd,
        int monthsObserved,
        String status,
        String statusReason,
        boolean published) {
    public static final String FOLLOW_UP_NOT_ELAPSED = "FOLLOW_UP_NOT_ELAPSED";
    public static final String DATA_INCOMPLETE = "DATA_INCOMPLETE:";

    public boolean isFinal() {
        return statusReason == null;
    }
}
