package org.lcjp.reoffending.linkage.clustering;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.linkage.LinkageColumns;
import org.lcjp.reoffending.settings.LinkageSettings;
import org.lcjp.reoffending.spark.Checkpoints;

/**
 * Persons at other match thresholds, re-clustering only where the threshold changes anything. Between the main
 * threshold and another one, the nodes an edge or a self pair with a probability between the two touches are the
 * only places persons can differ; with them go their whole connected components at the main threshold (before chain
 * splitting), which are closed under the edges of either threshold: below the main one a new edge only joins
 * components that are in, above it an edge dropped only splits a component that is in. Outside them every person is
 * the main clustering's. Inside them {@link NodeClusters} runs as it does for the main clustering, at the other
 * threshold. The result lists, per other threshold, the records of the affected components with their person there:
 * a union of whole persons under both clusterings, so any per-person figure over all records is the main figure
 * minus these records' main-person figure plus their figure here. Runs Spark actions (one clustering per threshold).
 */
public final class ThresholdSensitivity {
    public static final String THRESHOLD = "match_threshold";
    /** Person ids here are "T" + the cluster: never equal to a main person id ("P..."). */
    static final String PREFIX = "T";

    private final LinkageSettings settings;
    private final int maxRounds;
    private final boolean broadcastNodes;

    public ThresholdSensitivity(LinkageSettings settings, int maxRounds, boolean broadcastNodes) {
        this.settings = settings;
        this.maxRounds = maxRounds;
        this.broadcastNodes = broadcastNodes;
    }

    /** What re-clustering found: per other threshold, the affected records and their persons, and how many nodes. */
    public record Result(Dataset<Row> records, java.util.Map<Double, Long> affectedNodes) {
    }

    /**
     * records: rid, agency, dataset, record_id, node, person_refs, pnc_token (and any further columns); nodes: the
     * identity profiles; nodeInfo: {@link NodeClusters} of the main clustering (node, component); edges: every edge at
     * or above the lowest threshold (src, dst, weight, match_probability, match_method); scoredSelf: node,
     * match_probability; references: {@link ReferenceGroups#of} the records. Result records: match_threshold, agency,
     * dataset, record_id, person_id.
     */
    public Result apply(List<Double> others, Dataset<Row> records, Dataset<Row> nodes, Dataset<Row> nodeInfo, Dataset<Row> edges,
                        Dataset<Row> scoredSelf, Dataset<Row> references) {
        double main = settings.matchThreshold();
        Dataset<Row> out = null;
        java.util.Map<Double, Long> affected = new java.util.LinkedHashMap<>();
        for (double t : others) {
            double low = Math.min(t, main);
            double high = Math.max(t, main);
            Column p = col(LinkageColumns.MATCH_PROBABILITY);
            Column between = p.geq(low).and(p.lt(high));
            Dataset<Row> touched = edges.where(between).select(col(PersonEdges.SRC).as(LinkageColumns.NODE))
                    .union(edges.where(between).select(col(PersonEdges.DST).as(LinkageColumns.NODE)))
                    .union(scoredSelf.where(between).select(col(LinkageColumns.NODE)));
            Column component = coalesce(col(NodeClusters.COMPONENT), col(LinkageColumns.NODE));
            Dataset<Row> components = nodeInfo.join(touched.distinct(), LinkageColumns.NODE).select(component.as("c")).distinct();
            Dataset<Row> inside = nodeInfo.join(broadcast(components), component.equalTo(col("c")))
                    .select(col(LinkageColumns.NODE)).localCheckpoint();
            long n = inside.count();
            affected.put(t, n);
            if (n == 0) {
                Checkpoints.release(inside);
                continue;
            }
            Dataset<Row> keep = broadcastNodes ? broadcast(inside) : inside;
            Dataset<Row> subRecords = records.join(keep, LinkageColumns.NODE);
            Dataset<Row> subNodes = nodes.join(keep, LinkageColumns.NODE);
            Dataset<Row> subEdges = edges.where(p.geq(t)).join(keep.withColumnRenamed(LinkageColumns.NODE, PersonEdges.SRC), PersonEdges.SRC);
            Dataset<Row> subSelf = scoredSelf.join(keep, LinkageColumns.NODE);
            Dataset<Row> subRefs = references.join(keep, LinkageColumns.NODE);
            NodeClusters.Result clustered = new NodeClusters(settings.withMatchThreshold(t), maxRounds, broadcastNodes)
                    .apply(subRecords, subNodes, subEdges, subSelf, subRefs);
            Dataset<Row> rows = clustered.records().select(lit(t).as(THRESHOLD), col(RecordPersonColumns.AGENCY),
                    col(RecordPersonColumns.DATASET), col(RecordPersonColumns.RECORD_ID),
                    concat(lit(PREFIX), col(LinkageColumns.CLUSTER).cast(DataTypes.StringType)).as(RecordPersonColumns.PERSON_ID))
                    .localCheckpoint();
            Checkpoints.release(inside);
            out = out == null ? rows : out.unionByName(rows);
        }
        return new Result(out == null ? empty(records) : out, affected);
    }

    private static Dataset<Row> empty(Dataset<Row> records) {
        return records.sparkSession().createDataFrame(new ArrayList<Row>(), schema());
    }

    public static org.apache.spark.sql.types.StructType schema() {
        return new org.apache.spark.sql.types.StructType().add(THRESHOLD, DataTypes.DoubleType, false)
                .add(RecordPersonColumns.AGENCY, DataTypes.StringType).add(RecordPersonColumns.DATASET, DataTypes.StringType)
                .add(RecordPersonColumns.RECORD_ID, DataTypes.StringType).add(RecordPersonColumns.PERSON_ID, DataTypes.StringType);
    }
}
