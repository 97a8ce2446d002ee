package org.lcjp.reoffending.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.linkage.clustering.AssignPersonIds;
import org.lcjp.reoffending.linkage.clustering.ConnectedComponents;
import org.lcjp.reoffending.linkage.clustering.SplitChainedClusters;
import org.lcjp.reoffending.linkage.core.LinkageColumns;
import org.lcjp.reoffending.testing.SparkTestSession;

class ClusteringTest {
    static final StructType EDGE = new StructType()
            .add("src", DataTypes.StringType)
            .add("dst", DataTypes.StringType)
            .add("weight", DataTypes.DoubleType);
    static final StructType NODE = new StructType()
            .add(LinkageColumns.RECORD_KEY, DataTypes.StringType)
            .add("pnc_token", DataTypes.StringType);

    @Test
    void componentsOfALongChainAndASingleton() {
        Dataset<Row> nodes = nodes("a", null, "b", null, "c", null, "d", null, "e", null, "f", null, "z", null);
        Dataset<Row> edges = edges("e", "f", 5, "d", "e", 5, "c", "d", 5, "b", "c", 5, "a", "b", 5);
        Map<String, String> clusters = asMap(new ConnectedComponents(2, 50).run(nodes, edges));
        assertThat(clusters).containsEntry("f", "a").containsEntry("c", "a").containsEntry("z", "z");
    }

    @Test
    void chainJoiningTwoPncTokensIsSplitAtItsWeakestLink() {
        Dataset<Row> nodes = nodes("a", "X", "b", null, "c", null, "d", "Y");
        Dataset<Row> edges = edges("a", "b", 20, "b", "c", 3, "c", "d", 15);
        Dataset<Row> cc = new ConnectedComponents(2, 50).run(nodes, edges);
        SplitChainedClusters.Result split = new SplitChainedClusters(200).apply(cc, nodes, edges);
        assertThat(split.chained().count()).isEqualTo(1);
        assertThat(asMap(split.clusters())).isEqualTo(Map.of("a", "a", "b", "a", "c", "c", "d", "c"));
    }

    @Test
    void personIdsSurviveANightWithNewRecords() {
        Dataset<Row> night1 = clusters(
                "police/outcomes/1",
                "police/outcomes/1",
                "police/outcomes/2",
                "police/outcomes/1",
                "police/outcomes/3",
                "police/outcomes/3");
        Map<String, String> ids1 =
                asMap(new AssignPersonIds().apply(night1, null).select(LinkageColumns.RECORD_KEY, "person_id"));
        Dataset<Row> previous = SparkTestSession.get()
                .createDataFrame(
                        ids1.entrySet().stream()
                                .map(e -> RowFactory.create(
                                        "police", "outcomes", e.getKey().replace("police/outcomes/", ""), e.getValue()))
                                .toList(),
                        new StructType()
                                .add("agency", DataTypes.StringType)
                                .add("dataset", DataTypes.StringType)
                                .add("record_id", DataTypes.StringType)
                                .add("person_id", DataTypes.StringType));
        // A new record 0 sorts before 1 and joins person 1; new record 4 is a new person; 3 is unchanged.
        Dataset<Row> night2 = clusters(
                "police/outcomes/0",
                "police/outcomes/0",
                "police/outcomes/1",
                "police/outcomes/0",
                "police/outcomes/2",
                "police/outcomes/0",
                "police/outcomes/3",
                "police/outcomes/3",
                "police/outcomes/4",
                "police/outcomes/4");
        Map<String, String> ids2 =
                asMap(new AssignPersonIds().apply(night2, previous).select(LinkageColumns.RECORD_KEY, "person_id"));
        assertThat(ids2.get("police/outcomes/0")).isEqualTo(ids1.get("police/outcomes/1"));
        assertThat(ids2.get("police/outcomes/3")).isEqualTo(ids1.get("police/outcomes/3"));
        assertThat(ids2.get("police/outcomes/4")).isNotIn(ids1.values()).startsWith("P");
    }

    @Test
    void onASplitTheLargerPartKeepsTheIdAndTheOtherGetsAnUnusedOne() {
        Dataset<Row> night1 = clusters("k/1", "k/1", "k/2", "k/1", "k/3", "k/1");
        Map<String, String> ids1 =
                asMap(new AssignPersonIds().apply(night1, null).select(LinkageColumns.RECORD_KEY, "person_id"));
        Dataset<Row> previous = SparkTestSession.get()
                .createDataFrame(
                        ids1.entrySet().stream()
                                .map(e -> RowFactory.create(
                                        e.getKey().split("/")[0],
                                        "x",
                                        e.getKey().split("/")[1],
                                        e.getValue()))
                                .toList(),
                        new StructType()
                                .add("agency", DataTypes.StringType)
                                .add("dataset", DataTypes.StringType)
                                .add("record_id", DataTypes.StringType)
                                .add("person_id", DataTypes.StringType));
        // keys in previous are k/x/n: use the same shape now
        Dataset<Row> night2 = clusters("k/x/1", "k/x/1", "k/x/2", "k/x/2", "k/x/3", "k/x/2");
        Map<String, String> ids2 =
                asMap(new AssignPersonIds().apply(night2, previous).select(LinkageColumns.RECORD_KEY, "person_id"));
        String old = ids1.get("k/1");
        assertThat(ids2.get("k/x/2")).isEqualTo(old);
        assertThat(ids2.get("k/x/1")).isNotEqualTo(old);
    }

    private static Dataset<Row> nodes(String... kv) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            rows.add(RowFactory.create(kv[i], kv[i + 1]));
        }
        return SparkTestSession.get().createDataFrame(rows, NODE);
    }

    private static Dataset<Row> edges(Object... e) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < e.length; i += 3) {
            rows.add(RowFactory.create(e[i], e[i + 1], ((Number) e[i + 2]).doubleValue()));
        }
        return SparkTestSession.get().createDataFrame(rows, EDGE);
    }

    private static Dataset<Row> clusters(String... kv) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            rows.add(RowFactory.create(kv[i], kv[i + 1]));
        }
        return SparkTestSession.get()
                .createDataFrame(
                        rows,
                        new StructType()
                                .add(LinkageColumns.RECORD_KEY, DataTypes.StringType)
                                .add(LinkageColumns.CLUSTER, DataTypes.StringType));
    }

    private static Map<String, String> asMap(Dataset<Row> d) {
        Map<String, String> m = new TreeMap<>();
        d.collectAsList().forEach(r -> m.put(r.getString(0), r.getString(1)));
        return m;
    }
}
