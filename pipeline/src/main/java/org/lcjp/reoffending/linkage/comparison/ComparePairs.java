package org.lcjp.reoffending.linkage.comparison;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.linkage.core.LinkageColumns;

/**
 * Candidate pairs (node_l, node_r) joined to both identity profiles, reduced to one gamma per comparison plus what
 * training, scoring and chain splitting need (records per node, name term frequencies, PNC tokens). The profiles are
 * broadcast when there are few enough (LinkageSettings.broadcastMaxProfiles): the pairs (many more) then need no
 * shuffle at all; beyond that the driver would hold the whole profile table twice, so the pairs are shuffled instead.
 */
public final class ComparePairs {
    private final List<Comparison> comparisons;
    private final int bloomWords;
    private final boolean broadcastProfiles;

    public ComparePairs(List<Comparison> comparisons, int bloomWords) {
        this(comparisons, bloomWords, true);
    }

    /** @param broadcastProfiles whether the profile table is small enough to broadcast to the pairs */
    public ComparePairs(List<Comparison> comparisons, int bloomWords, boolean broadcastProfiles) {
        this.comparisons = List.copyOf(comparisons);
        this.bloomWords = bloomWords;
        this.broadcastProfiles = broadcastProfiles;
    }

    /** pairs: node_l, node_r; nodes: node, records and the compared columns ({@link org.lcjp.reoffending.linkage.core.Profiles}). */
    public Dataset<Row> apply(Dataset<Row> pairs, Dataset<Row> nodes) {
        Dataset<Row> left = suffixed(nodes, LinkageColumns.LEFT);
        Dataset<Row> right = suffixed(nodes, LinkageColumns.RIGHT);
        Dataset<Row> joined = pairs.join(broadcastProfiles ? broadcast(left) : left, LinkageColumns.NODE_L)
                .join(broadcastProfiles ? broadcast(right) : right, LinkageColumns.NODE_R);
        return gammas(joined);
    }

    /** Each node compared with itself (what its records' pairs among themselves look like): node_l = node_r. */
    public Dataset<Row> self(Dataset<Row> nodes) {
        List<Column> cols = new ArrayList<>();
        for (String c : nodes.columns()) {
            cols.add(col(c).as(c + LinkageColumns.LEFT));
            cols.add(col(c).as(c + LinkageColumns.RIGHT));
        }
        return gammas(nodes.select(cols.toArray(Column[]::new)));
    }

    /**
     * Gammas of pairs whose _l/_r columns are already side by side (random pairs for u use this too); the pair's
     * identifiers (node, rid or record_key, _l and _r) and records per node are kept when present.
     */
    public Dataset<Row> gammas(Dataset<Row> sideBySide) {
        Dataset<Row> withDerived = sideBySide;
        for (var d : Comparisons.derivedPairColumns(java.util.Arrays.asList(sideBySide.columns()), bloomWords)
                .entrySet()) {
            withDerived = withDerived.withColumn(d.getKey(), d.getValue());
        }
        List<Column> out = new ArrayList<>();
        List<String> present = java.util.Arrays.asList(sideBySide.columns());
        for (String id :
                List.of(LinkageColumns.NODE, LinkageColumns.RID, LinkageColumns.RECORD_KEY, LinkageColumns.RECORDS)) {
            if (present.contains(id + LinkageColumns.LEFT)) {
                out.add(PairColumns.l(id).as(id + LinkageColumns.LEFT));
                out.add(PairColumns.r(id).as(id + LinkageColumns.RIGHT));
            }
        }
        for (String keep : List.of(StagedColumns.PNC_TOKEN, LinkageColumns.FORENAME_TF, LinkageColumns.SURNAME_TF)) {
            out.add(PairColumns.l(keep).as(keep + LinkageColumns.LEFT));
            out.add(PairColumns.r(keep).as(keep + LinkageColumns.RIGHT));
        }
        for (Comparison c : comparisons) {
            out.add(c.gamma());
        }
        return withDerived.select(out.toArray(Column[]::new));
    }

    public static Dataset<Row> suffixed(Dataset<Row> records, String suffix) {
        List<Column> cols = new ArrayList<>();
        for (String c : records.columns()) {
            cols.add(col(c).as(c + suffix));
        }
        return records.select(cols.toArray(Column[]::new));
    }
}
