package org.lcjp.reoffending.linkage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.sum;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.linkage.blocking.CandidatePairs;
import org.lcjp.reoffending.linkage.clustering.AssignPersonIds;
import org.lcjp.reoffending.linkage.clustering.NodeClusters;
import org.lcjp.reoffending.linkage.clustering.PersonEdges;
import org.lcjp.reoffending.linkage.clustering.RecordPersonTable;
import org.lcjp.reoffending.linkage.clustering.ReferenceGroups;
import org.lcjp.reoffending.linkage.clustering.ThresholdSensitivity;
import org.lcjp.reoffending.linkage.comparison.ComparePairs;
import org.lcjp.reoffending.linkage.comparison.Comparison;
import org.lcjp.reoffending.linkage.comparison.Comparisons;
import org.lcjp.reoffending.linkage.core.ExtraField;
import org.lcjp.reoffending.linkage.core.LinkageColumns;
import org.lcjp.reoffending.linkage.core.LinkageRecords;
import org.lcjp.reoffending.linkage.core.Profiles;
import org.lcjp.reoffending.linkage.core.RecordGroups;
import org.lcjp.reoffending.linkage.model.LinkageModel;
import org.lcjp.reoffending.linkage.model.TrainingInput;
import org.lcjp.reoffending.linkage.model.WeightDrift;
import org.lcjp.reoffending.linkage.quality.LinkageQuality;
import org.lcjp.reoffending.linkage.scoring.ScorePairs;
import org.lcjp.reoffending.linkage.training.TrainLinkageModel;
import org.lcjp.reoffending.settings.BlockingRule;
import org.lcjp.reoffending.settings.LinkageSettings;
import org.lcjp.reoffending.settings.PseudonymiseSettings;
import org.lcjp.reoffending.spark.Checkpoints;
import org.lcjp.reoffending.spark.TimedSteps;

/**
 * The whole linkage of one night, dedupe within and link across all datasets in one graph: records, blocking,
 * comparison, scoring with the given model (or training one: {@link #train}), clustering, chain splitting, stable
 * ids, quality, and persons at the other thresholds of linkage.sensitivity. Records with the same identity profile are
 * linked as one node ({@link Profiles}); blocking, comparing and clustering see nodes, and training and the quality
 * figures count the record pairs they stand for. Training and clustering are iterative, so this runs Spark actions;
 * intermediate tables are local checkpoints (lineage breaks).
 */
public final class LinkPeople {
    private static final Logger LOG = LogManager.getLogger(LinkPeople.class);
    private static final int MAX_COMPONENT_ROUNDS = 50;
    public static final String DRIFT_METRIC = "MATCH_WEIGHT_DRIFT_PSI";
    private final LinkageSettings settings;
    private final int bloomWords;
    private final String encoding;
    private final RecordGroups groups;

    public LinkPeople(LinkageSettings settings, PseudonymiseSettings pseudonymise) {
        this(settings, pseudonymise, RecordGroups.none());
    }

    /** @param groups how each record's sex, ethnicity and age band are read, for the quality breakdowns */
    public LinkPeople(LinkageSettings settings, PseudonymiseSettings pseudonymise, RecordGroups groups) {
        this.settings = settings;
        this.bloomWords = pseudonymise.storedBloomBits() / 64;
        this.encoding = pseudonymise.encoding();
        this.groups = groups;
    }

