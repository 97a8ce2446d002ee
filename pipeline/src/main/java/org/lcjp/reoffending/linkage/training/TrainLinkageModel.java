package org.lcjp.reoffending.linkage.training;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.linkage.LinkageColumns;
import org.lcjp.reoffending.linkage.comparison.ComparePairs;
import org.lcjp.reoffending.linkage.comparison.Comparison;
import org.lcjp.reoffending.settings.LinkageSettings;

/**
 * Trains the model as Splink does: u from all pairs of a deterministic sample of records, m by EM over the
 * blocked candidate pairs' agreement patterns (counted in Spark, one bounded collect, arithmetic in Java), and
 * lambda from the pairs the deterministic rules find divided by their assumed recall. Performs Spark actions.
 */
public final class TrainLinkageModel {
    private final List<Comparison> comparisons;
    private final LinkageSettings settings;
    private final int bloomWords;

    public TrainLinkageModel(List<Comparison> comparisons, LinkageSettings settings, int bloomWords) {
        this.comparisons = List.copyOf(comparisons);
        this.settings = settings;
        this.bloomWords = bloomWords;
    }

    /** The trained model and the EM history, for the log and tests. */
    public record Trained(FellegiSunterModel model, List<FellegiSunterModel> emHistory, long randomPairs) {
    }

    public Trained fit(Dataset<Row> records, Dataset<Row> comparedCandidates, long recordCount) {
        Dataset<Row> sample = records.orderBy(xxhash64(col(LinkageColumns.RECORD_KEY))).limit(settings.uSampleRecords()).localCheckpoint();
        Dataset<Row> randomPairs = ComparePairs.suffixed(sample, LinkageColumns.LEFT)
                .crossJoin(ComparePairs.suffixed(sample, LinkageColumns.RIGHT))
                .where(col(LinkageColumns.KEY_L).lt(col(LinkageColumns.KEY_R)));
        List<PatternCount> random = patterns(new ComparePairs(comparisons, bloomWords).gammas(randomPairs));
        long randomTotal = random.stream().mapToLong(PatternCount::count).sum();
        double[][] u = marginals(random, randomTotal);

        FellegiSunterModel start = new FellegiSunterModel(comparisons.stream().map(Comparison::name).toList(),
                comparisons.stream().map(Comparison::labels).toList(), initialM(), u, 0.01);
        List<PatternCount> blocked = patterns(comparedCandidates);
        List<FellegiSunterModel> history = blocked.isEmpty() ? List.of(start)
                : new ExpectationMaximisation(settings.emMaxIterations(), settings.emTolerance()).fit(blocked, start);
        FellegiSunterModel em = history.get(history.size() - 1);
        long blockedTotal = blocked.stream().mapToLong(PatternCount::count).sum();
        double lambda = Math.max(prior(records, recordCount), emPrior(em.lambda(), blockedTotal, recordCount));
        return new Trained(start.withM(em.m()).withLambda(lambda), history, randomTotal);
    }

    /** Agreement-pattern counts: at most the product of the level counts, so the collect is bounded. */
    public List<PatternCount> patterns(Dataset<Row> compared) {
        Column[] gammas = comparisons.stream().map(c -> col(c.gammaColumn())).toArray(Column[]::new);
        List<PatternCount> out = new ArrayList<>();
        for (Row r : compared.groupBy(gammas).agg(count(lit(1)).as("n")).collectAsList()) {
            int[] g = new int[gammas.length];
            for (int j = 0; j < g.length; j++) {
                g[j] = r.getInt(j);
            }
            out.add(new PatternCount(g, r.getLong(gammas.length)));
        }
        return out;
    }

    /** u per level from random pairs; a level never seen gets half a pair, so it stays finite but strong. */
    private double[][] marginals(List<PatternCount> patterns, long total) {
        double[][] u = new double[comparisons.size()][];
        for (int j = 0; j < comparisons.size(); j++) {
            double[] counts = new double[comparisons.get(j).levelCount()];
            double seen = 0;
            for (PatternCount p : patterns) {
                int g = p.gammas()[j];
                if (g >= 0) {
                    counts[g] += p.count();
                    seen += p.count();
                }
            }
            u[j] = new double[counts.length];
            for (int k = 0; k < counts.length; k++) {
                u[j][k] = seen == 0 ? 1.0 / counts.length : Math.max(counts[k], 0.5) / seen;
            }
        }
        return u;
    }

    private double[][] initialM() {
        double[][] m = new double[comparisons.size()][];
        for (int j = 0; j < comparisons.size(); j++) {
            int k = comparisons.get(j).levelCount();
            m[j] = new double[k];
            for (int i = 0; i < k; i++) {
                m[j][i] = i == 0 ? 0.8 : 0.2 / (k - 1);
            }
        }
        return m;
    }

    /**
     * The matches EM finds among the candidate pairs over all pairs: a floor for the prior when the deterministic
     * rules miss many matches (sparse or noisy identifiers), scaled by the configured share (0 turns it off).
     */
    double emPrior(double blockedLambda, long candidatePairs, long recordCount) {
        double allPairs = recordCount * (recordCount - 1) / 2.0;
        return allPairs == 0 ? 0 : settings.emPriorShare() * blockedLambda * candidatePairs / allPairs;
    }

    /**
     * Pairs agreeing on a deterministic rule, divided by the rule's assumed recall, over all pairs. Pairs are counted
     * per rule as the sum of n(n-1)/2 over its groups (no join), and the largest rule's count is taken: rules overlap.
     */
    double prior(Dataset<Row> records, long recordCount) {
        double best = 0;
        for (String rule : settings.deterministicRules()) {
            Column[] cols = java.util.Arrays.stream(rule.split(",")).map(String::strip).map(c -> col(c)).toArray(Column[]::new);
            Column present = lit(true);
            for (Column c : cols) {
                present = present.and(c.isNotNull());
            }
            Row r = records.where(present).groupBy(cols).agg(count(lit(1)).as("n"))
                    .agg(sum(col("n").multiply(col("n").minus(1)).divide(2))).first();
            best = Math.max(best, r.isNullAt(0) ? 0 : r.getDouble(0));
        }
        double allPairs = recordCount * (recordCount - 1) / 2.0;
        double lambda = allPairs == 0 ? 0.5 : best / settings.deterministicRecall() / allPairs;
        return Math.min(Math.max(lambda, 1.0 / Math.max(allPairs, 1)), 0.5);
    }
}
