package org.lcjp.reoffending.linkage.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.linkage.core.RecordGroups;

/**
 * Pairwise precision, recall and F1 of record_person against a known truth (agency, dataset, record_id, person_id:
 * what the synthetic generator writes), as linkage_quality rows PRECISION / RECALL / F1 in category ALL. Records
 * on one side only (quarantined rows, truth for files not given) are left out. Runs Spark actions.
 */
public final class TruthAccuracy {
    static final String TRUE_PERSON = "true_person_id";
    static final List<String> KEY =
            List.of(RecordPersonColumns.AGENCY, RecordPersonColumns.DATASET, RecordPersonColumns.RECORD_ID);

    private TruthAccuracy() {}

    public static PairwiseAccuracy.Figures measure(Dataset<Row> recordPerson, Dataset<Row> truth) {
        return PairwiseAccuracy.measure(
                labelled(recordPerson, truth, List.of()), RecordPersonColumns.PERSON_ID, TRUE_PERSON);
    }

    /** person_id, true_person_id and the given columns of recordPerson, for the records on both sides. */
    private static Dataset<Row> labelled(Dataset<Row> recordPerson, Dataset<Row> truth, List<String> carried) {
        Dataset<Row> t = truth.select(
                col(RecordPersonColumns.AGENCY),
                col(RecordPersonColumns.DATASET),
                col(RecordPersonColumns.RECORD_ID).cast("string").as(RecordPersonColumns.RECORD_ID),
                col(RecordPersonColumns.PERSON_ID).cast("string").as(TRUE_PERSON));
        // Joined on one 64-bit hash of the key (one long to sort and compare, not three strings), the strings then
        // checked, so a hash collision cannot pair two records.
        List<Column> pc = new java.util.ArrayList<>(List.of(
                col(RecordPersonColumns.AGENCY),
                col(RecordPersonColumns.DATASET),
                col(RecordPersonColumns.RECORD_ID),
                col(RecordPersonColumns.PERSON_ID)));
        carried.stream().filter(c -> !KEY.contains(c)).forEach(c -> pc.add(col(c)));
        Dataset<Row> p = recordPerson.select(pc.toArray(Column[]::new));
        Column same = keyHash(p).equalTo(keyHash(t));
        for (String k : KEY) {
            same = same.and(p.col(k).equalTo(t.col(k)));
        }
        List<Column> out = new java.util.ArrayList<>(List.of(p.col(RecordPersonColumns.PERSON_ID), t.col(TRUE_PERSON)));
        carried.forEach(c -> out.add(p.col(c)));
        return p.join(t, same).select(out.toArray(Column[]::new));
    }

    /**
     * PRECISION, RECALL and F1 per group of records (dimension DATASET and each {@link RecordGroups} column present;
     * category and group_name the group), pairwise counted from each record's end: a record contributes the other
     * records of its predicted person (predicted pairs), of its true person (true pairs) and of both (true
     * positives), so over all records these are exactly the pairwise figures, and a pair across two groups counts
     * half in each. recordGroups: record_person's key and person_id with the group columns. Runs one Spark job.
     */
    public static Dataset<Row> byGroup(Dataset<Row> recordGroups, Dataset<Row> truth) {
        List<String> carried =
                new java.util.ArrayList<>(List.of(RecordPersonColumns.AGENCY, RecordPersonColumns.DATASET));
        carried.addAll(RecordGroups.present(recordGroups.columns()));
        Dataset<Row> l = labelled(recordGroups, truth, carried);
        String p = RecordPersonColumns.PERSON_ID;
        Dataset<Row> cells = l.groupBy(p, TRUE_PERSON).agg(count(lit(1)).as("n_pt"));
        Dataset<Row> predicted = l.groupBy(p).agg(count(lit(1)).as("n_p"));
        Dataset<Row> actual = l.groupBy(TRUE_PERSON).agg(count(lit(1)).as("n_t"));
        Dataset<Row> sums = l.join(cells, new String[] {p, TRUE_PERSON})
                .join(predicted, p)
                .join(actual, TRUE_PERSON)
                .select(
                        org.apache
                                .spark
                                .sql
                                .functions
                                .explode(RecordGroups.groupsOf(l.columns()))
                                .as("x"),
                        col("n_pt").minus(1).as("tp"),
                        col("n_p").minus(1).as("pp"),
                        col("n_t").minus(1).as("tt"))
                .groupBy(col("x.d").as(LinkageQuality.DIMENSION), col("x.g").as(LinkageQuality.GROUP_NAME))
                .agg(
                        sum(col("tp")).as("tp"),
                        sum(col("pp")).as("pp"),
                        sum(col("tt")).as("tt"));
        Column precision =
                when(col("pp").equalTo(0), lit(1.0)).otherwise(col("tp").divide(col("pp")));
        Column recall = when(col("tt").equalTo(0), lit(1.0)).otherwise(col("tp").divide(col("tt")));
        Dataset<Row> pr = sums.select(
                col(LinkageQuality.DIMENSION),
                col(LinkageQuality.GROUP_NAME),
                precision.as("precision"),
                recall.as("recall"));
        Column f1 = when(col("precision").plus(col("recall")).equalTo(0), lit(0.0))
                .otherwise(lit(2.0).multiply(col("precision"))
                        .multiply(col("recall"))
                        .divide(col("precision").plus(col("recall"))));
        Dataset<Row> out = null;
        for (String[] m : new String[][] {{"PRECISION", "precision"}, {"RECALL", "recall"}, {"F1", null}}) {
            Dataset<Row> one = pr.select(
                    lit(m[0]).as(LinkageQuality.METRIC),
                    col(LinkageQuality.GROUP_NAME).as(LinkageQuality.CATEGORY),
                    (m[1] == null ? f1 : col(m[1])).as(LinkageQuality.VALUE),
                    col(LinkageQuality.DIMENSION),
                    col(LinkageQuality.GROUP_NAME));
            out = out == null ? one : out.unionByName(one);
        }
        return out;
    }

    private static Column keyHash(Dataset<Row> d) {
        return xxhash64(
                d.col(RecordPersonColumns.AGENCY),
                d.col(RecordPersonColumns.DATASET),
                d.col(RecordPersonColumns.RECORD_ID));
    }

    /** The figures as linkage_quality rows. */
    public static Dataset<Row> rows(SparkSession spark, PairwiseAccuracy.Figures f) {
        return LinkageQuality.scalars(
                spark, java.util.Map.of("PRECISION", f.precision(), "RECALL", f.recall(), "F1", f.f1()));
    }
}
