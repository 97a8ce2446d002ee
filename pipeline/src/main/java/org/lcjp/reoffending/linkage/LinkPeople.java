package org.lcjp.reoffending.linkage;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.linkage.blocking.CandidatePairs;
import org.lcjp.reoffending.linkage.clustering.AssignPersonIds;
import org.lcjp.reoffending.linkage.clustering.ConnectedComponents;
import org.lcjp.reoffending.linkage.clustering.PersonEdges;
import org.lcjp.reoffending.linkage.clustering.RecordPersonTable;
import org.lcjp.reoffending.linkage.clustering.SplitChainedClusters;
import org.lcjp.reoffending.linkage.comparison.ComparePairs;
import org.lcjp.reoffending.linkage.comparison.Comparison;
import org.lcjp.reoffending.linkage.comparison.Comparisons;
import org.lcjp.reoffending.linkage.quality.LinkageQuality;
import org.lcjp.reoffending.linkage.scoring.ScorePairs;
import org.lcjp.reoffending.linkage.training.TrainLinkageModel;
import org.lcjp.reoffending.settings.LinkageSettings;

/**
 * The whole linkage of one night, dedupe within and link across all datasets in one graph: records, blocking,
 * comparison, training (EM), scoring, clustering, chain splitting, stable ids, quality. Training and clustering
 * are iterative, so this runs Spark actions; intermediate tables are local checkpoints (lineage breaks).
 */
public final class LinkPeople {
    private static final Logger LOG = LogManager.getLogger(LinkPeople.class);
    private static final int MAX_COMPONENT_ROUNDS = 50;
    private final LinkageSettings settings;
    private final int bloomWords;

    /** @param bloomBits bits of the staged name Bloom filters (PseudonymiseSettings.bloomBits) */
    public LinkPeople(LinkageSettings settings, int bloomBits) {
        this.settings = settings;
        this.bloomWords = bloomBits / 64;
    }

    public record Outcome(Dataset<Row> recordPerson, Dataset<Row> quality, Dataset<Row> scoredPairs,
                          TrainLinkageModel.Trained trained, long records, long pairsScored, long chainedSplit,
                          int componentRounds, Map<String, Double> stepSeconds) {
        /** Local checkpoints live as long as the SparkContext; nothing to release explicitly. */
        public void release() {
            recordPerson.unpersist();
        }
    }

    /** previousRecordPerson: the last run's record_person, or null on the first night. */
    public Outcome run(Map<DatasetId, Dataset<Row>> staged, Dataset<Row> previousRecordPerson) {
        Map<String, Double> seconds = new java.util.LinkedHashMap<>();
        long t = System.nanoTime();
        List<ExtraField> extras = ExtraField.discover(staged.values());
        List<Comparison> comparisons = Comparisons.all(settings, extras);
        // Local checkpoints cut the lineage: the analyser otherwise re-walks the pseudonymisation and blocking plans
        // at every self-join, which costs minutes.
        Dataset<Row> records = new LinkageRecords(settings, bloomWords).apply(staged).localCheckpoint();
        long n = records.count();
        t = lap(seconds, "records", t);
        // Materialised so the comparison plan starts from a cached relation, not from nine blocking joins.
        Dataset<Row> candidates = new CandidatePairs(blockingRules(extras), settings.maxBlockSize()).apply(records)
                .localCheckpoint();
        t = lap(seconds, "blocking", t);
        Dataset<Row> compared = new ComparePairs(comparisons, bloomWords).apply(candidates, records).localCheckpoint();
        long pairs = compared.count();
        t = lap(seconds, "comparing", t);
        TrainLinkageModel.Trained trained = new TrainLinkageModel(comparisons, settings, bloomWords).fit(records, compared, n);
        t = lap(seconds, "training", t);
        LOG.info("Linkage model ({} records, {} candidate pairs, EM {} iterations):\n{}", n, pairs,
                trained.emHistory().size() - 1, trained.model().describe());
        Dataset<Row> scored = new ScorePairs(comparisons, trained.model(), settings.tfWeight(), settings.tfMinimum())
                .apply(compared).localCheckpoint();
        t = lap(seconds, "scoring", t);

        Dataset<Row> edges = new PersonEdges(settings.matchThreshold()).apply(records, scored).localCheckpoint();
        ConnectedComponents cc = new ConnectedComponents(settings.checkpointInterval(), MAX_COMPONENT_ROUNDS);
        Dataset<Row> components = cc.run(records.select(LinkageColumns.RECORD_KEY), edges);
        SplitChainedClusters.Result split = new SplitChainedClusters(settings.maxClusterSize()).apply(components, records, edges);
        Dataset<Row> clusters = split.clusters().localCheckpoint();
        long chained = split.chained().count();
        t = lap(seconds, "clustering", t);
        Dataset<Row> ids = new AssignPersonIds().apply(clusters, previousRecordPerson);
        Dataset<Row> recordPerson = new RecordPersonTable().apply(records, ids, edges)
                .select(RecordPersonColumns.SCHEMA.fieldNames()[0], java.util.Arrays.copyOfRange(RecordPersonColumns.SCHEMA.fieldNames(), 1, 6))
                .localCheckpoint();
        lap(seconds, "person ids", t);
        Dataset<Row> quality = new LinkageQuality().apply(recordPerson, scored, chained, pairs);
        return new Outcome(recordPerson, quality, scored.select(col(LinkageColumns.KEY_L), col(LinkageColumns.KEY_R),
                col(LinkageColumns.MATCH_WEIGHT), col(LinkageColumns.MATCH_PROBABILITY)), trained, n, pairs, chained, cc.iterations(), seconds);
    }

    /**
     * The configured rules plus, per extra identifier, its token alone for exact identity numbers, or its token with
     * the forename initial and with the birth year for fuzzy fields (a shared address or email alone is too broad).
     */
    List<String> blockingRules(List<ExtraField> extras) {
        List<String> rules = new java.util.ArrayList<>(settings.blockingRules());
        for (ExtraField x : extras) {
            if (x.fuzzy()) {
                rules.add(x.token() + "," + org.lcjp.reoffending.domain.StagedColumns.FORENAME_INITIAL_TOKEN);
                rules.add(x.token() + "," + org.lcjp.reoffending.domain.StagedColumns.DOB_YEAR_TOKEN);
            } else {
                rules.add(x.token());
            }
        }
        return rules;
    }

    private static long lap(Map<String, Double> seconds, String step, long since) {
        long now = System.nanoTime();
        seconds.put(step, (now - since) / 1e9);
        LOG.info("Linkage step {} took {} s", step, String.format("%.1f", (now - since) / 1e9));
        return now;
    }
}
