package org.lcjp.reoffending.linkage.clustering;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.linkage.core.LinkageColumns;
import org.lcjp.reoffending.settings.LinkageSettings;
import org.lcjp.reoffending.spark.Checkpoints;

/**
 * Persons at other match thresholds, re-clustering only where the threshold changes anything. Between the main
 * threshold and another one, the nodes an edge or a self pair with a probability between the two touches are the
 * only places persons can differ; with them go their whole connected components at the main threshold (before chain
 * splitting), which are closed under the edges of either threshold: below the main one a new edge only joins
 * components that are in, above it an edge dropped only splits a component that is in. Outside them every person is
 * the main clustering's. Inside them {@link NodeClusters} runs as it does for the main clustering, at the other
 * threshold (all thresholds in one run). The result lists, per other threshold, the records of the affected components with their person there:
 * a union of whole persons under both clusterings, so any per-person figure over all records is the main figure
 * minus these records' main-person figure plus their figure here. Runs Spark actions (one clustering per threshold).
 */
public final class ThresholdSensitivity {
    public static final String THRESHOLD = "match_threshold";
    /** Person ids here are "T" + the cluster: never equal to a main person id ("P..."). */
    static final String PREFIX = "T";

    private static final String COPY = "sensitivity_copy";
    private static final String FROM = "sensitivity_from";
    private static final String BELOW = "sensitivity_below";

    private final LinkageSettings settings;
    private final int maxRounds;
    private final boolean broadcastNodes;

    public ThresholdSensitivity(LinkageSettings settings, int maxRounds, boolean broadcastNodes) {
        this.settings = settings;
        this.maxRounds = maxRounds;
        this.broadcastNodes = broadcastNodes;
    }

    /** What re-clustering found: per other threshold, the affected records and their persons, and how many nodes. */
    public record Result(Dataset<Row> records, java.util.Map<Double, Long> affectedNodes) {}

