package org.lcjp.reoffending.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.linkage.clustering.RecordPersonTable;
import org.lcjp.reoffending.testing.SparkTestSession;

/** The person, match method and probability of each record, from its node's links, its node's own records and its references. */
class RecordPersonTableTest {
    private static final StructType RECORDS = new StructType()
            .add("rid", DataTypes.LongType)
            .add("agency", DataTypes.StringType)
            .add("dataset", DataTypes.StringType)
            .add("record_id", DataTypes.StringType)
            .add("node", DataTypes.LongType)
            .add("person_refs", DataTypes.createArrayType(DataTypes.LongType))
            .add("cluster", DataTypes.LongType);
    private static final StructType NODES = new StructType()
            .add("node", DataTypes.LongType)
            .add("cluster", DataTypes.LongType)
            .add("records", DataTypes.LongType)
            .add("pnc_token", DataTypes.LongType)
            .add("self_probability", DataTypes.DoubleType)
            .add("expanded", DataTypes.BooleanType)
            .add("pnc_edge", DataTypes.BooleanType)
            .add("edge_probability", DataTypes.DoubleType);
    private static final StructType IDS =
            new StructType().add("cluster", DataTypes.LongType).add("person_id", DataTypes.StringType);
    private static final StructType SHARED =
            new StructType().add("shared_ref", DataTypes.LongType).add("shared_cluster", DataTypes.LongType);

    @Test
    void eachRecordTakesItsStrongestLinkInsideItsPerson() {
        Dataset<Row> records = rows(
                RECORDS,
                // person 1: nodes 1 and 2 joined by a PNC edge; node 3 probabilistically to node 2
                record(1, 1, 1, null),
                record(2, 2, 1, null),
                record(3, 3, 1, null),
                // person 10: two records share reference 77 (one holds two references), a third holds 78 alone
                record(10, 10, 10, List.of(77L)),
                record(11, 11, 10, List.of(5L, 77L)),
                record(12, 12, 10, List.of(78L)),
                // reference 78 is also held in another person: that does not count
                record(20, 20, 20, List.of(78L)),
                // node 30: two records linked by their self pair; node 40: a PNC shared inside the node
                record(30, 30, 30, null),
                record(31, 30, 30, null),
                record(40, 40, 40, null),
                record(41, 40, 40, null),
                // a record alone
                record(50, 50, 50, List.of()));
        // node links inside the person (as NodeClusters finds them): 1-2 a PNC edge, 2-3 a probabilistic one
        Dataset<Row> nodes = rows(
                NODES,
                node(1, 1, 1, 9L, null, true, null),
                node(2, 1, 1, null, null, true, 0.996),
                node(3, 1, 1, null, null, false, 0.996),
                node(10, 10, 1, null, null, false, null),
                node(11, 10, 1, null, null, false, null),
                node(12, 10, 1, null, null, false, null),
                node(20, 20, 1, null, null, false, null),
                node(30, 30, 2, null, 0.97, false, null),
                node(40, 40, 2, 5L, null, false, null),
                node(50, 50, 1, null, null, false, null));
        Dataset<Row> ids = rows(
                IDS,
                RowFactory.create(1L, "P1"),
                RowFactory.create(10L, "P10"),
                RowFactory.create(20L, "P20"),
                RowFactory.create(30L, "P30"),
                RowFactory.create(40L, "P40"),
                RowFactory.create(50L, "P50"));
        // 77 is held twice in person 10; 78 once in person 10 and once in person 20
        Dataset<Row> shared = rows(SHARED, RowFactory.create(77L, 10L));
        Map<String, String> got = new TreeMap<>();
        new RecordPersonTable()
                .apply(records, nodes, ids, shared)
                .collectAsList()
                .forEach(r -> got.put(
                        r.getString(2),
                        r.getAs("person_id") + " " + r.getAs("match_method") + " " + r.getAs("match_probability")));
        assertThat(got)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("r1", "P1 PNC 1.0"),
                        Map.entry("r2", "P1 PNC 1.0"),
                        Map.entry("r3", "P1 PROBABILISTIC 0.996"),
                        Map.entry("r10", "P10 REF 1.0"),
                        Map.entry("r11", "P10 REF 1.0"),
                        Map.entry("r12", "P10 SINGLETON null"),
                        Map.entry("r20", "P20 SINGLETON null"),
                        Map.entry("r30", "P30 PROBABILISTIC 0.97"),
                        Map.entry("r31", "P30 PROBABILISTIC 0.97"),
                        Map.entry("r40", "P40 PNC 1.0"),
                        Map.entry("r41", "P40 PNC 1.0"),
                        Map.entry("r50", "P50 SINGLETON null")));
    }

    private static Row record(long rid, long node, long cluster, List<Long> refs) {
        return RowFactory.create(
                rid,
                "police",
                "outcomes",
                "r" + rid,
                node,
                refs == null
                        ? null
                        : scala.jdk.javaapi.CollectionConverters.asScala(refs).toSeq(),
                cluster);
    }

    private static Row node(
            long node, long cluster, long records, Long pnc, Double self, boolean pncEdge, Double edgeP) {
        return RowFactory.create(node, cluster, records, pnc, self, false, pncEdge, edgeP);
    }

    private static Dataset<Row> rows(StructType schema, Row... rows) {
        return SparkTestSession.get().createDataFrame(List.of(rows), schema);
    }
}
