package org.lcjp.reoffending.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Standardised mean differences before and after matching from the moments of {@link CovariateBalance}. Both use
 * the pooled SD before matching as denominator, so a change in SMD is a change in means, not in spread. Offence
 * groups absent from an arm count as share 0.
 */
public final class BalanceTable {

    /** One row of the moments table. */
    public record Moment(String phase, boolean treated, String covariate, double w, double sum, double sumSq) {}

    /** One row of comparison_balance. */
    public record Balance(
            String covariate,
            double treatedMean,
            double controlMeanBefore,
            double controlMeanAfter,
            double smdBefore,
            double smdAfter,
            boolean imbalancedAfter) {}

    private BalanceTable() {}

    public static List<Balance> compute(List<Moment> moments, double imbalanceSmd) {
        Map<String, Moment> byKey = moments.stream().collect(Collectors.toMap(BalanceTable::key, m -> m));
        TreeSet<String> covariates = moments.stream()
                .map(Moment::covariate)
                .filter(c -> !c.equals(CovariateBalance.TOTAL))
                .collect(Collectors.toCollection(TreeSet::new));
        List<Balance> out = new ArrayList<>();
        for (String c : covariates) {
            SampleSummary tb = summary(byKey, CovariateBalance.BEFORE, true, c);
            SampleSummary cb = summary(byKey, CovariateBalance.BEFORE, false, c);
            SampleSummary ta = summary(byKey, CovariateBalance.AFTER, true, c);
            SampleSummary ca = summary(byKey, CovariateBalance.AFTER, false, c);
            double sd = Math.sqrt((tb.variance() + cb.variance()) / 2);
            double smdBefore = smd(tb.mean(), cb.mean(), sd);
            double smdAfter = smd(ta.mean(), ca.mean(), sd);
            out.add(new Balance(
                    c,
                    tb.mean(),
                    cb.mean(),
                    ca.mean(),
                    smdBefore,
                    smdAfter,
                    Double.isNaN(smdAfter) || Math.abs(smdAfter) > imbalanceSmd));
        }
        return out;
    }

    private static double smd(double treated, double control, double sd) {
        return ComparisonStatistics.standardisedMeanDifference(treated, sd * sd, control, sd * sd);
    }

    /** A group share's Σw is the arm total, not the count of people in the group. */
    private static SampleSummary summary(Map<String, Moment> byKey, String phase, boolean treated, String covariate) {
        Moment m = byKey.get(phase + "|" + treated + "|" + covariate);
        if (covariate.contains(CovariateBalance.VALUE_SEPARATOR)) {
            Moment total = byKey.get(phase + "|" + treated + "|" + CovariateBalance.TOTAL);
            double w = total == null ? 0 : total.w();
            double n = m == null ? 0 : m.sum();
            return new SampleSummary(w, n, n);
        }
        return m == null ? new SampleSummary(0, 0, 0) : new SampleSummary(m.w(), m.sum(), m.sumSq());
    }

    private static String key(Moment m) {
        return m.phase() + "|" + m.treated() + "|" + m.covariate();
    }
}
