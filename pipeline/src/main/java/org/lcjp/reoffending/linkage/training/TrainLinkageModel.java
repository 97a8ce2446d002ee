package org.lcjp.reoffending.linkage.training;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.linkage.comparison.ComparePairs;
import org.lcjp.reoffending.linkage.comparison.Comparison;
import org.lcjp.reoffending.linkage.core.LinkageColumns;
import org.lcjp.reoffending.settings.LinkageSettings;

/**
 * Trains the model as Splink does: u from all pairs of a deterministic sample of records, m by EM over the
 * blocked candidate pairs' agreement patterns (counted in Spark, one bounded collect, arithmetic in Java), and
 * lambda from the pairs the deterministic rules find divided by their assumed recall. Pairs are record pairs: a
 * pair of identity profiles counts records_l * records_r times, and a profile's own records n(n-1)/2 times with
 * its self pattern, so the model is the one the records themselves would give. Performs Spark actions.
 */
public final class TrainLinkageModel {
    /** Partitions of the u sample: its pairs are computed by this many tasks. */
    private static final int SAMPLE_PARTITIONS = 2;

    private final List<Comparison> comparisons;
    private final LinkageSettings settings;
    private final int bloomWords;

    public TrainLinkageModel(List<Comparison> comparisons, LinkageSettings settings, int bloomWords) {
        this.comparisons = List.copyOf(comparisons);
        this.settings = settings;
        this.bloomWords = bloomWords;
    }

    /** The trained model and the EM history, for the log and tests. */
    public record Trained(FellegiSunterModel model, List<FellegiSunterModel> emHistory, long randomPairs) {}

    /**
     * records: rid, record_key, node; nodes: node, records and the compared columns; comparedCandidates: compared node
     * pairs; comparedSelf: each node compared with itself.
     */
    public Trained fit(
            Dataset<Row> records,
            Dataset<Row> nodes,
            Dataset<Row> comparedCandidates,
            Dataset<Row> comparedSelf,
            long recordCount) {
        Dataset<Row> sampled = records.orderBy(xxhash64(col(LinkageColumns.RECORD_KEY)))
                .limit(settings.uSampleRecords())
                .select(col(LinkageColumns.RID), col(LinkageColumns.NODE));
        // The sample is small: a couple of partitions crossed with a broadcast copy of itself, not a cartesian
        // product of the node table's many partitions (a task per pair of partitions).
        Dataset<Row> sample = broadcast(sampled)
                .join(nodes, LinkageColumns.NODE)
                .drop(LinkageColumns.NODE, LinkageColumns.RECORDS)
                .coalesce(SAMPLE_PARTITIONS)
                .localCheckpoint();
        Dataset<Row> randomPairs = ComparePairs.suffixed(sample, LinkageColumns.LEFT)
                .crossJoin(broadcast(ComparePairs.suffixed(sample, LinkageColumns.RIGHT)))
                .where(col(LinkageColumns.RID + LinkageColumns.LEFT)
                        .lt(col(LinkageColumns.RID + LinkageColumns.RIGHT)));
        List<PatternCount> random = patterns(new ComparePairs(comparisons, bloomWords).gammas(randomPairs), lit(1L));
        org.lcjp.reoffending.spark.Checkpoints.release(sample);
        long randomTotal = random.stream().mapToLong(PatternCount::count).sum();
        double[][] u = marginals(random, randomTotal);

        FellegiSunterModel start = new FellegiSunterModel(
                comparisons.stream().map(Comparison::name).toList(),
                comparisons.stream().map(Comparison::labels).toList(),
                initialM(),
                u,
                0.01);
        Column n = col(LinkageColumns.RECORDS + LinkageColumns.LEFT);
        List<PatternCount> blocked = merge(
                patterns(comparedCandidates, n.multiply(col(LinkageColumns.RECORDS + LinkageColumns.RIGHT))),
                patterns(
                        comparedSelf.where(n.gt(1)),
                        n.multiply(n.minus(1)).divide(2).cast(DataTypes.LongType)));
        List<FellegiSunterModel> history = blocked.isEmpty()
                ? List.of(start)
                : new ExpectationMaximisation(settings.emMaxIterations(), settings.emTolerance()).fit(blocked, start);
        FellegiSunterModel em = history.get(history.size() - 1);
        long blockedTotal = blocked.stream().mapToLong(PatternCount::count).sum();
        double lambda = Math.max(prior(nodes, recordCount), emPrior(em.lambda(), blockedTotal, recordCount));
        return new Trained(start.withM(em.m()).withLambda(lambda), history, randomTotal);
    }