    /**
     * @param recordPerson       the record_person table (materialised)
     * @param recordGroups       record_person's key and person_id with each record's quality groups (for truth figures)
     * @param scoredPairs        record pairs (record_key_l, record_key_r, match_weight, match_probability), expanded from
     *                           the scored profile pairs when read (for diagnostics; large)
     * @param model              the model the pairs were scored with (the given one, or the one trained tonight)
     * @param trainedTonight     whether no model was given and this one was trained on tonight's records
     * @param weightDistribution record pairs per match-weight bin tonight
     * @param drift              population stability index of tonight's distribution against the model's training one
     * @param sensitivity        per other threshold, the records whose persons were re-clustered there and their persons
     *                           ({@link ThresholdSensitivity}): match_threshold, agency, dataset, record_id, person_id
     * @param persons            persons found (distinct person ids)
     * @param pairsScored        profile (node) pairs compared and scored
     * @param recordPairs        record pairs those stand for, with the pairs inside profiles
     */
    public record Outcome(
            Dataset<Row> recordPerson,
            Dataset<Row> recordGroups,
            Dataset<Row> quality,
            Dataset<Row> scoredPairs,
            LinkageModel model,
            boolean trainedTonight,
            Map<Integer, Long> weightDistribution,
            double drift,
            Dataset<Row> sensitivity,
            Map<Double, Long> sensitivityNodes,
            long records,
            long profiles,
            long persons,
            long pairsScored,
            long recordPairs,
            long chainedSplit,
            int componentRounds,
            Map<String, Double> stepSeconds) {
        /** Local checkpoints live as long as the SparkContext; nothing to release explicitly. */
        public void release() {
            recordPerson.unpersist();
        }
    }

    /** What training and predicting both start from: the night's records as identity profiles, compared in pairs. */
    private record Compared(
            List<Comparison> comparisons,
            Dataset<Row> records,
            Dataset<Row> nodes,
            Dataset<Row> pairs,
            Dataset<Row> self,
            ComparePairs compare,
            long recordCount,
            long profiles,
            long pairCount,
            boolean broadcastNodes) {
        void release() {
            pairs.unpersist();
            Checkpoints.release(self);
        }
    }

    /** Scored pairs and the night's match-weight distribution. */
    private record Scored(
            Dataset<Row> pairs,
            Dataset<Row> self,
            Dataset<Row> weighted,
            long recordPairs,
            Map<Integer, Long> distribution) {}

    /**
     * Trains a model on these records (u from random pairs, m by EM, the prior from the deterministic rules) and
     * returns it with its training distribution: what `reoffending train-linkage` writes.
     */
    public LinkageModel train(Map<DatasetId, Dataset<Row>> staged) {
        SparkSession spark = staged.values().iterator().next().sparkSession();
        try (TimedSteps steps = new TimedSteps(spark, "Linkage training")) {
            Compared c = compare(staged, steps, null);
            steps.next("training");
            LinkageModel untested = fit(c);
            steps.next("scoring");
            Scored s = score(c, untested);
            c.release();
            return withDistribution(untested, s.distribution());
        }
    }

