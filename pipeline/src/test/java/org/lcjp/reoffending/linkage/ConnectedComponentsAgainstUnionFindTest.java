package org.lcjp.reoffending.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lcjp.reoffending.linkage.clustering.ConnectedComponents;
import org.lcjp.reoffending.testing.SparkTestSession;

/**
 * Connected components against plain union-find on random graphs: long chains (many rounds, labels moving late),
 * stars and isolated edges; every node's cluster must be the smallest node of its component. Both ways of reaching
 * the labels (broadcast and shuffled) are checked.
 */
class ConnectedComponentsAgainstUnionFindTest {
    private static final StructType EDGES =
            new StructType().add("src", DataTypes.LongType).add("dst", DataTypes.LongType);

    @ParameterizedTest(name = "seed {0}, broadcast {1}")
    @CsvSource({"1, true", "2, false", "3, true"})
    void clustersAreTheSmallestNodeOfEachComponent(long seed, boolean broadcast) {
        Random random = new Random(seed);
        List<long[]> edges = new ArrayList<>();
        // A chain walked in a shuffled order of node numbers, so labels travel far.
        List<Long> chain = new ArrayList<>();
        for (long n = 0; n < 40; n++) {
            chain.add(1000 + n);
        }
        java.util.Collections.shuffle(chain, random);
        for (int i = 1; i < chain.size(); i++) {
            edges.add(new long[] {chain.get(i - 1), chain.get(i)});
        }
        for (int i = 0; i < 150; i++) {
            edges.add(new long[] {random.nextInt(300), random.nextInt(300)});
        }
        Dataset<Row> table = SparkTestSession.get()
                .createDataFrame(
                        edges.stream().map(e -> RowFactory.create(e[0], e[1])).toList(), EDGES);
        Map<Long, Long> actual = new TreeMap<>();
        ConnectedComponents cc = new ConnectedComponents(2, 50, broadcast);
        cc.run(table).collectAsList().forEach(r -> actual.put(r.getLong(0), r.getLong(1)));
        assertThat(actual).isEqualTo(unionFind(edges));
        assertThat(cc.iterations()).isGreaterThan(2);
    }

    private static Map<Long, Long> unionFind(List<long[]> edges) {
        Map<Long, Long> parent = new HashMap<>();
        for (long[] e : edges) {
            long a = find(parent, e[0]);
            long b = find(parent, e[1]);
            parent.put(Math.max(a, b), Math.min(a, b));
        }
        Map<Long, Long> out = new TreeMap<>();
        for (long[] e : edges) {
            out.put(e[0], find(parent, e[0]));
            out.put(e[1], find(parent, e[1]));
        }
        return out;
    }

    private static long find(Map<Long, Long> parent, long n) {
        long root = n;
        while (parent.containsKey(root) && parent.get(root) != root) {
            root = parent.get(root);
        }
        return root;
    }
}
