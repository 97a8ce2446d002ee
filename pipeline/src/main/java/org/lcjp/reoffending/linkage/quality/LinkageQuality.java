package org.lcjp.reoffending.linkage.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.linkage.LinkageColumns;

/**
 * The published linkage_quality table (metric, category, value): match-weight histogram of scored pairs,
 * person-size distribution, records by match method, share of each dataset's records whose person also has a
 * police or court record, chained clusters split and pairs scored.
 */
public final class LinkageQuality {
    public static final String METRIC = "metric";
    public static final String CATEGORY = "category";
    public static final String VALUE = "value";
    public static final StructType SCHEMA = new StructType()
            .add(METRIC, DataTypes.StringType, false)
            .add(CATEGORY, DataTypes.StringType, false)
            .add(VALUE, DataTypes.DoubleType, true);
    /** Persons larger than this share one size bucket. */
    static final int LARGEST_SIZE_SHOWN = 20;

    /** Record pairs a scored row stands for, when the scored pairs say (pairs of identity profiles); else 1. */
    public static final String PAIRS = "pairs";

    /** Records of a person (size) and how many of them come from police/outcomes or courts/convictions. */
    static final String SIZE = "size";
    static final String JUSTICE_RECORDS = "justice_records";

    /**
     * One row per person: person (the given key column), size, justice_records. Materialise it: the quality table
     * reads it twice, and its row count is the number of persons.
     */
    public static Dataset<Row> perPerson(Dataset<Row> recordPerson, String personKey) {
        return recordPerson.groupBy(col(personKey)).agg(perPersonAggregates()[0], perPersonAggregates()[1]);
    }

    /** The per-person aggregates (size, justice_records), to be computed with any others by one grouping of the records. */
    public static Column[] perPersonAggregates() {
        return new Column[] {count(lit(1)).as(SIZE), sum(when(isJustice(), 1).otherwise(0)).as(JUSTICE_RECORDS)};
    }

    /**
     * recordPerson: agency, dataset, match_method and the person key; persons: {@link #perPerson} of it; scoredPairs:
     * match_weight and optionally pairs; pairsScored: the record pairs they stand for.
     */
    public Dataset<Row> apply(Dataset<Row> recordPerson, String personKey, Dataset<Row> persons, Dataset<Row> scoredPairs,
                              long chainedSplit, long pairsScored) {
        Column pairs = java.util.Arrays.asList(scoredPairs.columns()).contains(PAIRS) ? col(PAIRS) : lit(1L);
        Dataset<Row> weights = scoredPairs
                .groupBy(weightBin(col(LinkageColumns.MATCH_WEIGHT)).as("bin"))
                .agg(sum(pairs).as("n"))
                .select(lit("MATCH_WEIGHT_HISTOGRAM").as(METRIC), col("bin").cast(DataTypes.StringType).as(CATEGORY),
                        col("n").cast(DataTypes.DoubleType).as(VALUE));
        Column size = col(SIZE);
        Dataset<Row> sizes = persons
                .groupBy(when(size.gt(LARGEST_SIZE_SHOWN), lit(">" + LARGEST_SIZE_SHOWN)).otherwise(size.cast(DataTypes.StringType)).as(CATEGORY))
                .agg(count(lit(1)).as("n"))
                .select(lit("CLUSTER_SIZE").as(METRIC), col(CATEGORY), col("n").cast(DataTypes.DoubleType).as(VALUE));
        Dataset<Row> methods = recordPerson.groupBy(RecordPersonColumns.MATCH_METHOD).agg(count(lit(1)).as("n"))
                .select(lit("LINKS_BY_METHOD").as(METRIC), col(RecordPersonColumns.MATCH_METHOD).as(CATEGORY),
                        col("n").cast(DataTypes.DoubleType).as(VALUE));
        Dataset<Row> scalars = recordPerson.sparkSession().createDataFrame(java.util.List.of(
                org.apache.spark.sql.RowFactory.create("CHAINED_CLUSTERS_SPLIT", "ALL", (double) chainedSplit),
                org.apache.spark.sql.RowFactory.create("PAIRS_SCORED", "ALL", (double) pairsScored)), SCHEMA);
        return weights.unionByName(sizes).unionByName(methods).unionByName(shareLinkedToPoliceOrCourt(recordPerson, personKey, persons))
                .unionByName(scalars);
    }

    /** As {@link #apply(Dataset, String, Dataset, Dataset, long, long)}, persons keyed by person_id. */
    public Dataset<Row> apply(Dataset<Row> recordPerson, Dataset<Row> scoredPairs, long chainedSplit, long pairsScored) {
        return apply(recordPerson, RecordPersonColumns.PERSON_ID, perPerson(recordPerson, RecordPersonColumns.PERSON_ID),
                scoredPairs, chainedSplit, pairsScored);
    }

    /** The histogram bin of a match weight: bins two weight units wide (binning a bin again leaves it). */
    public static Column weightBin(Column matchWeight) {
        return floor(matchWeight.divide(2)).multiply(2).cast(DataTypes.IntegerType);
    }

    /** A record counts when another record of its person comes from police/outcomes or courts/convictions. */
    static Dataset<Row> shareLinkedToPoliceOrCourt(Dataset<Row> recordPerson, String personKey, Dataset<Row> persons) {
        Column linked = col(JUSTICE_RECORDS).minus(when(isJustice(), 1).otherwise(0)).gt(0);
        return recordPerson.join(persons.select(col(personKey), col(JUSTICE_RECORDS)), personKey)
                .groupBy(concat_ws("/", col(RecordPersonColumns.AGENCY), col(RecordPersonColumns.DATASET)).as(CATEGORY))
                .agg(sum(when(linked, 1.0).otherwise(0.0)).divide(count(lit(1))).as(VALUE))
                .select(lit("SHARE_LINKED_TO_POLICE_OR_COURT").as(METRIC), col(CATEGORY), col(VALUE));
    }

    private static Column isJustice() {
        return concat_ws("/", col(RecordPersonColumns.AGENCY), col(RecordPersonColumns.DATASET)).isin("police/outcomes", "courts/convictions");
    }
}
