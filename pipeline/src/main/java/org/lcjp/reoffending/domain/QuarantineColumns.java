package org.lcjp.reoffending.domain;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code warehouse/quarantine}: one row per problem that rejects a row (a row may break several rules). Values are
 * never copied in clear: messages show a value's shape (letters A/a, digits 9) wherever it could identify someone.
 * Stored partitioned by agency, dataset and extract_date, i.e. one partition per delivered file.
 */
public final class QuarantineColumns {
    public static final String SOURCE_FILE = "source_file";
    public static final String LINE = "line";
    public static final String COLUMN = "column";
    public static final String RULE = "rule";
    public static final String MESSAGE = "message";
    public static final String AGENCY = "agency";
    public static final String DATASET = "dataset";
    public static final String RECORD_ID = "record_id";
    public static final String EXTRACT_DATE = "extract_date";

    public static final StructType SCHEMA = new StructType()
            .add(SOURCE_FILE, DataTypes.StringType, false)
            .add(LINE, DataTypes.LongType, false)
            .add(COLUMN, DataTypes.StringType, true)
            .add(RULE, DataTypes.StringType, false)
            .add(MESSAGE, DataTypes.StringType, false)
            .add(AGENCY, DataTypes.StringType, false)
            .add(DATASET, DataTypes.StringType, false)
            .add(RECORD_ID, DataTypes.StringType, true)
            .add(EXTRACT_DATE, DataTypes.DateType, false);

    private QuarantineColumns() {}
}