    /** previousRecordPerson: the last run's record_person, or null on the first night; model: null trains one tonight. */
    public Outcome run(Map<DatasetId, Dataset<Row>> staged, Dataset<Row> previousRecordPerson, LinkageModel given) {
        SparkSession spark = staged.values().iterator().next().sparkSession();
        try (TimedSteps steps = new TimedSteps(spark, "Linkage")) {
            Compared c = compare(staged, steps, given);
            LinkageModel model = given;
            if (given == null) {
                steps.next("training");
                model = fit(c);
            }

            steps.next("scoring");
            Scored s = score(c, model);
            if (given == null) {
                model = withDistribution(model, s.distribution());
            }
            // The caller warns past linkage.model.drift_warn_psi (LinkageJob: log and run manifest).
            double drift = given == null ? 0.0 : WeightDrift.psi(given.weightDistribution(), s.distribution());
            Dataset<Row> references = ReferenceGroups.of(c.records()).localCheckpoint();
            double main = settings.matchThreshold();
            List<Double> thresholds = settings.sensitivity().withMain(main);
            double lowest = thresholds.get(0);
            // One edge table at the lowest threshold serves the main clustering (filtered) and the other thresholds.
            Dataset<Row> edgesAll = new PersonEdges(lowest)
                    .apply(c.nodes(), references, s.pairs())
                    .localCheckpoint();
            Dataset<Row> edges = lowest < main
                    ? edgesAll.where(col(LinkageColumns.MATCH_PROBABILITY).geq(main))
                    : edgesAll;
            // The compared pairs are read no more (the diagnostics' record pairs derive them again if asked for).
            c.release();

            steps.next("clustering");
            NodeClusters.Result clustered = new NodeClusters(settings, MAX_COMPONENT_ROUNDS, c.broadcastNodes())
                    .apply(c.records(), c.nodes(), edges, s.self(), references);
            long chained = clustered.chained();

            steps.next("person ids");
            // One grouping of the records by person gives what the ids and the quality figures need of each.
            List<Column> perCluster = new ArrayList<>(List.of(AssignPersonIds.keyAggregates()));
            perCluster.addAll(List.of(LinkageQuality.perPersonAggregates()));
            Dataset<Row> persons = clustered
                    .records()
                    .groupBy(LinkageColumns.CLUSTER)
                    .agg(
                            perCluster.get(0),
                            perCluster.subList(1, perCluster.size()).toArray(Column[]::new))
                    .localCheckpoint();
            long personCount = persons.count();
            Dataset<Row> personIds = new AssignPersonIds().ids(persons, clustered.records(), previousRecordPerson);
            Dataset<Row> shared = ReferenceGroups.sharedInsidePersons(references, clustered.nodes());
            // The cluster rides along so the quality figures group persons by a long, not by the id string.
            Dataset<Row> withCluster = new RecordPersonTable(c.broadcastNodes())
                    .apply(clustered.records(), clustered.nodes(), personIds, shared)
                    .localCheckpoint();
            Dataset<Row> quality = new LinkageQuality()
                    .apply(withCluster, LinkageColumns.CLUSTER, persons, s.weighted(), chained, s.recordPairs())
                    .unionByName(LinkageQuality.scalars(spark, Map.of(DRIFT_METRIC, drift)));
            Dataset<Row> recordPerson = withCluster.select(
                    RecordPersonColumns.SCHEMA.names()[0],
                    java.util.Arrays.copyOfRange(
                            RecordPersonColumns.SCHEMA.names(), 1, RecordPersonColumns.SCHEMA.names().length));
            List<Column> groupColumns = new ArrayList<>(List.of(
                    col(RecordPersonColumns.AGENCY),
                    col(RecordPersonColumns.DATASET),
                    col(RecordPersonColumns.RECORD_ID),
                    col(RecordPersonColumns.PERSON_ID)));
            RecordGroups.present(withCluster.columns()).forEach(g -> groupColumns.add(col(g)));
            Dataset<Row> recordGroups = withCluster.select(groupColumns.toArray(Column[]::new));

            steps.next("sensitivity");
            List<Double> others = thresholds.stream().filter(t -> t != main).toList();
            ThresholdSensitivity.Result sensitivity = new ThresholdSensitivity(
                            settings, MAX_COMPONENT_ROUNDS, c.broadcastNodes())
                    .apply(others, c.records(), c.nodes(), clustered.nodes(), edgesAll, s.self(), references);
            steps.close();
            return new Outcome(
                    recordPerson,
                    recordGroups,
                    quality,
                    recordPairs(c.records(), s.pairs(), s.self()),
                    model,
                    given == null,
                    s.distribution(),
                    drift,
                    sensitivity.records(),
                    sensitivity.affectedNodes(),
                    c.recordCount(),
                    c.profiles(),
                    personCount,
                    c.pairCount(),
                    s.recordPairs(),
                    chained,
                    clustered.componentRounds(),
                    steps.seconds());
        }
    }

    /** Records, identity profiles, blocking and comparing; a given model's comparisons must be tonight's. */
    private Compared compare(Map<DatasetId, Dataset<Row>> staged, TimedSteps steps, LinkageModel model) {
        steps.next("records");
        List<ExtraField> extras = ExtraField.discover(staged.values());
        List<Comparison> comparisons =
                Comparisons.all(model == null ? settings : model.scoring().applyTo(settings), extras);
        if (model != null) {
            if (!model.encoding().equals(encoding)) {
                throw new LinkageModel.ModelException(
                        "Cannot predict with the linkage model (trained " + model.trainedAt()
                                + "): it was trained on identifiers encoded as " + model.encoding()
                                + ", the warehouse holds " + encoding
                                + ". Retrain it with `reoffending train-linkage`");
            }
            if (!model.shape().equals(LinkageModel.shape(comparisons))) {
                throw new LinkageModel.ModelException(
                        "Cannot predict with the linkage model (trained " + model.trainedAt()
                                + "): its comparisons " + model.shape() + " are not tonight's "
                                + LinkageModel.shape(comparisons)
                                + " (another identifier appeared or went). Retrain it with `reoffending train-linkage`");
            }
        }
        // Records and nodes come materialised (local checkpoints cut the lineage: the analyser otherwise re-walks
        // the pseudonymisation and blocking plans at every join, which costs minutes).
        Dataset<Row> linkageRecords = new LinkageRecords(settings, bloomWords, groups).apply(staged);
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
        Dataset<Row> comparedSelf =
                compare.self(nodes.where(col(LinkageColumns.RECORDS).gt(1))).localCheckpoint();
        return new Compared(
                comparisons, records, nodes, compared, comparedSelf, compare, n, profiles, pairs, broadcastNodes);
    }

