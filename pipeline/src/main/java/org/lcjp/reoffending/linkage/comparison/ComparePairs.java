package org.lcjp.reoffending.linkage.comparison;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.linkage.LinkageColumns;

/**
 * Candidate pairs (record_key_l, record_key_r) joined to both records, reduced to one gamma per comparison plus
 * what scoring and chain splitting need (name term frequencies, PNC tokens).
 */
public final class ComparePairs {
    private final List<Comparison> comparisons;
    private final int bloomWords;

    public ComparePairs(List<Comparison> comparisons, int bloomWords) {
        this.comparisons = List.copyOf(comparisons);
        this.bloomWords = bloomWords;
    }

    public Dataset<Row> apply(Dataset<Row> pairs, Dataset<Row> records) {
        Dataset<Row> joined = pairs
                .join(suffixed(records, LinkageColumns.LEFT), LinkageColumns.KEY_L)
                .join(suffixed(records, LinkageColumns.RIGHT), LinkageColumns.KEY_R);
        return gammas(joined);
    }

    /** Gammas of pairs whose _l/_r columns are already side by side (random pairs for u use this too). */
    public Dataset<Row> gammas(Dataset<Row> sideBySide) {
        Dataset<Row> withDerived = sideBySide;
        for (var d : Comparisons.derivedPairColumns(java.util.Arrays.asList(sideBySide.columns()), bloomWords).entrySet()) {
            withDerived = withDerived.withColumn(d.getKey(), d.getValue());
        }
        List<Column> out = new ArrayList<>();
        out.add(col(LinkageColumns.KEY_L));
        out.add(col(LinkageColumns.KEY_R));
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
