package org.lcjp.reoffending.linkage.blocking;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.linkage.LinkageColumns;

/**
 * Candidate pairs (node_l &lt; node_r) of identity profiles (nodes) from the union of the blocking rules. Only
 * long keys flow through the grouping ("block to ids"), the block value as one 64-bit hash of its columns; block
 * values shared by more than maxBlockSize nodes are skipped by that rule, which keeps the pair count near-linear
 * when a name is very common.
 */
public final class CandidatePairs {
    private static final String RULE = "_rule";
    private static final String BLOCK = "_block";
    private static final String SIDE = "_side";
    private static final String SYMMETRIC = "_symmetric";
    private static final String LEFTS = "_lefts";
    private static final String RIGHTS = "_rights";
    private static final String SIDE_BOTH = "B";
    private static final String SIDE_LEFT = "L";
    private static final String SIDE_RIGHT = "R";

    private final List<BlockingRule> rules;
    private final int maxBlockSize;

    public CandidatePairs(List<String> rules, int maxBlockSize) {
        this.rules = rules.stream().map(BlockingRule::parse).toList();
        this.maxBlockSize = maxBlockSize;
    }

    /** nodes: node and the blocking columns. Result: node_l, node_r. */
    public Dataset<Row> apply(Dataset<Row> nodes) {
        // One pass for every rule: (rule, block value, key, side) rows grouped once by (rule, block value), instead of
        // a size count, two semi-joins and a self-join per rule (dozens of shuffles). Same pairs as joining per rule.
        Dataset<Row> entries = null;
        for (int i = 0; i < rules.size(); i++) {
            BlockingRule rule = rules.get(i);
            Dataset<Row> e = rule.symmetric() ? entries(nodes, i, rule.left(), SIDE_BOTH)
                    : entries(nodes, i, rule.left(), SIDE_LEFT).union(entries(nodes, i, rule.right(), SIDE_RIGHT));
            entries = entries == null ? e : entries.union(e);
        }
        Column side = col(SIDE);
        Column key = col(LinkageColumns.NODE);
        // A block is skipped when either side of it exceeds maxBlockSize (the per-rule joins skipped the side).
        Dataset<Row> blocks = entries.groupBy(col(RULE), col(BLOCK), col(SYMMETRIC)).agg(
                        collect_list(when(side.notEqual(SIDE_RIGHT), key)).as(LEFTS),
                        collect_list(when(side.notEqual(SIDE_LEFT), key)).as(RIGHTS))
                .where(size(col(LEFTS)).leq(maxBlockSize).and(size(col(RIGHTS)).leq(maxBlockSize))
                        .and(size(col(LEFTS)).gt(0)).and(size(col(RIGHTS)).gt(0)));
        Column symmetric = col(SYMMETRIC);
        Column l = col(LinkageColumns.NODE_L);
        Column r = col(LinkageColumns.NODE_R);
        return blocks.select(symmetric, explode(col(LEFTS)).as(LinkageColumns.NODE_L), col(RIGHTS))
                .select(symmetric, l, explode(col(RIGHTS)).as(LinkageColumns.NODE_R))
                // A symmetric rule finds each pair in both orders: keep one. A crossed rule's pair may come either way.
                .where(when(symmetric, l.lt(r)).otherwise(l.notEqual(r)))
                .select(least(l, r).as(LinkageColumns.NODE_L), greatest(l, r).as(LinkageColumns.NODE_R))
                .distinct();
    }

    /**
     * Nodes holding every column of one side of a rule, as (rule, block value hash, node, side). Two different block
     * values sharing a hash only add candidate pairs, which comparison then scores on their own merits.
     */
    private static Dataset<Row> entries(Dataset<Row> nodes, int rule, List<String> columns, String side) {
        Column present = lit(true);
        Column[] values = new Column[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            present = present.and(col(columns.get(i)).isNotNull());
            values[i] = col(columns.get(i));
        }
        // Whether the rule is symmetric rides along as a constant (cheaper per pair than looking the rule up).
        return nodes.where(present).select(lit(rule).as(RULE), xxhash64(values).as(BLOCK), lit(side.equals(SIDE_BOTH)).as(SYMMETRIC),
                col(LinkageColumns.NODE), lit(side).as(SIDE));
    }
}
