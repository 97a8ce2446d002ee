package org.lcjp.reoffending.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcjp.reoffending.linkage.NodeClusterFixtures.EDGES;
import static org.lcjp.reoffending.linkage.NodeClusterFixtures.NODES;
import static org.lcjp.reoffending.linkage.NodeClusterFixtures.RECORDS;
import static org.lcjp.reoffending.linkage.NodeClusterFixtures.SELF;
import static org.lcjp.reoffending.linkage.NodeClusterFixtures.record;
import static org.lcjp.reoffending.linkage.NodeClusterFixtures.rows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.linkage.clustering.NodeClusters;
import org.lcjp.reoffending.linkage.clustering.ReferenceGroups;
import org.lcjp.reoffending.linkage.clustering.ThresholdSensitivity;
import org.lcjp.reoffending.settings.LinkageSettings;
import org.lcjp.reoffending.testing.SparkTestSession;

/** Re-clustering only the affected components at other thresholds gives the persons a full clustering there gives. */
class ThresholdSensitivityTest {
    @Test
    void affectedComponentsReclusteredEqualAFullClusteringAtEachThreshold() {
        // 1-2 (0.99) stays; 2-3 (0.96) goes at 0.99; 4-5 (0.85) joins at 0.80; 5-6 (0.97) goes at 0.99; 7-8 share a
        // PNC;
        // 8-9 (0.5) never; node 10's two records are one person from 0.90 on; 11 (PNC X) - 12 - 13 (PNC Y) is a chain
        // split at its weaker link, joined only at 0.80; 14 is alone.
        List<Row> records = new ArrayList<>();
        for (long n = 1; n <= 14; n++) {
            records.add(record(n, n, pnc(n)));
        }
        records.add(record(101, 10, null));
        List<Row> nodes = new ArrayList<>();
        for (long n = 1; n <= 14; n++) {
            nodes.add(RowFactory.create(n, n == 10 ? 2L : 1L, pnc(n)));
        }
        Dataset<Row> recordTable = SparkTestSession.get().createDataFrame(records, RECORDS);
        Dataset<Row> nodeTable = SparkTestSession.get().createDataFrame(nodes, NODES);
        Dataset<Row> edges = rows(
                EDGES,
                edge(1, 2, 0.99),
                edge(2, 3, 0.96),
                edge(4, 5, 0.85),
                edge(5, 6, 0.97),
                RowFactory.create(7L, 8L, 1000.0, 1.0, "PNC"),
                edge(8, 9, 0.5),
                edge(11, 12, 0.9),
                edge(12, 13, 0.82));
        Dataset<Row> self = rows(SELF, RowFactory.create(10L, 0.9));
        Dataset<Row> refs = ReferenceGroups.of(recordTable);
        LinkageSettings main = LinkageSettings.defaults();
        NodeClusters.Result mainClusters = new NodeClusters(main, 50)
                .apply(recordTable, nodeTable, edges.where("match_probability >= 0.95"), self, refs);
        ThresholdSensitivity.Result r = new ThresholdSensitivity(main, 50, true)
                .apply(List.of(0.80, 0.99), recordTable, nodeTable, mainClusters.nodes(), edges, self, refs);

        Map<String, String> mainPerson = persons(mainClusters.records());
        for (double t : List.of(0.80, 0.99)) {
            Map<String, String> expected = persons(new NodeClusters(main.withMatchThreshold(t), 50)
                    .apply(recordTable, nodeTable, edges.where("match_probability >= " + t), self, refs)
                    .records());
            Map<String, String> got = new HashMap<>(mainPerson);
            List<Row> reclustered = r.records().where("match_threshold = " + t).collectAsList();
            reclustered.forEach(x -> got.put(x.getAs("record_id"), x.getAs("person_id")));
            assertThat(partition(got)).as("persons at " + t).isEqualTo(partition(expected));
            assertThat(partition(expected))
                    .as("the main threshold's persons differ from those at " + t)
                    .isNotEqualTo(partition(mainPerson));
            assertThat(reclustered)
                    .as("only affected records at " + t)
                    .isNotEmpty()
                    .hasSizeLessThan(records.size());
        }
        assertThat(r.affectedNodes()).containsOnlyKeys(0.80, 0.99);
    }

    private static Map<String, String> persons(Dataset<Row> clustered) {
        Map<String, String> out = new HashMap<>();
        clustered
                .collectAsList()
                .forEach(x -> out.put(x.getAs("record_id"), String.valueOf((Object) x.getAs("cluster"))));
        return out;
    }

    private static Set<Set<String>> partition(Map<String, String> personOf) {
        Map<String, Set<String>> byPerson = new HashMap<>();
        personOf.forEach((record, person) ->
                byPerson.computeIfAbsent(person, k -> new HashSet<>()).add(record));
        Collection<Set<String>> parts = byPerson.values();
        return new HashSet<>(parts);
    }

    private static Long pnc(long node) {
        return switch ((int) node) {
            case 7, 8 -> 70L;
            case 11 -> 110L;
            case 13 -> 130L;
            default -> null;
        };
    }

    private static Row edge(long a, long b, double p) {
        return RowFactory.create(a, b, Math.log(p / (1 - p)) / Math.log(2), p, "PROBABILISTIC");
    }
}
