package org.lcjp.reoffending.linkage.clustering;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.linkage.core.LinkageColumns;

/**
 * Person ids that survive from night to night. Rule: each previous person_id goes to the new cluster holding
 * most of its records (ties: the cluster with the smallest record key), so on a split the larger part keeps the id;
 * a cluster that receives several previous ids (a merge) keeps the smallest; a cluster receiving none gets
 * "P" + 16 hex of SHA-256 of its smallest record key (or, if that id was used before, of smallest|largest key).
 */
public final class AssignPersonIds {
    public static final String MIN_KEY = "min_key";
    public static final String MAX_KEY = "max_key";
    private static final String PREV = "previous_person_id";

    /**
     * clusters: record_key, cluster (any label type); previous: record_person of the last run, or null. Result:
     * the columns of clusters and person_id.
     */
    public Dataset<Row> apply(Dataset<Row> clusters, Dataset<Row> previous) {
        Dataset<Row> keys = clusters.groupBy(LinkageColumns.CLUSTER)
                .agg(keyAggregates()[0], keyAggregates()[1])
                .localCheckpoint();
        // Every column of clusters is kept (callers carry the record's other columns through).
        java.util.List<org.apache.spark.sql.Column> out = new java.util.ArrayList<>();
        for (String c : clusters.columns()) {
            out.add(col(c));
        }
        out.add(col(RecordPersonColumns.PERSON_ID));
        return clusters.join(ids(keys, clusters, previous), LinkageColumns.CLUSTER)
                .select(out.toArray(org.apache.spark.sql.Column[]::new));
    }

    /** The aggregates a cluster's id needs (min_key, max_key), to be computed with any others by one grouping. */
    public static org.apache.spark.sql.Column[] keyAggregates() {
        return new org.apache.spark.sql.Column[] {
            min(LinkageColumns.RECORD_KEY).as(MIN_KEY),
            max(LinkageColumns.RECORD_KEY).as(MAX_KEY)
        };
    }

    /**
     * One person id per cluster. keys: cluster, min_key, max_key (materialised: read more than once); clusters:
     * record_key, cluster (read only when there is a previous run, to count its votes). Result: cluster, person_id.
     */
    public Dataset<Row> ids(Dataset<Row> keys, Dataset<Row> clusters, Dataset<Row> previous) {
        Dataset<Row> fresh = keys.select(
                col(LinkageColumns.CLUSTER),
                col(MIN_KEY),
                newId(col(MIN_KEY)).as("id1"),
                newId(concat_ws("|", col(MIN_KEY), col(MAX_KEY))).as("id2"));
        if (previous == null) {
            return fresh.select(col(LinkageColumns.CLUSTER), col("id1").as(RecordPersonColumns.PERSON_ID));
        }
        Dataset<Row> prev = previous.select(
                concat_ws(
                                "/",
                                col(RecordPersonColumns.AGENCY),
                                col(RecordPersonColumns.DATASET),
                                col(RecordPersonColumns.RECORD_ID))
                        .as(LinkageColumns.RECORD_KEY),
                col(RecordPersonColumns.PERSON_ID).as(PREV));
        Dataset<Row> votes = clusters.select(LinkageColumns.RECORD_KEY, LinkageColumns.CLUSTER)
                .join(prev, LinkageColumns.RECORD_KEY)
                .groupBy(PREV, LinkageColumns.CLUSTER)
                .agg(count(lit(1)).as("n"))
                .join(keys.select(LinkageColumns.CLUSTER, MIN_KEY), LinkageColumns.CLUSTER);
        Dataset<Row> winners = votes.withColumn(
                        "rank", row_number().over(Window.partitionBy(PREV).orderBy(col("n").desc(), col(MIN_KEY))))
                .where(col("rank").equalTo(1))
                .groupBy(LinkageColumns.CLUSTER)
                .agg(min(PREV).as(PREV));
        Dataset<Row> used = prev.select(col(PREV).as("used")).distinct();
        Dataset<Row> f = fresh.join(used, fresh.col("id1").equalTo(used.col("used")), "left")
                .select(
                        col(LinkageColumns.CLUSTER),
                        when(col("used").isNull(), col("id1"))
                                .otherwise(col("id2"))
                                .as("fresh_id"));
        return f.join(winners, LinkageColumns.CLUSTER, "left")
                .select(
                        col(LinkageColumns.CLUSTER),
                        coalesce(col(PREV), col("fresh_id")).as(RecordPersonColumns.PERSON_ID));
    }

    private static org.apache.spark.sql.Column newId(org.apache.spark.sql.Column key) {
        return concat(lit("P"), substring(sha2(key, 256), 1, 16));
    }
}
