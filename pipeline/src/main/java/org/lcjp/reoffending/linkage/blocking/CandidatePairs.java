package org.lcjp.reoffending.linkage.blocking;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.linkage.LinkageColumns;

/**
 * Candidate pairs (record_key_l &lt; record_key_r) from the union of the blocking rules. Only keys flow through
 * the joins ("block to ids"); block values shared by more than maxBlockSize records are skipped by that rule,
 * which keeps the pair count near-linear when a name is very common.
 */
public final class CandidatePairs {
    private final List<BlockingRule> rules;
    private final int maxBlockSize;

    public CandidatePairs(List<String> rules, int maxBlockSize) {
        this.rules = rules.stream().map(BlockingRule::parse).toList();
        this.maxBlockSize = maxBlockSize;
    }

    public Dataset<Row> apply(Dataset<Row> records) {
        Dataset<Row> all = null;
        for (BlockingRule rule : rules) {
            Dataset<Row> pairs = pairs(records, rule);
            all = all == null ? pairs : all.union(pairs);
        }
        return all.distinct();
    }

    Dataset<Row> pairs(Dataset<Row> records, BlockingRule rule) {
        Dataset<Row> left = side(records, rule.left(), LinkageColumns.KEY_L);
        Dataset<Row> right = rule.symmetric() ? side(records, rule.right(), LinkageColumns.KEY_R)
                : side(records, rule.right(), LinkageColumns.KEY_R);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < rule.left().size(); i++) {
            keys.add("b" + i);
        }
        Dataset<Row> joined = left.join(right, scala.jdk.javaapi.CollectionConverters.asScala(keys).toSeq());
        Column l = col(LinkageColumns.KEY_L);
        Column r = col(LinkageColumns.KEY_R);
        if (rule.symmetric()) {
            return joined.where(l.lt(r)).select(l, r);
        }
        return joined.where(l.notEqual(r)).select(least(l, r).as(LinkageColumns.KEY_L), greatest(l, r).as(LinkageColumns.KEY_R));
    }

    /** The key and block values of records holding all of them, minus oversized blocks. */
    private Dataset<Row> side(Dataset<Row> records, List<String> columns, String keyAs) {
        List<Column> sel = new ArrayList<>();
        sel.add(col(LinkageColumns.RECORD_KEY).as(keyAs));
        Column present = lit(true);
        for (int i = 0; i < columns.size(); i++) {
            sel.add(col(columns.get(i)).as("b" + i));
            present = present.and(col(columns.get(i)).isNotNull());
        }
        Dataset<Row> s = records.where(present).select(sel.toArray(Column[]::new));
        Column[] blockCols = new Column[columns.size()];
        String[] blockNames = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            blockCols[i] = col("b" + i);
            blockNames[i] = "b" + i;
        }
        Dataset<Row> small = s.groupBy(blockCols).agg(count(lit(1)).as("block_size"))
                .where(col("block_size").leq(maxBlockSize)).drop("block_size");
        return s.join(small, scala.jdk.javaapi.CollectionConverters.asScala(List.of(blockNames)).toSeq(), "left_semi");
    }
}
