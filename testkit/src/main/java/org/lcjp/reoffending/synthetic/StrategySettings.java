package org.lcjp.reoffending.synthetic;

/**
 * What the generator simulates for Think Family and the RJ Hub (rj/referrals, family/links), with the truths the
 * pipeline must recover. Kept apart from {@link GeneratorSettings} so the nine core datasets' settings stay as they are.
 *
 * @param offenderFamilyShare    share of the simulated offenders who are a parent in a family known to children's
 *                               services (with one to three children)
 * @param otherFamilyShare       families of parents who never offend, per simulated offender
 * @param childOffendingBase     a child's probability, in each financial year they are 10-17 on 1 April, of a proven
 *                               offence disposed of that year when no parent offended before their 18th birthday
 * @param intergenerationalGradient what exposure adds to that probability (the true exposed-minus-not difference of
 *                               family_offending's CHILDREN_BY_YEAR, every year and pooled)
 * @param rjReferralShare        probability that a proven offence with a victim is referred to the RJ Hub, for a
 *                               person with no previous offences (less for more previous offences)
 * @param rjPreventedShare       share of people completing a restorative process whose offending stops from the
 *                               conference to the end of the follow-up year (the RJ effect; the realised effect on
 *                               the treated's proven reoffending rate is written to parameters.json)
 */
public record StrategySettings(
        double offenderFamilyShare,
        double otherFamilyShare,
        double childOffendingBase,
        double intergenerationalGradient,
        double rjReferralShare,
        double rjPreventedShare) {
    public static final StrategySettings DEFAULTS = new StrategySettings(0.15, 0.05, 0.04, 0.06, 0.15, 0.6);

    public StrategySettings {
        for (double share : new double[] {
            offenderFamilyShare, otherFamilyShare, childOffendingBase, rjReferralShare, rjPreventedShare
        }) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("Cannot generate: shares must lie in 0..1 (" + share + ")");
            }
        }
        if (!(childOffendingBase + intergenerationalGradient >= 0
                && childOffendingBase + intergenerationalGradient <= 1)) {
            throw new IllegalArgumentException(
                    "Cannot generate: exposed children's offending probability must lie in 0..1 ("
                            + (childOffendingBase + intergenerationalGradient) + ")");
        }
    }

    public StrategySettings withIntergenerationalGradient(double gradient) {
        return new StrategySettings(
                offenderFamilyShare, otherFamilyShare, childOffendingBase, gradient, rjReferralShare, rjPreventedShare);
    }

    public StrategySettings withRjPreventedShare(double share) {
        return new StrategySettings(
                offenderFamilyShare,
                otherFamilyShare,
                childOffendingBase,
                intergenerationalGradient,
                rjReferralShare,
                share);
    }

    public StrategySettings withRjReferralShare(double share) {
        return new StrategySettings(
                offenderFamilyShare,
                otherFamilyShare,
                childOffendingBase,
                intergenerationalGradient,
                share,
                rjPreventedShare);
    }
}
