package org.lcjp.reoffending.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** conf/reference/offences.csv as read with a header and every column a string, typed for the joins. */
public final class OffenceReference {
    public static final String OFFENCE_CODE = "offence_code";
    public static final String OFFENCE_GROUP = "offence_group";
    public static final String IS_BREACH = "is_breach";
    public static final String HARM_DAYS = "harm_days";

    private OffenceReference() {}

    /** Columns _ref_code, _offence_group, _is_breach (boolean), _harm_days (double), named apart from any input's. */
    public static Dataset<Row> normalise(Dataset<Row> offences) {
        return offences.select(
                upper(trim(col(OFFENCE_CODE))).as("_ref_code"),
                trim(col(OFFENCE_GROUP)).as("_offence_group"),
                upper(trim(col(IS_BREACH).cast(DataTypes.StringType)))
                        .equalTo("Y")
                        .as("_is_breach"),
                col(HARM_DAYS)
                        .cast(DataTypes.StringType)
                        .try_cast(DataTypes.DoubleType)
                        .as("_harm_days"));
    }
}
