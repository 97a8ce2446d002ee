package org.lcjp.reoffending.jobs.results;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What the compare stage did.
 *
 * @param rows                        cohort_comparison rows published
 * @param firstCohort                 index dates counted from (comparison.from_first_cohort); null: every index date
 * @param completeFollowUpTo          the effective date by which follow-up must be complete
 * @param diversion                   treated people matched, of those treated; null when no Checkpoint referral was delivered
 * @param imbalanced                  covariates of the diversion comparison still imbalanced after matching
 * @param rj                          likewise for restorative justice; null when no RJ referral was delivered
 * @param rjReferralsWithoutDisposal  RJ referrals with no disposal to index on
 * @param iom                         IOM adoptions matched, of those adopted; null when no IOM cohort was delivered
 * @param balanceRows                 comparison_balance rows published
 * @param iomRows                     iom_pre_post rows published
 */
public record CompareResult(
        long rows,
        double seconds,
        LocalDate firstCohort,
        LocalDate completeFollowUpTo,
        Matched diversion,
        long imbalanced,
        Matched rj,
        long rjReferralsWithoutDisposal,
        Matched iom,
        int balanceRows,
        int iomRows,
        StageCost cost)
        implements StageSummary {
    public static final String STAGE = "compare";

    /** Treated people matched to a comparison, of those treated. */
    public record Matched(long matched, long of) {
        @Override
        public String toString() {
            return matched + " of " + of;
        }

        /** With the share matched, when anyone was treated: "3 of 4 (75.0%)". */
        String withShare() {
            return this + (of == 0 ? "" : String.format(Locale.ROOT, " (%.1f%%)", 100.0 * matched / of));
        }
    }

    @Override
    public String stage() {
        return STAGE;
    }

    @Override
    public long rowsIn() {
        return 0;
    }

    @Override
    public long rowsOut() {
        return rows;
    }

    @Override
    public CompareResult withCost(StageCost cost) {
        return new CompareResult(
                rows,
                seconds,
                firstCohort,
                completeFollowUpTo,
                diversion,
                imbalanced,
                rj,
                rjReferralsWithoutDisposal,
                iom,
                balanceRows,
                iomRows,
                cost);
    }

    /** Where the compared index dates start, as the line says it. */
    public String fromText() {
        return firstCohort == null ? "every index date" : "first cohort " + firstCohort;
    }

    @Override
    public List<Figure> figures() {
        Figure.Builder f =
                Figure.list().add("from", fromText()).add("complete_follow_up_to", String.valueOf(completeFollowUpTo));
        if (diversion != null) {
            f.add("diverted_matched", diversion.toString()).add("imbalanced", imbalanced);
        }
        if (rj != null) {
            f.add("rj_matched", rj.toString()).add("rj_referrals_without_disposal", rjReferralsWithoutDisposal);
        }
        if (iom != null) {
            f.add("iom_matched", iom.withShare());
        }
        return f.add("balance", balanceRows).add("iom rows", iomRows).build();
    }
}
