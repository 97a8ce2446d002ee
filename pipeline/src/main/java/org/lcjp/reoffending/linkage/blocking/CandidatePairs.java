package org.lcjp.reoffending.linkage.blocking;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.linkage.core.LinkageColumns;
import org.lcjp.reoffending.settings.BlockingRule;

/**
 * Candidate pairs (node_l &lt; node_r) of identity profiles (nodes) from the union of the blocking rules. Only
 * long keys flow through the blocking ("block to ids"), the block value as one 64-bit hash of the rule and its
 * columns; block values shared by more than maxBlockSize nodes are skipped by that rule, which keeps the pair count
 * near-linear when a name is very common.
 */
public final class CandidatePairs {
    private static final String BLOCK = "_block";
    private static final String SIDE = "_side";
    private static final String ENTRY = "_entry";
    /** Entry sides: both (a rule on the same columns), or the left or right columns of a crossed rule. */
    private static final int SIDE_BOTH = 0;

    private static final int SIDE_LEFT = 1;
    private static final int SIDE_RIGHT = 2;
    private static final StructType PAIRS = new StructType()
            .add(LinkageColumns.NODE_L, DataTypes.LongType, false)
            .add(LinkageColumns.NODE_R, DataTypes.LongType, false);

    private final List<BlockingRule> rules;
    private final int maxBlockSize;

    public CandidatePairs(List<BlockingRule> rules, int maxBlockSize) {
        this.rules = List.copyOf(rules);
        this.maxBlockSize = maxBlockSize;
    }

    /** nodes: node and the blocking columns. Result: node_l, node_r. */
    public Dataset<Row> apply(Dataset<Row> nodes) {
        // Every rule in one table of (block, node, side) entries, shuffled once by block and sorted within the
        // partition (one long key: Spark radix-sorts it); each block is then a run of rows that is paired as it
        // streams past. Spark has no code-generated way to gather a group's rows (collect_list runs interpreted, and
        // a window plus self-join sorts the entries twice), so this one step pairs them in plain Java, holding at
        // most maxBlockSize + 1 nodes at a time.
        // One scan of the nodes gives every rule's entries (an array per node, exploded), not a scan per rule.
        List<Column> perRule = new java.util.ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            BlockingRule rule = rules.get(i);
            if (rule.symmetric()) {
                perRule.add(entry(i, rule.left(), SIDE_BOTH));
            } else {
                perRule.add(entry(i, rule.left(), SIDE_LEFT));
                perRule.add(entry(i, rule.right(), SIDE_RIGHT));
            }
        }
        Dataset<Row> entries = nodes.select(
                        col(LinkageColumns.NODE),
                        explode(array(perRule.toArray(Column[]::new))).as(ENTRY))
                .where(col(ENTRY).isNotNull())
                .select(
                        col(ENTRY).getField(BLOCK).as(BLOCK),
                        col(LinkageColumns.NODE),
                        col(ENTRY).getField(SIDE).as(SIDE));
        int max = maxBlockSize;
        return entries.repartition(col(BLOCK))
                .sortWithinPartitions(col(BLOCK))
                .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> new BlockPairs(rows, max), Encoders.row(PAIRS))
                .distinct();
    }

    /**
     * A node's entry for one side of a rule, (block, side), or null when it lacks a column: the block is the hash of
     * the rule's number and its values. Two different blocks sharing a hash only add candidate pairs, which comparison then
     * scores on their own merits.
     */
    private static Column entry(int rule, List<String> columns, int side) {
        Column present = lit(true);
        Column[] values = new Column[columns.size() + 1];
        values[0] = lit(rule);
        for (int i = 0; i < columns.size(); i++) {
            present = present.and(col(columns.get(i)).isNotNull());
            values[i + 1] = col(columns.get(i));
        }
        return when(present, struct(xxhash64(values).as(BLOCK), lit(side).as(SIDE)));
    }

    /**
     * The pairs of each block of a partition sorted by block: a symmetric rule's block pairs all its nodes, a crossed
     * rule's block pairs its left entries with its right ones; a block with more than max entries on a side pairs
     * nothing. Pairs come out as (smaller, larger) node.
     */
    static final class BlockPairs implements Iterator<Row> {
        private final Iterator<Row> rows;
        private final int max;
        private final long[] lefts;
        private final long[] rights;
        private int nl;
        private int nr;
        private Row pending;
        private final List<Row> out = new ArrayList<>();
        private int next;

        BlockPairs(Iterator<Row> rows, int max) {
            this.rows = rows;
            this.max = max;
            this.lefts = new long[max];
            this.rights = new long[max];
            this.pending = rows.hasNext() ? rows.next() : null;
        }

        @Override
        public boolean hasNext() {
            while (next == out.size()) {
                if (pending == null) {
                    return false;
                }
                out.clear();
                next = 0;
                pairNextBlock();
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return out.get(next++);
        }

        private void pairNextBlock() {
            long block = pending.getLong(0);
            nl = 0;
            nr = 0;
            boolean symmetric = pending.getInt(2) == SIDE_BOTH;
            boolean oversized = false;
            while (pending != null && pending.getLong(0) == block) {
                long node = pending.getLong(1);
                int side = pending.getInt(2);
                if (side != SIDE_RIGHT) {
                    oversized |= !add(lefts, nl++, node);
                }
                if (side == SIDE_RIGHT) {
                    oversized |= !add(rights, nr++, node);
                }
                pending = rows.hasNext() ? rows.next() : null;
            }
            if (oversized) {
                return;
            }
            if (symmetric) {
                for (int i = 0; i < nl; i++) {
                    for (int j = i + 1; j < nl; j++) {
                        emit(lefts[i], lefts[j]);
                    }
                }
            } else {
                for (int i = 0; i < nl; i++) {
                    for (int j = 0; j < nr; j++) {
                        emit(lefts[i], rights[j]);
                    }
                }
            }
        }

        private boolean add(long[] side, int at, long node) {
            if (at >= max) {
                return false;
            }
            side[at] = node;
            return true;
        }

        private void emit(long a, long b) {
            if (a != b) {
                out.add(RowFactory.create(Math.min(a, b), Math.max(a, b)));
            }
        }
    }
}
