package org.lcjp.reoffending.linkage.clustering;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.linkage.core.LinkageColumns;

/**
 * Guards against chaining: a cluster holding two different valid PNC tokens, or more records than maxClusterSize,
 * is split along its weakest links by {@link ChainSplitter}, one cluster per task on the executors. Works on any
 * node key (record keys, or identity profiles weighted by their record count).
 */
public final class SplitChainedClusters {
    /**
     * @param clusters key, cluster after splitting; @param chained the clusters that were split (cluster);
     * @param moved    the nodes of split clusters with their new cluster (moved_node, new_cluster)
     */
    public record Result(Dataset<Row> clusters, Dataset<Row> chained, Dataset<Row> moved) {}

    public static final String MOVED_NODE = "moved_node";
    public static final String NEW_CLUSTER = "new_cluster";
    private final int maxClusterSize;

    public SplitChainedClusters(int maxClusterSize) {
        this.maxClusterSize = maxClusterSize;
    }

    /**
     * clusters: key, cluster; nodes: key, pnc_token and optionally records (the node's record count, else 1); edges:
     * src, dst, weight. The key is the first column of clusters and nodes.
     */
    public Result apply(Dataset<Row> clusters, Dataset<Row> nodes, Dataset<Row> edges) {
        String key = clusters.columns()[0];
        boolean weighted = java.util.Arrays.asList(nodes.columns()).contains(LinkageColumns.RECORDS);
        Column records = weighted ? col(LinkageColumns.RECORDS) : lit(1L);
        Dataset<Row> withPnc = clusters.join(
                nodes.select(
                        col(nodes.columns()[0]).as(key),
                        col(StagedColumns.PNC_TOKEN),
                        records.as(LinkageColumns.RECORDS)),
                key);
        // Two PNC tokens in a cluster show as a smallest and a largest that differ (no distinct count needed).
        Dataset<Row> chained = withPnc.groupBy(LinkageColumns.CLUSTER)
                .agg(
                        sum(col(LinkageColumns.RECORDS)).as("n"),
                        min(col(StagedColumns.PNC_TOKEN)).as("lo"),
                        max(col(StagedColumns.PNC_TOKEN)).as("hi"))
                .where(col("n").gt(maxClusterSize).or(col("lo").notEqual(col("hi"))))
                .select(LinkageColumns.CLUSTER);
        Dataset<Row> nodesOfChained = withPnc.join(chained, LinkageColumns.CLUSTER);
        Dataset<Row> src = nodesOfChained.select(
                col(key).as(PersonEdges.SRC),
                col(LinkageColumns.CLUSTER),
                col(StagedColumns.PNC_TOKEN).as("pnc_src"),
                col(LinkageColumns.RECORDS).as("size_src"));
        Dataset<Row> dst = nodesOfChained.select(
                col(key).as(PersonEdges.DST),
                col(StagedColumns.PNC_TOKEN).as("pnc_dst"),
                col(LinkageColumns.RECORDS).as("size_dst"));
        Dataset<Row> chainEdges = edges.select(PersonEdges.SRC, PersonEdges.DST, PersonEdges.WEIGHT)
                .join(src, PersonEdges.SRC)
                .join(dst, PersonEdges.DST);
        int max = maxClusterSize;
        StructType out = new StructType()
                .add(MOVED_NODE, clusters.schema().apply(key).dataType(), false)
                .add(
                        NEW_CLUSTER,
                        clusters.schema().apply(LinkageColumns.CLUSTER).dataType(),
                        false);
        Dataset<Row> moved = chainEdges
                .groupByKey(
                        (MapFunction<Row, String>) r -> String.valueOf((Object) r.getAs(LinkageColumns.CLUSTER)),
                        Encoders.STRING())
                .flatMapGroups(
                        (FlatMapGroupsFunction<String, Row, Row>) (cluster, rows) -> splitOne(rows, max),
                        Encoders.row(out));
        Dataset<Row> result = clusters.join(moved, clusters.col(key).equalTo(moved.col(MOVED_NODE)), "left")
                .select(
                        clusters.col(key),
                        coalesce(moved.col(NEW_CLUSTER), clusters.col(LinkageColumns.CLUSTER))
                                .as(LinkageColumns.CLUSTER));
        return new Result(result, chained, moved);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Iterator<Row> splitOne(Iterator<Row> rows, int max) {
        List<ChainSplitter.Edge<Comparable>> edges = new ArrayList<>();
        Map<Comparable, Long> sizes = new HashMap<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            Comparable s = r.getAs(PersonEdges.SRC);
            Comparable d = r.getAs(PersonEdges.DST);
            sizes.put(s, ((Number) r.getAs("size_src")).longValue());
            sizes.put(d, ((Number) r.getAs("size_dst")).longValue());
            edges.add(new ChainSplitter.Edge<>(
                    s,
                    d,
                    ((Number) r.getAs(PersonEdges.WEIGHT)).doubleValue(),
                    r.getAs("pnc_src"),
                    r.getAs("pnc_dst")));
        }
        List<Row> out = new ArrayList<>();
        for (Map.Entry<Comparable, Comparable> e :
                ((Map<Comparable, Comparable>) new ChainSplitter(max).split((List) edges, (Map) sizes)).entrySet()) {
            out.add(RowFactory.create(e.getKey(), e.getValue()));
        }
        return out.iterator();
    }
}