    /** A model trained on the compared records (its distribution comes with scoring). */
    private LinkageModel fit(Compared c) {
        TrainLinkageModel.Trained trained = new TrainLinkageModel(c.comparisons(), settings, bloomWords)
                .fit(c.records(), c.nodes(), c.pairs(), c.self(), c.recordCount());
        LOG.info(
                "Linkage model trained ({} records, {} identity profiles, {} candidate profile pairs, EM {} iterations):\n{}",
                c.recordCount(),
                c.profiles(),
                c.pairCount(),
                trained.emHistory().size() - 1,
                trained.model().describe());
        List<String> compared = new ArrayList<>(List.of(c.nodes().columns()));
        compared.removeAll(List.of(
                LinkageColumns.NODE, LinkageColumns.RECORDS, LinkageColumns.FORENAME_TF, LinkageColumns.SURNAME_TF));
        Map<String, String> tfColumns = new TreeMap<>();
        c.comparisons().stream().filter(x -> x.tfColumn() != null).forEach(x -> tfColumns.put(x.name(), x.tfColumn()));
        long recordPairs = 0;
        Map<String, Object> trainedWith = new LinkedHashMap<>(LinkageModel.settingsMap(settings));
        return new LinkageModel(
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                encoding,
                LinkageModel.Scoring.of(settings),
                trainedWith,
                trained.model(),
                tfColumns,
                new LinkageModel.Training(
                        c.recordCount(),
                        c.profiles(),
                        c.pairCount(),
                        recordPairs,
                        trained.randomPairs(),
                        trained.emHistory().size() - 1,
                        TrainingInput.hash(c.nodes(), compared)),
                Map.of());
    }

    /** The model with its training pairs' match-weight distribution (and their record-pair count). */
    private static LinkageModel withDistribution(LinkageModel m, Map<Integer, Long> distribution) {
        LinkageModel.Training t = m.training();
        long recordPairs =
                distribution.values().stream().mapToLong(Long::longValue).sum();
        return new LinkageModel(
                m.trainedAt(),
                m.encoding(),
                m.scoring(),
                m.trainedWith(),
                m.fs(),
                m.tfColumns(),
                new LinkageModel.Training(
                        t.records(),
                        t.profiles(),
                        t.candidatePairs(),
                        recordPairs,
                        t.randomPairs(),
                        t.emIterations(),
                        t.inputHash()),
                distribution);
    }

