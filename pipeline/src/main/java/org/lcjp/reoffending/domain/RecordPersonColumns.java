package org.lcjp.reoffending.domain;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** {@code warehouse/linkage/record_person}: which person every staged record belongs to (outputs.md). */
public final class RecordPersonColumns {
    public static final String AGENCY = "agency";
    public static final String DATASET = "dataset";
    public static final String RECORD_ID = "record_id";
    public static final String PERSON_ID = "person_id";
    public static final String MATCH_METHOD = "match_method";
    public static final String MATCH_PROBABILITY = "match_probability";

    public static final StructType SCHEMA = new StructType()
            .add(AGENCY, DataTypes.StringType, false)
            .add(DATASET, DataTypes.StringType, false)
            .add(RECORD_ID, DataTypes.StringType, false)
            .add(PERSON_ID, DataTypes.StringType, false)
            .add(MATCH_METHOD, DataTypes.StringType, false)
            .add(MATCH_PROBABILITY, DataTypes.DoubleType, true);

    private RecordPersonColumns() {}
}
