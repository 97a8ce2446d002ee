package org.lcjp.reoffending.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;

/** Staged tables differ in which optional identity columns they carry (ethnicity, postcode): read them uniformly. */
public final class StagedTables {
    private StagedTables() {
    }

    /** The column when the table has it, else a typed null. */
    public static Column optional(Dataset<Row> table, String column, DataType type) {
        return Arrays.asList(table.columns()).contains(column) ? col(column).cast(type) : lit(null).cast(type);
    }
}
