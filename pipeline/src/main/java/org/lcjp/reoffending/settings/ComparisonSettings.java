package org.lcjp.reoffending.settings;

/**
 * Cohort comparisons (methodology section 5).
 *
 * @param minimumGroupSize groups smaller than this are reported as too small (default 60, the Justice Data Lab's)
 * @param caliperSd        propensity matching caliper in standard deviations of the logit (default 0.2)
 * @param imbalanceSmd     a standardised mean difference above this flags imbalance (default 0.1)
 * @param confidence       confidence level of every interval (default 0.95)
 * @param power            power assumed when reporting the sample size a non-significant result would need (default 0.8)
 * @param iomPriorOffencesCap IOM comparison strata match prior 12-month offences exactly up to this count, and
 *                         pool counts above it (default 10: beyond it too few people share an exact count)
 * @param needsLookBackMonths a need counts when its spell is active at any time this many months before the index
 *                         date (default 12, methodology.md section 5)
 * @param financialYearStartMonth first month of the financial year comparisons are reported by (default 4: April
 *                         to March, the partnership's year)
 * @param iomPriorOffenceBandStarts lower bounds of the prior 12-month offence bands of the IOM comparison's coarser
 *                         strata (default 0,1,2,3,5,8,12)
 * @param fromFirstCohort  true: a comparison counts only index dates on or after the first cohort (methodology.md
 *                         section 2), as proven_reoffending; false (default): every index date with complete follow-up,
 *                         the one condition section 5 sets. Matching is inside each financial year, so a short history
 *                         before the first cohort understates previous offences for both groups alike
 */
public record ComparisonSettings(
        Integer minimumGroupSize,
        Double caliperSd,
        Double imbalanceSmd,
        Double confidence,
        Double power,
        Integer iomPriorOffencesCap,
        Integer needsLookBackMonths,
        Integer financialYearStartMonth,
        java.util.List<Integer> iomPriorOffenceBandStarts,
        Boolean fromFirstCohort) {
    public ComparisonSettings {
        minimumGroupSize = Defaults.or(minimumGroupSize, 60);
        caliperSd = Defaults.or(caliperSd, 0.2);
        imbalanceSmd = Defaults.or(imbalanceSmd, 0.1);
        confidence = Defaults.or(confidence, 0.95);
        power = Defaults.or(power, 0.8);
        iomPriorOffencesCap = Defaults.or(iomPriorOffencesCap, 10);
        needsLookBackMonths = Defaults.or(needsLookBackMonths, 12);
        financialYearStartMonth = Defaults.or(financialYearStartMonth, 4);
        iomPriorOffenceBandStarts = Defaults.list(iomPriorOffenceBandStarts, java.util.List.of(0, 1, 2, 3, 5, 8, 12));
        fromFirstCohort = Defaults.or(fromFirstCohort, false);
    }

    /** What is wrong with these values, keys relative to the section (none: usable). */
    public java.util.List<String> problems() {
        Problems p = new Problems();
        p.check(
                financialYearStartMonth >= 1 && financialYearStartMonth <= 12,
                "financial_year_start_month",
                "must be 1 to 12",
                financialYearStartMonth);
        p.check(
                !iomPriorOffenceBandStarts.isEmpty() && iomPriorOffenceBandStarts.get(0) == 0,
                "iom_prior_offence_band_starts",
                "must start at 0",
                iomPriorOffenceBandStarts);
        return p.list();
    }

    public static ComparisonSettings defaults() {
        return new ComparisonSettings(null, null, null, null, null, null, null, null, null, null);
    }
}
