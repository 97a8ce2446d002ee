package org.lcjp.reoffending.linkage.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
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
import org.lcjp.reoffending.linkage.core.LinkageColumns;
import org.lcjp.reoffending.linkage.core.RecordGroups;

/**
 * The published linkage_quality table (metric, category, value, dimension, group_name): over all records the
 * match-weight histogram of scored pairs, person-size distribution, records by match method, chained clusters split
 * and pairs scored; and per group of records (dimension DATASET, SEX, ETHNICITY, AGE_BAND, {@link RecordGroups}) how
 * many records, the share whose person also has a police or court record and the sizes of the persons they are in,
 * so the panel can see whether linkage works equally for everyone.
 */
public final class LinkageQuality {
    public static final String METRIC = "metric";
    public static final String CATEGORY = "category";
    public static final String VALUE = "value";
    /** Whose records a row describes: ALL, or DATASET, SEX, ETHNICITY, AGE_BAND with the group in group_name. */
    public static final String DIMENSION = "dimension";

    public static final String GROUP_NAME = "group_name";
    public static final String ALL = "ALL";
    public static final StructType SCHEMA = new StructType()
            .add(METRIC, DataTypes.StringType, false)
            .add(CATEGORY, DataTypes.StringType, false)
            .add(VALUE, DataTypes.DoubleType, true)
            .add(DIMENSION, DataTypes.StringType, false)
            .add(GROUP_NAME, DataTypes.StringType, false);
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
        return new Column[] {
            count(lit(1)).as(SIZE), sum(when(isJustice(), 1).otherwise(0)).as(JUSTICE_RECORDS)
        };
    }

    /**
     * recordPerson: agency, dataset, match_method, the person key and the group columns when known; persons:
     * {@link #perPerson} of it; scoredPairs: match_weight and optionally pairs; pairsScored: the record pairs they
     * stand for.
     */
    public Dataset<Row> apply(
            Dataset<Row> recordPerson,
            String personKey,
            Dataset<Row> persons,
            Dataset<Row> scoredPairs,
            long chainedSplit,
            long pairsScored) {
        Column pairs = java.util.Arrays.asList(scoredPairs.columns()).contains(PAIRS) ? col(PAIRS) : lit(1L);
        Dataset<Row> weights = scoredPairs
                .groupBy(weightBin(col(LinkageColumns.MATCH_WEIGHT)).as("bin"))
                .agg(sum(pairs).as("n"))
                .select(
                        lit("MATCH_WEIGHT_HISTOGRAM").as(METRIC),
                        col("bin").cast(DataTypes.StringType).as(CATEGORY),
                        col("n").cast(DataTypes.DoubleType).as(VALUE));
        Dataset<Row> sizes = persons.groupBy(sizeBucket(col(SIZE)).as(CATEGORY))
                .agg(count(lit(1)).as("n"))
                .select(
                        lit("CLUSTER_SIZE").as(METRIC),
                        col(CATEGORY),
                        col("n").cast(DataTypes.DoubleType).as(VALUE));
        Dataset<Row> methods = recordPerson
                .groupBy(RecordPersonColumns.MATCH_METHOD)
                .agg(count(lit(1)).as("n"))
                .select(
                        lit("LINKS_BY_METHOD").as(METRIC),
                        col(RecordPersonColumns.MATCH_METHOD).as(CATEGORY),
                        col("n").cast(DataTypes.DoubleType).as(VALUE));
        return weights.unionByName(sizes)
                .unionByName(methods)
                .withColumn(DIMENSION, lit(ALL))
                .withColumn(GROUP_NAME, lit(ALL))
                .unionByName(scalars(
                        recordPerson.sparkSession(),
                        java.util.Map.of(
                                "CHAINED_CLUSTERS_SPLIT", (double) chainedSplit, "PAIRS_SCORED", (double) pairsScored)))
                .unionByName(byGroup(recordPerson, personKey, persons));
    }

    /** Overall figures (dimension and group ALL, category ALL), sorted by metric. */
    public static Dataset<Row> scalars(org.apache.spark.sql.SparkSession spark, java.util.Map<String, Double> figures) {
        return spark.createDataFrame(
                new java.util.TreeMap<>(figures)
                        .entrySet().stream()
                                .map(e ->
                                        org.apache.spark.sql.RowFactory.create(e.getKey(), ALL, e.getValue(), ALL, ALL))
                                .toList(),
                SCHEMA);
    }

    /** The histogram bin of a match weight: bins two weight units wide (binning a bin again leaves it). */
    public static Column weightBin(Column matchWeight) {
        return floor(matchWeight.divide(2)).multiply(2).cast(DataTypes.IntegerType);
    }

    private static Column sizeBucket(Column size) {
        return when(size.gt(LARGEST_SIZE_SHOWN), lit(">" + LARGEST_SIZE_SHOWN))
                .otherwise(size.cast(DataTypes.StringType));
    }

    /**
     * Per group of records: RECORDS (category: the group), SHARE_LINKED_TO_POLICE_OR_COURT (a record counts when
     * another record of its person comes from police/outcomes or courts/convictions; category: the group) and
     * RECORDS_BY_CLUSTER_SIZE (the share of the group's records in persons of each size; category: the size). One
     * join of the records with their person's figures and one aggregation over (dimension, group, size).
     */
    static Dataset<Row> byGroup(Dataset<Row> recordPerson, String personKey, Dataset<Row> persons) {
        Column linked =
                col(JUSTICE_RECORDS).minus(when(isJustice(), 1).otherwise(0)).gt(0);
        Dataset<Row> cells = recordPerson
                .join(persons.select(col(personKey), col(SIZE), col(JUSTICE_RECORDS)), personKey)
                .select(
                        explode(RecordGroups.groupsOf(recordPerson.columns())).as("x"),
                        sizeBucket(col(SIZE)).as("size"),
                        when(linked, 1L).otherwise(0L).as("linked"))
                .groupBy(col("x.d").as(DIMENSION), col("x.g").as(GROUP_NAME), col("size"))
                .agg(count(lit(1)).as("n"), sum(col("linked")).as("linked"));
        Dataset<Row> totals = cells.groupBy(DIMENSION, GROUP_NAME)
                .agg(sum(col("n")).as("total"), sum(col("linked")).as("linked"));
        Dataset<Row> records = totals.select(
                lit("RECORDS").as(METRIC),
                col(GROUP_NAME).as(CATEGORY),
                col("total").cast(DataTypes.DoubleType).as(VALUE),
                col(DIMENSION),
                col(GROUP_NAME));
        Dataset<Row> share = totals.select(
                lit("SHARE_LINKED_TO_POLICE_OR_COURT").as(METRIC),
                col(GROUP_NAME).as(CATEGORY),
                col("linked").divide(col("total")).as(VALUE),
                col(DIMENSION),
                col(GROUP_NAME));
        Dataset<Row> bySize = cells.join(
                        totals.select(DIMENSION, GROUP_NAME, "total"), new String[] {DIMENSION, GROUP_NAME})
                .select(
                        lit("RECORDS_BY_CLUSTER_SIZE").as(METRIC),
                        col("size").as(CATEGORY),
                        col("n").divide(col("total")).as(VALUE),
                        col(DIMENSION),
                        col(GROUP_NAME));
        return records.unionByName(share).unionByName(bySize);
    }

    private static Column isJustice() {
        return concat_ws("/", col(RecordPersonColumns.AGENCY), col(RecordPersonColumns.DATASET))
                .isin("police/outcomes", "courts/convictions");
    }
}
