package org.lcjp.reoffending.linkage.clustering;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.linkage.LinkageColumns;

/**
 * record_person: one row per record. match_method is the strongest kind of accepted link the record has inside
 * its person (PNC, then REF, then PROBABILISTIC), SINGLETON when alone; match_probability is 1 for PNC/REF, the
 * best accepted pair probability for PROBABILISTIC, null for SINGLETON.
 */
public final class RecordPersonTable {
    public Dataset<Row> apply(Dataset<Row> records, Dataset<Row> ids, Dataset<Row> edges) {
        Dataset<Row> ends = edges.select(col(PersonEdges.SRC).as("a"), col(PersonEdges.DST).as("b"),
                        col(LinkageColumns.MATCH_METHOD), col(LinkageColumns.MATCH_PROBABILITY))
                .union(edges.select(col(PersonEdges.DST).as("a"), col(PersonEdges.SRC).as("b"),
                        col(LinkageColumns.MATCH_METHOD), col(LinkageColumns.MATCH_PROBABILITY)));
        Dataset<Row> ia = ids.select(col(LinkageColumns.RECORD_KEY).as("a"), col(LinkageColumns.CLUSTER).as("ca"));
        Dataset<Row> ib = ids.select(col(LinkageColumns.RECORD_KEY).as("b"), col(LinkageColumns.CLUSTER).as("cb"));
        Column method = col(LinkageColumns.MATCH_METHOD);
        Column rank = when(method.equalTo(LinkageColumns.METHOD_PNC), 3).when(method.equalTo(LinkageColumns.METHOD_REF), 2).otherwise(1);
        Dataset<Row> best = ends.join(ia, "a").join(ib, "b").where(col("ca").equalTo(col("cb")))
                .groupBy("a").agg(max(rank).as("rank"), max(col(LinkageColumns.MATCH_PROBABILITY)).as("p"));
        Column r = col("rank");
        return records.join(ids, LinkageColumns.RECORD_KEY)
                .join(best, col(LinkageColumns.RECORD_KEY).equalTo(col("a")), "left")
                .select(col(RecordPersonColumns.AGENCY), col(RecordPersonColumns.DATASET), col(RecordPersonColumns.RECORD_ID),
                        col(RecordPersonColumns.PERSON_ID),
                        when(r.equalTo(3), lit(LinkageColumns.METHOD_PNC)).when(r.equalTo(2), lit(LinkageColumns.METHOD_REF))
                                .when(r.equalTo(1), lit(LinkageColumns.METHOD_PROBABILISTIC))
                                .otherwise(lit(LinkageColumns.METHOD_SINGLETON)).as(RecordPersonColumns.MATCH_METHOD),
                        when(r.geq(2), lit(1.0)).when(r.equalTo(1), col("p")).otherwise(lit(null).cast(DataTypes.DoubleType))
                                .as(RecordPersonColumns.MATCH_PROBABILITY));
    }

    /** Records in persons of each size, for the quality table. */
    public static Dataset<Row> clusterSizes(Dataset<Row> recordPerson) {
        return recordPerson.groupBy(RecordPersonColumns.PERSON_ID).agg(count(lit(1)).as("size"));
    }
}