    /** Agreement-pattern counts: at most the product of the level counts, so the collect is bounded. */
    public List<PatternCount> patterns(Dataset<Row> compared) {
        return patterns(compared, lit(1L));
    }

    /**
     * Agreement-pattern counts, each pair counting weight (a long column) times. The gammas are grouped as one long
     * code (mixed radix, a digit per comparison), which Spark's hash aggregate handles far faster than many keys.
     */
    public List<PatternCount> patterns(Dataset<Row> compared, Column weight) {
        long[] radix = new long[comparisons.size()];
        Column code = lit(0L);
        long place = 1;
        for (int j = 0; j < comparisons.size(); j++) {
            radix[j] = place;
            // gamma + 1 in 0..levelCount (the null level -1 is digit 0)
            code = code.plus(col(comparisons.get(j).gammaColumn())
                    .plus(1)
                    .cast(DataTypes.LongType)
                    .multiply(place));
            place *= comparisons.get(j).levelCount() + 1;
        }
        List<PatternCount> out = new ArrayList<>();
        for (Row r : compared.groupBy(code.as("code")).agg(sum(weight).as("n")).collectAsList()) {
            long c = r.getLong(0);
            int[] g = new int[comparisons.size()];
            for (int j = 0; j < g.length; j++) {
                g[j] = (int) (c / radix[j] % (comparisons.get(j).levelCount() + 1)) - 1;
            }
            out.add(new PatternCount(g, r.getLong(1)));
        }
        return out;
    }

    /** Both lists' counts, patterns in both added. */
    static List<PatternCount> merge(List<PatternCount> a, List<PatternCount> b) {
        java.util.Map<java.util.List<Integer>, Long> counts = new java.util.LinkedHashMap<>();
        for (PatternCount p : a) {
            counts.merge(java.util.Arrays.stream(p.gammas()).boxed().toList(), p.count(), Long::sum);
        }
        for (PatternCount p : b) {
            counts.merge(java.util.Arrays.stream(p.gammas()).boxed().toList(), p.count(), Long::sum);
        }
        List<PatternCount> out = new ArrayList<>();
        counts.forEach((g, c) ->
                out.add(new PatternCount(g.stream().mapToInt(Integer::intValue).toArray(), c)));
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
     * Record pairs agreeing on a deterministic rule, divided by the rule's assumed recall, over all pairs. Pairs are
     * counted per rule as the sum of n(n-1)/2 over its groups of records (no join; nodes: node, records and the rule
     * columns), and the largest rule's count is taken: rules overlap.
     */
    double prior(Dataset<Row> nodes, long recordCount) {
        double best = 0;
        for (org.lcjp.reoffending.settings.BlockingRule rule : settings.deterministicRules()) {
            Column[] cols = rule.columns().stream().map(c -> col(c)).toArray(Column[]::new);
            Column present = lit(true);
            for (Column c : cols) {
                present = present.and(c.isNotNull());
            }
            Row r = nodes.where(present)
                    .groupBy(cols)
                    .agg(sum(col(LinkageColumns.RECORDS)).as("n"))
                    .agg(sum(col("n").multiply(col("n").minus(1)).divide(2)))
                    .first();
            best = Math.max(best, r.isNullAt(0) ? 0 : r.getDouble(0));
        }
        double allPairs = recordCount * (recordCount - 1) / 2.0;
        double lambda = allPairs == 0 ? 0.5 : best / settings.deterministicRecall() / allPairs;
        return Math.min(Math.max(lambda, 1.0 / Math.max(allPairs, 1)), 0.5);
    }
}
