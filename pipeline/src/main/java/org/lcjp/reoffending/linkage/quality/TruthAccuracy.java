package org.lcjp.reoffending.linkage.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.domain.RecordPersonColumns;

/**
 * Pairwise precision, recall and F1 of record_person against a known truth (agency, dataset, record_id, person_id:
 * what the synthetic generator writes), as linkage_quality rows PRECISION / RECALL / F1 in category ALL. Records
 * on one side only (quarantined rows, truth for files not given) are left out. Runs Spark actions.
 */
public final class TruthAccuracy {
    static final String TRUE_PERSON = "true_person_id";
    static final List<String> KEY = List.of(RecordPersonColumns.AGENCY, RecordPersonColumns.DATASET, RecordPersonColumns.RECORD_ID);

    private TruthAccuracy() {
    }

    public static PairwiseAccuracy.Figures measure(Dataset<Row> recordPerson, Dataset<Row> truth) {
        Dataset<Row> t = truth.select(col(RecordPersonColumns.AGENCY), col(RecordPersonColumns.DATASET),
                col(RecordPersonColumns.RECORD_ID).cast("string").as(RecordPersonColumns.RECORD_ID),
                col(RecordPersonColumns.PERSON_ID).cast("string").as(TRUE_PERSON));
        // Joined on one 64-bit hash of the key (one long to sort and compare, not three strings), the strings then
        // checked, so a hash collision cannot pair two records.
        Dataset<Row> p = recordPerson.select(col(RecordPersonColumns.AGENCY), col(RecordPersonColumns.DATASET),
                col(RecordPersonColumns.RECORD_ID), col(RecordPersonColumns.PERSON_ID));
        Column same = keyHash(p).equalTo(keyHash(t));
        for (String k : KEY) {
            same = same.and(p.col(k).equalTo(t.col(k)));
        }
        Dataset<Row> labelled = p.join(t, same).select(p.col(RecordPersonColumns.PERSON_ID), t.col(TRUE_PERSON));
        return PairwiseAccuracy.measure(labelled, RecordPersonColumns.PERSON_ID, TRUE_PERSON);
    }

    private static Column keyHash(Dataset<Row> d) {
        return xxhash64(d.col(RecordPersonColumns.AGENCY), d.col(RecordPersonColumns.DATASET), d.col(RecordPersonColumns.RECORD_ID));
    }

    /** The figures as linkage_quality rows. */
    public static Dataset<Row> rows(SparkSession spark, PairwiseAccuracy.Figures f) {
        return spark.createDataFrame(List.of(
                RowFactory.create("PRECISION", "ALL", f.precision()),
                RowFactory.create("RECALL", "ALL", f.recall()),
                RowFactory.create("F1", "ALL", f.f1())), LinkageQuality.SCHEMA);
    }
}
