package org.lcjp.reoffending.linkage.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.io.Sha256;
import org.lcjp.reoffending.linkage.core.LinkageColumns;

/**
 * A hash of what a model was trained on: every record's compared (pseudonymised) columns, independent of row order
 * and partitioning. Each identity profile's two hashes (64 and 32 bits) of its columns and their null pattern, times
 * the records it stands for, are summed exactly (as decimals), then the sums and counts go through SHA-256. Equal
 * inputs under one key give equal hashes; the hash says nothing of any value. One aggregation over the profiles.
 */
public final class TrainingInput {
    private TrainingInput() {}

    /** nodes: node, records and the compared columns (the identity profiles). */
    public static String hash(Dataset<Row> nodes, List<String> comparedColumns) {
        Column[] cols = comparedColumns.stream().map(c -> col(c)).toArray(Column[]::new);
        Column nulls = lit("");
        for (String c : comparedColumns) {
            nulls = org.apache.spark.sql.functions.concat(
                    nulls,
                    org.apache
                            .spark
                            .sql
                            .functions
                            .when(col(c).isNull(), lit("0"))
                            .otherwise(lit("1")));
        }
        Column[] withNulls = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(cols), java.util.stream.Stream.of(nulls))
                .toArray(Column[]::new);
        // Each term is below 10^19 x the profile's records, so the sums stay far inside 38 digits for any real input.
        Column records = col(LinkageColumns.RECORDS).cast(DataTypes.createDecimalType(12, 0));
        Row r = nodes.agg(
                        count(lit(1)),
                        sum(col(LinkageColumns.RECORDS)),
                        sum(xxhash64(withNulls)
                                .cast(DataTypes.createDecimalType(20, 0))
                                .multiply(records)),
                        sum(org.apache
                                .spark
                                .sql
                                .functions
                                .hash(withNulls)
                                .cast(DataTypes.createDecimalType(20, 0))
                                .multiply(records)))
                .first();
        String text = String.join(
                "|",
                String.valueOf(r.get(0)),
                String.valueOf(r.get(1)),
                String.valueOf(r.get(2)),
                String.valueOf(r.get(3)),
                String.join(",", comparedColumns));
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