    /** Scores the compared pairs with the model; the weight histogram (record pairs per bin) is the one collect. */
    private Scored score(Compared c, LinkageModel model) {
        ScorePairs scorer = new ScorePairs(
                c.comparisons(),
                model.fs(),
                model.scoring().tfWeight(),
                model.scoring().tfMinimum());
        // Not materialised: the edges and the weight histogram each take what they need from one scoring pass.
        Dataset<Row> scored = scorer.apply(c.pairs());
        Column self = col(LinkageColumns.RECORDS + LinkageColumns.LEFT);
        Dataset<Row> scoredSelf = scorer.apply(c.self())
                .select(
                        col(LinkageColumns.NODE_L).as(LinkageColumns.NODE),
                        col(LinkageColumns.MATCH_WEIGHT),
                        col(LinkageColumns.MATCH_PROBABILITY),
                        self.multiply(self.minus(1))
                                .divide(2)
                                .cast(DataTypes.LongType)
                                .as(LinkageQuality.PAIRS))
                .localCheckpoint();
        // Record pairs per match weight (the quality histogram's bins are coarser, so exact weights are binned here).
        Dataset<Row> weighted = scored.select(
                        col(LinkageColumns.MATCH_WEIGHT),
                        col(LinkageColumns.RECORDS + LinkageColumns.LEFT)
                                .multiply(col(LinkageColumns.RECORDS + LinkageColumns.RIGHT))
                                .as(LinkageQuality.PAIRS))
                .unionByName(scoredSelf.select(col(LinkageColumns.MATCH_WEIGHT), col(LinkageQuality.PAIRS)))
                .groupBy(LinkageQuality.weightBin(col(LinkageColumns.MATCH_WEIGHT))
                        .as(LinkageColumns.MATCH_WEIGHT))
                .agg(sum(col(LinkageQuality.PAIRS)).as(LinkageQuality.PAIRS))
                .localCheckpoint();
        Map<Integer, Long> distribution = new TreeMap<>();
        for (Row r : weighted.collectAsList()) {
            distribution.put(r.getInt(0), r.getLong(1));
        }
        long recordPairs =
                distribution.values().stream().mapToLong(Long::longValue).sum();
        return new Scored(scored, scoredSelf, weighted, recordPairs, distribution);
    }

    /** The scored profile pairs as record pairs (record_key_l &lt; record_key_r), the pairs inside a profile included. */
    static Dataset<Row> recordPairs(Dataset<Row> records, Dataset<Row> scored, Dataset<Row> scoredSelf) {
        Dataset<Row> l = records.select(
                col(LinkageColumns.NODE).as(LinkageColumns.NODE_L),
                col(LinkageColumns.RECORD_KEY).as("a"));
        Dataset<Row> r = records.select(
                col(LinkageColumns.NODE).as(LinkageColumns.NODE_R),
                col(LinkageColumns.RECORD_KEY).as("b"));
        Dataset<Row> across = scored.select(
                        LinkageColumns.NODE_L,
                        LinkageColumns.NODE_R,
                        LinkageColumns.MATCH_WEIGHT,
                        LinkageColumns.MATCH_PROBABILITY)
                .join(l, LinkageColumns.NODE_L)
                .join(r, LinkageColumns.NODE_R);
        Dataset<Row> within = scoredSelf
                .select(
                        col(LinkageColumns.NODE).as(LinkageColumns.NODE_L),
                        col(LinkageColumns.NODE).as(LinkageColumns.NODE_R),
                        col(LinkageColumns.MATCH_WEIGHT),
                        col(LinkageColumns.MATCH_PROBABILITY))
                .join(l, LinkageColumns.NODE_L)
                .join(r, LinkageColumns.NODE_R)
                .where(col("a").lt(col("b")));
        return across.unionByName(within)
                .select(
                        least(col("a"), col("b")).as(LinkageColumns.KEY_L),
                        greatest(col("a"), col("b")).as(LinkageColumns.KEY_R),
                        col(LinkageColumns.MATCH_WEIGHT),
                        col(LinkageColumns.MATCH_PROBABILITY));
    }

    /**
     * The configured rules plus, per extra identifier, its token alone for exact identity numbers, or its token with
     * the forename initial and with the birth year for fuzzy fields (a shared address or email alone is too broad).
     */
    List<BlockingRule> blockingRules(List<ExtraField> extras) {
        List<BlockingRule> rules = new ArrayList<>(settings.blockingRules());
        for (ExtraField x : extras) {
            if (x.fuzzy()) {
                rules.add(BlockingRule.parse(
                        x.token() + "," + org.lcjp.reoffending.domain.StagedColumns.FORENAME_INITIAL_TOKEN));
                rules.add(
                        BlockingRule.parse(x.token() + "," + org.lcjp.reoffending.domain.StagedColumns.DOB_YEAR_TOKEN));
            } else {
                rules.add(BlockingRule.parse(x.token()));
            }
        }
        return rules;
    }
}
