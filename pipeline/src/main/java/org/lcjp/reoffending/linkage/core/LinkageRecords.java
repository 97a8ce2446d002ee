package org.lcjp.reoffending.linkage.core;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.bit_count;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.settings.LinkageSettings;

/**
 * One row per staged record of every dataset, reduced to what linkage compares: tokens, Bloom filters as one
 * column per 64-bit word with their set-bit count (so Dice is plain generated code, no higher-order functions),
 * and scope-qualified person references (name term frequencies are added to the identity profiles,
 * {@link #withTermFrequencies}). A dataset lacking a token column gets nulls.
 * Tokens (64-hex keyed hashes) are carried as their 64-bit xxhash inside linkage: equality is all linkage asks of
 * them, and a long is an eighth of the bytes to shuffle, group and compare (two distinct values of one column
 * collide with probability about n^2 / 2^65, some 3e-8 for a million values). Each record gets a long rid.
 */
public final class LinkageRecords {
    static final List<String> STRING_TOKENS = StagedColumns.LINKED_TOKENS;
    static final List<String> BLOOMS = List.of(StagedColumns.FORENAME_BLOOM, StagedColumns.SURNAME_BLOOM);

    private final LinkageSettings settings;
    private final int bloomWords;
    private final RecordGroups groups;

    /** @param bloomWords 64-bit words per stored Bloom filter (PseudonymiseSettings.storedBloomBits / 64) */
    public LinkageRecords(LinkageSettings settings, int bloomWords) {
        this(settings, bloomWords, RecordGroups.none());
    }

    /** @param groups the record's groups for the quality breakdowns (sex, ethnicity, age band), carried, never compared */
    public LinkageRecords(LinkageSettings settings, int bloomWords, RecordGroups groups) {
        this.settings = settings;
        this.bloomWords = bloomWords;
        this.groups = groups;
    }

    /** Staged tables by dataset (absent datasets left out) to linkage records, tf columns included. Runs one Spark job. */
    public Dataset<Row> apply(Map<DatasetId, Dataset<Row>> staged) {
        if (staged.isEmpty()) {
            throw new IllegalArgumentException("Cannot link records: no staged dataset given");
        }
        List<ExtraField> extras = ExtraField.discover(staged.values());
        Dataset<Row> all = null;
        for (Map.Entry<DatasetId, Dataset<Row>> e : staged.entrySet()) {
            Dataset<Row> one = narrow(e.getKey(), e.getValue(), extras);
            all = all == null ? one : all.unionByName(one);
        }
        // Materialised once in compact form: the staged tables (wide hex strings) are read a single time, and the
        // rids are fixed before anything else reads them.
        // Two tasks a core from here on: every later scan of the records and profiles is a task per partition, and
        // the staged tables' many small files would otherwise make a dozen tiny tasks of each.
        int partitions = Math.max(1, 2 * all.sparkSession().sparkContext().defaultParallelism());
        return all.coalesce(partitions)
                .withColumn(LinkageColumns.RID, monotonically_increasing_id())
                .localCheckpoint();
    }

    /** The columns two records must share to be one identity profile (everything compared, nothing about the row). */
    public static List<String> comparedColumns(Dataset<Row> records) {
        List<String> rowColumns = new ArrayList<>(List.of(
                LinkageColumns.RID,
                LinkageColumns.RECORD_KEY,
                StagedColumns.AGENCY,
                StagedColumns.DATASET,
                StagedColumns.RECORD_ID,
                LinkageColumns.PERSON_REFS));
        rowColumns.addAll(RecordGroups.DIMENSIONS.values());
        return Arrays.stream(records.columns())
                .filter(c -> !rowColumns.contains(c))
                .toList();
    }

    /** The 64-bit xxhash of a token, null kept null. */
    static Column compact(Column token) {
        return when(token.isNotNull(), xxhash64(token));
    }

