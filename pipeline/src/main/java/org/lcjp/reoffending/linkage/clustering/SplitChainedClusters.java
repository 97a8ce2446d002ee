package org.lcjp.reoffending.linkage.clustering;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.linkage.LinkageColumns;

/**
 * Guards against chaining: a cluster holding two different valid PNC tokens, or more records than maxClusterSize,
 * is split along its weakest links by {@link ChainSplitter}, one cluster per task on the executors.
 */
public final class SplitChainedClusters {
    /** @param clusters record_key, cluster after splitting; @param chained the clusters that were split (cluster) */
    public record Result(Dataset<Row> clusters, Dataset<Row> chained) {
    }

    private static final StructType OUT = new StructType()
            .add(LinkageColumns.RECORD_KEY, DataTypes.StringType, false)
            .add("new_cluster", DataTypes.StringType, false);
    private final int maxClusterSize;

    public SplitChainedClusters(int maxClusterSize) {
        this.maxClusterSize = maxClusterSize;
    }

    /** clusters: record_key, cluster; records: record_key, pnc_token; edges: src, dst, weight. */
    public Result apply(Dataset<Row> clusters, Dataset<Row> records, Dataset<Row> edges) {
        Dataset<Row> withPnc = clusters.join(records.select(LinkageColumns.RECORD_KEY, StagedColumns.PNC_TOKEN), LinkageColumns.RECORD_KEY);
        Dataset<Row> chained = withPnc.groupBy(LinkageColumns.CLUSTER)
                .agg(count(lit(1)).as("n"), count_distinct(col(StagedColumns.PNC_TOKEN)).as("pncs"))
                .where(col("n").gt(maxClusterSize).or(col("pncs").gt(1)))
                .select(LinkageColumns.CLUSTER);
        Dataset<Row> nodes = withPnc.join(chained, LinkageColumns.CLUSTER);
        Dataset<Row> src = nodes.select(col(LinkageColumns.RECORD_KEY).as(PersonEdges.SRC), col(LinkageColumns.CLUSTER),
                col(StagedColumns.PNC_TOKEN).as("pnc_src"));
        Dataset<Row> dst = nodes.select(col(LinkageColumns.RECORD_KEY).as(PersonEdges.DST), col(StagedColumns.PNC_TOKEN).as("pnc_dst"));
        Dataset<Row> chainEdges = edges.select(PersonEdges.SRC, PersonEdges.DST, PersonEdges.WEIGHT)
                .join(src, PersonEdges.SRC).join(dst, PersonEdges.DST);
        int max = maxClusterSize;
        Dataset<Row> split = chainEdges.groupByKey((MapFunction<Row, String>) r -> r.getAs(LinkageColumns.CLUSTER), Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (cluster, rows) -> splitOne(rows, max),
                        Encoders.row(OUT));
        Dataset<Row> result = clusters.join(split, clusters.col(LinkageColumns.RECORD_KEY).equalTo(split.col(LinkageColumns.RECORD_KEY)), "left")
                .select(clusters.col(LinkageColumns.RECORD_KEY),
                        coalesce(split.col("new_cluster"), clusters.col(LinkageColumns.CLUSTER)).as(LinkageColumns.CLUSTER));
        return new Result(result, chained);
    }

    private static Iterator<Row> splitOne(Iterator<Row> rows, int max) {
        List<ChainSplitter.Edge> edges = new ArrayList<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            edges.add(new ChainSplitter.Edge(r.getAs(PersonEdges.SRC), r.getAs(PersonEdges.DST),
                    ((Number) r.getAs(PersonEdges.WEIGHT)).doubleValue(), r.getAs("pnc_src"), r.getAs("pnc_dst")));
        }
        List<Row> out = new ArrayList<>();
        for (Map.Entry<String, String> e : new ChainSplitter(max).split(edges).entrySet()) {
            out.add(RowFactory.create(e.getKey(), e.getValue()));
        }
        return out.iterator();
    }
}
