package org.lcjp.reoffending.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcjp.reoffending.linkage.NodeClusterFixtures.EDGES;
import static org.lcjp.reoffending.linkage.NodeClusterFixtures.NODES;
import static org.lcjp.reoffending.linkage.NodeClusterFixtures.RECORDS;
import static org.lcjp.reoffending.linkage.NodeClusterFixtures.SELF;
import static org.lcjp.reoffending.linkage.NodeClusterFixtures.rows;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.linkage.clustering.NodeClusters;
import org.lcjp.reoffending.linkage.clustering.ReferenceGroups;
import org.lcjp.reoffending.settings.LinkageSettings;

/** Persons of identity profiles, and each profile's links inside its person, across a chain that must be split. */
class NodeClustersTest {
    @Test
    void linksAcrossASplitDoNotCountInsideEitherPart() {
        // 1 (PNC X) - 2 - 3 (PNC Y): two PNCs in one component, cut at the weaker edge 2-3; 7 and 8 share PNC Z.
        Dataset<Row> records =
                rows(RECORDS, record(1, 100L), record(2, null), record(3, 200L), record(7, 300L), record(8, 300L));
        Dataset<Row> nodes = rows(
                NODES,
                RowFactory.create(1L, 1L, 100L),
                RowFactory.create(2L, 1L, null),
                RowFactory.create(3L, 1L, 200L),
                RowFactory.create(7L, 1L, 300L),
                RowFactory.create(8L, 1L, 300L));
        Dataset<Row> edges = rows(
                EDGES,
                RowFactory.create(1L, 2L, 20.0, 0.99, "PROBABILISTIC"),
                RowFactory.create(2L, 3L, 10.0, 0.98, "PROBABILISTIC"),
                RowFactory.create(7L, 8L, 1000.0, 1.0, "PNC"));
        NodeClusters.Result r = new NodeClusters(LinkageSettings.defaults(), 50)
                .apply(records, nodes, edges, rows(SELF), ReferenceGroups.of(records));
        Map<Long, String> got = new TreeMap<>();
        r.nodes()
                .collectAsList()
                .forEach(n -> got.put(
                        n.getAs("node"),
                        n.getAs("cluster") + " " + n.getAs(NodeClusters.PNC_EDGE) + " "
                                + n.getAs(NodeClusters.EDGE_PROBABILITY)));
        assertThat(got)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        1L,
                        "1 false 0.99",
                        2L,
                        "1 false 0.99",
                        3L,
                        "3 false null",
                        7L,
                        "7 true null",
                        8L,
                        "7 true null"));
        assertThat(r.chained()).isEqualTo(1);
    }

    private static Row record(long id, Long pnc) {
        return NodeClusterFixtures.record(id, id, pnc);
    }
}
