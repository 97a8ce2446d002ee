package org.lcjp.reoffending.linkage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.linkage.blocking.CandidatePairs;
import org.lcjp.reoffending.linkage.clustering.AssignPersonIds;
import org.lcjp.reoffending.linkage.clustering.NodeClusters;
import org.lcjp.reoffending.linkage.clustering.PersonEdges;
import org.lcjp.reoffending.linkage.clustering.RecordPersonTable;
import org.lcjp.reoffending.linkage.clustering.ReferenceGroups;
import org.lcjp.reoffending.linkage.comparison.ComparePairs;
import org.lcjp.reoffending.linkage.comparison.Comparison;
import org.lcjp.reoffending.linkage.comparison.Comparisons;
import org.lcjp.reoffending.linkage.quality.LinkageQuality;
import org.lcjp.reoffending.linkage.scoring.ScorePairs;
import org.lcjp.reoffending.linkage.training.TrainLinkageModel;
import org.lcjp.reoffending.settings.LinkageSettings;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.lcjp.reoffending.spark.Checkpoints;
import org.lcjp.reoffending.spark.TimedSteps;

/**
 * The whole linkage of one night, dedupe within and link across all datasets in one graph: records, blocking,
 * comparison, training (EM), scoring, clustering, chain splitting, stable ids, quality. Records with the same
 * identity profile are linked as one node ({@link Profiles}); blocking, comparing and clustering see nodes, and
 * training and the quality figures count the record pairs they stand for. Training and clustering are iterative,
 * so this runs Spark actions; intermediate tables are local checkpoints (lineage breaks).
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

    /**
     * @param recordPerson the record_person table (materialised)
     * @param scoredPairs  record pairs (record_key_l, record_key_r, match_weight, match_probability), expanded from
     *                     the scored profile pairs when read (for diagnostics; large)
     * @param persons      persons found (distinct person ids)
     * @param pairsScored  profile (node) pairs compared and scored
     * @param recordPairs  record pairs those stand for, with the pairs inside profiles
     */
    public record Outcome(Dataset<Row> recordPerson, Dataset<Row> quality, Dataset<Row> scoredPairs,
                          TrainLinkageModel.Trained trained, long records, long profiles, long persons, long pairsScored,
                          long recordPairs, long chainedSplit, int componentRounds, Map<String, Double> stepSeconds) {
        /** Local checkpoints live as long as the SparkContext; nothing to release explicitly. */
        public void release() {
            recordPerson.unpersist();
        }
    }

    /** previousRecordPerson: the last run's record_person, or null on the first night. */
    public Outcome run(Map<DatasetId, Dataset<Row>> staged, Dataset<Row> previousRecordPerson) {
        SparkSession spark = staged.values().iterator().next().sparkSession();
        try (TimedSteps steps = new TimedSteps(spark, "Linkage")) {
            steps.next("records");
            List<ExtraField> extras = ExtraField.discover(staged.values());
            List<Comparison> comparisons = Comparisons.all(settings, extras);
            // Records and nodes come materialised (local checkpoints cut the lineage: the analyser otherwise re-walks
            // the pseudonymisation and blocking plans at every join, which costs minutes).
            Dataset<Row> linkageRecords = new LinkageRecords(settings, bloomWords).apply(staged);
            Profiles.Collapsed collapsed = new Profiles().apply(linkageRecords);
            Checkpoints.release(linkageRecords);
            Dataset<Row> records = collapsed.records();
            Dataset<Row> nodes = collapsed.nodes();
            long n = records.count();
            long profiles = nodes.count();
            boolean broadcastNodes = profiles <= settings.broadcastMaxProfiles();

            steps.next("blocking and comparing");
            // Blocking and comparing run as one pass (the pairs are read once); the compared pairs are cached columnar
            // (narrow numeric columns, and a local checkpoint would serialise rows), as training, the edges and the
            // weight histogram each read them.
            Dataset<Row> candidates = new CandidatePairs(blockingRules(extras), settings.maxBlockSize()).apply(nodes);
            ComparePairs compare = new ComparePairs(comparisons, bloomWords, broadcastNodes);
            Dataset<Row> compared = compare.apply(candidates, nodes).persist(StorageLevel.MEMORY_AND_DISK());
            long pairs = compared.count();

            steps.next("training");
            Dataset<Row> comparedSelf = compare.self(nodes.where(col(LinkageColumns.RECORDS).gt(1))).localCheckpoint();
            TrainLinkageModel.Trained trained = new TrainLinkageModel(comparisons, settings, bloomWords)
                    .fit(records, nodes, compared, comparedSelf, n);
            LOG.info("Linkage model ({} records, {} identity profiles, {} candidate profile pairs, EM {} iterations):\n{}", n, profiles,
                    pairs, trained.emHistory().size() - 1, trained.model().describe());

            steps.next("scoring");
            ScorePairs scorer = new ScorePairs(comparisons, trained.model(), settings.tfWeight(), settings.tfMinimum());
            // Not materialised: the edges and the weight histogram each take what they need from one scoring pass.
            Dataset<Row> scored = scorer.apply(compared);
            Column self = col(LinkageColumns.RECORDS + LinkageColumns.LEFT);
            Dataset<Row> scoredSelf = scorer.apply(comparedSelf).select(col(LinkageColumns.NODE_L).as(LinkageColumns.NODE),
                    col(LinkageColumns.MATCH_WEIGHT), col(LinkageColumns.MATCH_PROBABILITY),
                    self.multiply(self.minus(1)).divide(2).cast(DataTypes.LongType).as(LinkageQuality.PAIRS)).localCheckpoint();
            // Record pairs per match weight (the quality histogram's bins are coarser, so exact weights are binned here).
            Dataset<Row> weighted = scored.select(col(LinkageColumns.MATCH_WEIGHT), col(LinkageColumns.RECORDS + LinkageColumns.LEFT)
                            .multiply(col(LinkageColumns.RECORDS + LinkageColumns.RIGHT)).as(LinkageQuality.PAIRS))
                    .unionByName(scoredSelf.select(col(LinkageColumns.MATCH_WEIGHT), col(LinkageQuality.PAIRS)))
                    .groupBy(LinkageQuality.weightBin(col(LinkageColumns.MATCH_WEIGHT)).as(LinkageColumns.MATCH_WEIGHT))
                    .agg(sum(col(LinkageQuality.PAIRS)).as(LinkageQuality.PAIRS)).localCheckpoint();
            Row totals = weighted.agg(sum(col(LinkageQuality.PAIRS))).first();
            long recordPairs = totals.isNullAt(0) ? 0 : totals.getLong(0);
            Dataset<Row> references = ReferenceGroups.of(records).localCheckpoint();
            Dataset<Row> edges = new PersonEdges(settings.matchThreshold()).apply(nodes, references, scored).localCheckpoint();
            // The compared pairs are read no more (the diagnostics' record pairs derive them again if asked for).
            compared.unpersist();
            Checkpoints.release(comparedSelf);

            steps.next("clustering");
            NodeClusters.Result clustered = new NodeClusters(settings, MAX_COMPONENT_ROUNDS, broadcastNodes)
                    .apply(records, nodes, edges, scoredSelf, references);
            long chained = clustered.chained();

            steps.next("person ids");
            // One grouping of the records by person gives what the ids and the quality figures need of each.
            List<Column> perCluster = new java.util.ArrayList<>(List.of(AssignPersonIds.keyAggregates()));
            perCluster.addAll(List.of(LinkageQuality.perPersonAggregates()));
            Dataset<Row> persons = clustered.records().groupBy(LinkageColumns.CLUSTER)
                    .agg(perCluster.get(0), perCluster.subList(1, perCluster.size()).toArray(Column[]::new)).localCheckpoint();
            long personCount = persons.count();
            Dataset<Row> personIds = new AssignPersonIds().ids(persons, clustered.records(), previousRecordPerson);
            Dataset<Row> shared = ReferenceGroups.sharedInsidePersons(references, clustered.nodes());
            // The cluster rides along so the quality figures group persons by a long, not by the id string.
            Dataset<Row> withCluster = new RecordPersonTable(broadcastNodes).apply(clustered.records(), clustered.nodes(), personIds, shared)
                    .localCheckpoint();
            Dataset<Row> quality = new LinkageQuality().apply(withCluster, LinkageColumns.CLUSTER, persons, weighted, chained, recordPairs);
            Dataset<Row> recordPerson = withCluster.drop(LinkageColumns.CLUSTER);
            steps.close();
            return new Outcome(recordPerson, quality, recordPairs(records, scored, scoredSelf), trained, n, profiles, personCount, pairs,
                    recordPairs, chained, clustered.componentRounds(), steps.seconds());
        }
    }

    /** The scored profile pairs as record pairs (record_key_l &lt; record_key_r), the pairs inside a profile included. */
    static Dataset<Row> recordPairs(Dataset<Row> records, Dataset<Row> scored, Dataset<Row> scoredSelf) {
        Dataset<Row> l = records.select(col(LinkageColumns.NODE).as(LinkageColumns.NODE_L), col(LinkageColumns.RECORD_KEY).as("a"));
        Dataset<Row> r = records.select(col(LinkageColumns.NODE).as(LinkageColumns.NODE_R), col(LinkageColumns.RECORD_KEY).as("b"));
        Dataset<Row> across = scored.select(LinkageColumns.NODE_L, LinkageColumns.NODE_R, LinkageColumns.MATCH_WEIGHT,
                LinkageColumns.MATCH_PROBABILITY).join(l, LinkageColumns.NODE_L).join(r, LinkageColumns.NODE_R);
        Dataset<Row> within = scoredSelf.select(col(LinkageColumns.NODE).as(LinkageColumns.NODE_L), col(LinkageColumns.NODE).as(LinkageColumns.NODE_R),
                        col(LinkageColumns.MATCH_WEIGHT), col(LinkageColumns.MATCH_PROBABILITY))
                .join(l, LinkageColumns.NODE_L).join(r, LinkageColumns.NODE_R).where(col("a").lt(col("b")));
        return across.unionByName(within).select(least(col("a"), col("b")).as(LinkageColumns.KEY_L),
                greatest(col("a"), col("b")).as(LinkageColumns.KEY_R), col(LinkageColumns.MATCH_WEIGHT), col(LinkageColumns.MATCH_PROBABILITY));
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
}
