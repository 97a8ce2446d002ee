package org.lcjp.reoffending.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lcjp.reoffending.linkage.blocking.CandidatePairs;
import org.lcjp.reoffending.linkage.core.LinkageColumns;
import org.lcjp.reoffending.settings.BlockingRule;
import org.lcjp.reoffending.testing.SparkTestSession;

/**
 * Blocking against its definition, worked out pair by pair in plain Java on random nodes with few distinct values (so
 * blocks are large, some over the limit, and rules overlap): symmetric and crossed rules, nulls, a node holding the same
 * value in both crossed columns.
 */
class CandidatePairsAgainstBruteForceTest {
    private static final List<String> RULES = List.of("a", "a,b", "b=c,c=b", "c");
    private static final StructType NODES = new StructType()
            .add(LinkageColumns.NODE, DataTypes.LongType)
            .add("a", DataTypes.LongType)
            .add("b", DataTypes.LongType)
            .add("c", DataTypes.LongType);

    @ParameterizedTest(name = "max block size {0}")
    @ValueSource(ints = {3, 6, 1000})
    void pairsAreExactlyThoseOfSomeRuleWithinTheBlockLimit(int maxBlock) {
        Random random = new Random(maxBlock);
        List<Long[]> nodes = new ArrayList<>();
        for (long n = 0; n < 120; n++) {
            nodes.add(new Long[] {n * 7 + 3, value(random, 6), value(random, 4), value(random, 4)});
        }
        Dataset<Row> table = SparkTestSession.get()
                .createDataFrame(
                        nodes.stream().map(v -> RowFactory.create((Object[]) v)).toList(), NODES);
        Set<String> actual = new TreeSet<>();
        new CandidatePairs(BlockingRule.parseAll(RULES), maxBlock)
                .apply(table)
                .collectAsList()
                .forEach(r -> actual.add(r.getLong(0) + "-" + r.getLong(1)));
        assertThat(actual).isEqualTo(expected(nodes, maxBlock)).isNotEmpty();
    }

    private static Long value(Random random, int distinct) {
        return random.nextInt(5) == 0 ? null : (long) random.nextInt(distinct);
    }

    /** Per rule, the blocks of left and right values; a block within the limit on both sides pairs left with right. */
    private static Set<String> expected(List<Long[]> nodes, int maxBlock) {
        Map<String, Integer> column = Map.of("a", 1, "b", 2, "c", 3);
        Set<String> pairs = new TreeSet<>();
        for (String text : RULES) {
            BlockingRule rule = BlockingRule.parse(text);
            Map<List<Long>, List<Long>> lefts = blocks(nodes, rule.left(), column);
            Map<List<Long>, List<Long>> rights = blocks(nodes, rule.right(), column);
            for (Map.Entry<List<Long>, List<Long>> e : lefts.entrySet()) {
                List<Long> l = e.getValue();
                List<Long> r = rights.getOrDefault(e.getKey(), List.of());
                if (l.size() > maxBlock || r.size() > maxBlock) {
                    continue;
                }
                for (long x : l) {
                    for (long y : r) {
                        if (x != y) {
                            pairs.add(Math.min(x, y) + "-" + Math.max(x, y));
                        }
                    }
                }
            }
        }
        return pairs;
    }

    private static Map<List<Long>, List<Long>> blocks(
            List<Long[]> nodes, List<String> columns, Map<String, Integer> column) {
        Map<List<Long>, List<Long>> out = new HashMap<>();
        for (Long[] n : nodes) {
            List<Long> key = new ArrayList<>();
            for (String c : columns) {
                key.add(n[column.get(c)]);
            }
            if (!key.contains(null)) {
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(n[0]);
            }
        }
        return out;
    }
}
