package org.lcjp.reoffending.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;

/** Staged tables differ in which optional identity columns they carry (ethnicity, postcode): read them uniformly. */
public final class StagedTables {
    private static final StructType PROVENANCE = new StructType()
            .add("agency", DataTypes.StringType)
            .add("dataset", DataTypes.StringType)
            .add("record_id", DataTypes.StringType)
            .add("sex", DataTypes.StringType)
            .add("event_date", DataTypes.DateType)
            .add("dob_cipher", DataTypes.BinaryType);

    /** The columns the measures read from each dataset: the schema of an absent staged table, read as empty. */
    private static final Map<DatasetId, StructType> READ = Map.of(
            Datasets.COURTS_CONVICTIONS,
                    PROVENANCE
                            .add("postcode_district", DataTypes.StringType)
                            .add("offence_code", DataTypes.StringType)
                            .add("offence_date", DataTypes.DateType)
                            .add("conviction_date", DataTypes.DateType)
                            .add("disposal", DataTypes.StringType)
                            .add("custody_months", DataTypes.DoubleType),
            Datasets.POLICE_OUTCOMES,
                    PROVENANCE
                            .add("postcode_district", DataTypes.StringType)
                            .add("ethnicity", DataTypes.StringType)
                            .add("offence_code", DataTypes.StringType)
                            .add("offence_date", DataTypes.DateType)
                            .add("outcome_date", DataTypes.DateType)
                            .add("outcome_type", DataTypes.StringType),
            Datasets.YOS_OUTCOMES,
                    PROVENANCE
                            .add("postcode_district", DataTypes.StringType)
                            .add("ethnicity", DataTypes.StringType)
                            .add("offence_code", DataTypes.StringType)
                            .add("offence_date", DataTypes.DateType)
                            .add("outcome_date", DataTypes.DateType)
                            .add("outcome_type", DataTypes.StringType),
            Datasets.PRISONS_RELEASES,
                    PROVENANCE
                            .add("release_date", DataTypes.DateType)
                            .add("release_type", DataTypes.StringType)
                            .add("sentence_months", DataTypes.DoubleType));

    private StagedTables() {}

    /** What an absent staged table reads as: no rows, the columns the measures use (provenance only for others). */
    public static StructType emptySchema(DatasetId id) {
        return READ.getOrDefault(id, PROVENANCE);
    }

    /** The column when the table has it, else a typed null. */
    public static Column optional(Dataset<Row> table, String column, DataType type) {
        return Arrays.asList(table.columns()).contains(column)
                ? col(column).cast(type)
                : lit(null).cast(type);
    }
}