    /**
     * records: rid, agency, dataset, record_id, node, person_refs, pnc_token (and any further columns); nodes: the
     * identity profiles; nodeInfo: {@link NodeClusters} of the main clustering (node, component); edges: every edge at
     * or above the lowest threshold (src, dst, weight, match_probability, match_method); scoredSelf: node,
     * match_probability; references: {@link ReferenceGroups#of} the records. Result records: match_threshold, agency,
     * dataset, record_id, person_id.
     *
     * <p>All the other thresholds are clustered together, in one run of {@link NodeClusters}: each threshold's copy of
     * its affected nodes gets ids of its own (id * thresholds + index, records' rids likewise), its edges and self pairs
     * are cut at its threshold beforehand, so the copies never meet and one set of Spark jobs serves them all.
     */
    public Result apply(
            List<Double> others,
            Dataset<Row> records,
            Dataset<Row> nodes,
            Dataset<Row> nodeInfo,
            Dataset<Row> edges,
            Dataset<Row> scoredSelf,
            Dataset<Row> references) {
        java.util.Map<Double, Long> affected = new java.util.LinkedHashMap<>();
        if (others.isEmpty()) {
            return new Result(empty(records), affected);
        }
        double main = settings.matchThreshold();
        int copies = others.size();
        Column p = col(LinkageColumns.MATCH_PROBABILITY);
        // The nodes each edge or self pair touches, read once; each copy takes those between its threshold and the main
        // one.
        Dataset<Row> touching = edges.select(
                        explode(array(col(PersonEdges.SRC), col(PersonEdges.DST)))
                                .as(LinkageColumns.NODE),
                        p)
                .union(scoredSelf.select(col(LinkageColumns.NODE), p));
        List<Row> ranges = new ArrayList<>();
        for (int v = 0; v < copies; v++) {
            ranges.add(RowFactory.create(v, Math.min(others.get(v), main), Math.max(others.get(v), main)));
        }
        Dataset<Row> between = records.sparkSession()
                .createDataFrame(
                        ranges,
                        new StructType()
                                .add(COPY, DataTypes.IntegerType)
                                .add(FROM, DataTypes.DoubleType)
                                .add(BELOW, DataTypes.DoubleType));
        Dataset<Row> touched = touching.join(
                        broadcast(between), p.geq(col(FROM)).and(p.lt(col(BELOW))))
                .select(col(LinkageColumns.NODE), col(COPY));
        Column component = coalesce(col(NodeClusters.COMPONENT), col(LinkageColumns.NODE));
        Dataset<Row> components = nodeInfo.join(touched.distinct(), LinkageColumns.NODE)
                .select(component.as("c"), col(COPY))
                .distinct();
        // Each copy's affected nodes: their whole components at the main threshold (closed under either threshold's
        // edges).
        Dataset<Row> inside = nodeInfo.join(broadcast(components), component.equalTo(col("c")))
                .select(col(LinkageColumns.NODE), col(COPY))
                .localCheckpoint();
        for (Row r : inside.groupBy(COPY).count().collectAsList()) {
            affected.put(others.get(r.getInt(0)), r.getLong(1));
        }
        others.forEach(t -> affected.putIfAbsent(t, 0L));
        if (affected.values().stream().allMatch(n -> n == 0)) {
            Checkpoints.release(inside);
            return new Result(empty(records), affected);
        }
        Dataset<Row> keep = broadcastNodes ? broadcast(inside) : inside;
        Column threshold = lit(null).cast(DataTypes.DoubleType);
        for (int v = 0; v < copies; v++) {
            threshold = org.apache
                    .spark
                    .sql
                    .functions
                    .when(col(COPY).equalTo(v), lit(others.get(v)))
                    .otherwise(threshold);
        }
        // Materialised, as the main clustering's inputs are: clustering loops over them, and on plans of unmaterialised
        // joins Spark's size estimates multiply out into numbers of thousands of digits (minutes of planning).
        Dataset<Row> subRecords = copyIds(
                        records.join(keep, LinkageColumns.NODE), copies, LinkageColumns.NODE, LinkageColumns.RID)
                .localCheckpoint();
        Dataset<Row> subNodes = copyIds(nodes.join(keep, LinkageColumns.NODE), copies, LinkageColumns.NODE)
                .drop(COPY)
                .localCheckpoint();
        Dataset<Row> subEdges = copyIds(
                        edges.join(keep.withColumnRenamed(LinkageColumns.NODE, PersonEdges.SRC), PersonEdges.SRC)
                                .where(p.geq(threshold)),
                        copies,
                        PersonEdges.SRC,
                        PersonEdges.DST)
                .drop(COPY)
                .localCheckpoint();
        Dataset<Row> subSelf = copyIds(
                        scoredSelf.join(keep, LinkageColumns.NODE).where(p.geq(threshold)), copies, LinkageColumns.NODE)
                .drop(COPY)
                .localCheckpoint();
        Dataset<Row> subRefs = copyIds(references.join(keep, LinkageColumns.NODE), copies, LinkageColumns.NODE)
                .drop(COPY)
                .localCheckpoint();
        // Self pairs are cut per copy above; the lowest threshold lets every remaining one through.
        double lowest = others.stream().mapToDouble(Double::doubleValue).min().orElse(main);
        NodeClusters.Result clustered = new NodeClusters(settings.withMatchThreshold(lowest), maxRounds, broadcastNodes)
                .apply(subRecords, subNodes, subEdges, subSelf, subRefs);
        Dataset<Row> rows = clustered
                .records()
                .select(
                        threshold.as(THRESHOLD),
                        col(RecordPersonColumns.AGENCY),
                        col(RecordPersonColumns.DATASET),
                        col(RecordPersonColumns.RECORD_ID),
                        concat(lit(PREFIX), col(LinkageColumns.CLUSTER).cast(DataTypes.StringType))
                                .as(RecordPersonColumns.PERSON_ID))
                .localCheckpoint();
        for (Dataset<Row> d : List.of(inside, subRecords, subNodes, subEdges, subSelf, subRefs)) {
            Checkpoints.release(d);
        }
        return new Result(rows, affected);
    }

    /** The given long id columns as copy ids: id * copies + copy. */
    private static Dataset<Row> copyIds(Dataset<Row> d, int copies, String... ids) {
        Dataset<Row> out = d;
        for (String id : ids) {
            out = out.withColumn(id, col(id).multiply(copies).plus(col(COPY)));
        }
        return out;
    }

    private static Dataset<Row> empty(Dataset<Row> records) {
        return records.sparkSession().createDataFrame(new ArrayList<Row>(), schema());
    }

    public static org.apache.spark.sql.types.StructType schema() {
        return new org.apache.spark.sql.types.StructType()
                .add(THRESHOLD, DataTypes.DoubleType, false)
                .add(RecordPersonColumns.AGENCY, DataTypes.StringType)
                .add(RecordPersonColumns.DATASET, DataTypes.StringType)
                .add(RecordPersonColumns.RECORD_ID, DataTypes.StringType)
                .add(RecordPersonColumns.PERSON_ID, DataTypes.StringType);
    }
}