    private Dataset<Row> narrow(DatasetId id, Dataset<Row> staged, List<ExtraField> extras) {
        List<String> present = Arrays.asList(staged.columns());
        List<Column> out = new ArrayList<>();
        // The dataset's own agency and name as constants: every row of its staged table holds them.
        out.add(concat(lit(id.path() + "/"), col(StagedColumns.RECORD_ID)).as(LinkageColumns.RECORD_KEY));
        out.add(lit(id.agency()).as(StagedColumns.AGENCY));
        out.add(lit(id.dataset()).as(StagedColumns.DATASET));
        out.add(col(StagedColumns.RECORD_ID));
        out.addAll(groups.columns(present));
        for (String c : STRING_TOKENS) {
            Column v = present.contains(c)
                    ? col(c).cast(DataTypes.StringType)
                    : lit(null).cast(DataTypes.StringType);
            if (c.equals(StagedColumns.SEX)) {
                v = when(v.isin("M", "F"), v); // U says nothing about the person
            }
            out.add(compact(v).as(c));
        }
        List<String> blooms = new ArrayList<>(BLOOMS);
        for (ExtraField x : extras) {
            out.add(compact(
                            present.contains(x.token())
                                    ? col(x.token()).cast(DataTypes.StringType)
                                    : lit(null).cast(DataTypes.StringType))
                    .as(x.token()));
            if (x.fuzzy()) {
                blooms.add(x.bloom());
            }
        }
        for (String b : blooms) {
            Column bits = lit(0);
            for (int i = 0; i < bloomWords; i++) {
                Column word = present.contains(b)
                        ? expr("get(" + b + ", " + i + ")")
                        : lit(null).cast(DataTypes.LongType);
                out.add(word.as(LinkageColumns.bloomWord(b, i)));
                bits = bits.plus(coalesce(bit_count(word), lit(0)));
            }
            out.add(bits.as(LinkageColumns.bloomBits(b)));
        }
        List<Column> refs = new ArrayList<>();
        for (String ref : settings.personReferences()) {
            String column = ref + StagedColumns.REF_TOKEN_SUFFIX;
            if (present.contains(column)) {
                String scope = settings.sharedReferences().contains(ref) ? "*" : id.path();
                refs.add(compact(when(col(column).isNotNull(), concat_ws("|", lit(scope), lit(ref), col(column)))));
            }
        }
        // concat of one-element arrays rather than array_compact: array_compact is a higher-order function, which
        // Spark evaluates interpreted, and it took the whole record projection with it.
        Column none = lit(null).cast(DataTypes.createArrayType(DataTypes.LongType));
        out.add(
                refs.isEmpty()
                        ? none.as(LinkageColumns.PERSON_REFS)
                        : concat(refs.stream()
                                        .map(r -> when(r.isNotNull(), array(r))
                                                .otherwise(array().cast(DataTypes.createArrayType(DataTypes.LongType))))
                                        .toArray(Column[]::new))
                                .as(LinkageColumns.PERSON_REFS));
        return staged.select(out.toArray(Column[]::new));
    }

    /**
     * The name term frequencies as columns forename_tf and surname_tf: the share of all name tokens (forenames and
     * surnames pooled, as names are compared across the two for swaps) that are this one, counting records, each
     * row standing for `weight` records (a long column: identity profiles count their records). The frequency table
     * has one row per distinct name, small beside the rows, so it is broadcast.
     */
    public static Dataset<Row> withTermFrequencies(Dataset<Row> rows, Column weight) {
        Dataset<Row> names = rows.select(col(StagedColumns.FORENAME_TOKEN).as("v"), weight.as("n"))
                .union(rows.select(col(StagedColumns.SURNAME_TOKEN).as("v"), weight.as("n")))
                .where(col("v").isNotNull());
        Dataset<Row> counts = names.groupBy("v").agg(sum(col("n")).as("n"));
        Dataset<Row> tf = counts.crossJoin(broadcast(counts.agg(sum(col("n")).as("total"))))
                .select(col("v").as("tf_value"), col("n").divide(col("total")).as("tf"));
        Dataset<Row> out = rows;
        for (String[] t : new String[][] {
            {StagedColumns.FORENAME_TOKEN, LinkageColumns.FORENAME_TF},
            {StagedColumns.SURNAME_TOKEN, LinkageColumns.SURNAME_TF}
        }) {
            Dataset<Row> one = broadcast(tf.select(col("tf_value"), col("tf").as(t[1])));
            out = out.join(one, out.col(t[0]).equalTo(one.col("tf_value")), "left")
                    .drop("tf_value");
        }
        return out;
    }
}
