package org.lcjp.reoffending.impact;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row of the published iom_pre_post table (README). Nulls where not applicable. {@code period} as in
 * cohort_comparison; {@code category} the IOM category (FIXED, FLEX, FREE) or ALL; {@code matchedShare} on IOM rows
 * the share of the group's adopted people who found a comparison partner.
 */
public record IomPrePostRow(
        String period,
        String category,
        String groupName,
        String measure,
        long people,
        Double matchedShare,
        Double beforeTotal,
        Double afterTotal,
        Double beforeMean,
        Double afterMean,
        Double changeMean,
        Double changeCiLow,
        Double changeCiHigh,
        Double did,
        Double didCiLow,
        Double didCiHigh,
        Double pValue,
        String status,
        String note) {
    public static final String PROVEN_OFFENCES = "PROVEN_OFFENCES";
    public static final String HARM_DAYS = "HARM_DAYS";

    public static final StructType SCHEMA = new StructType()
            .add("period", DataTypes.StringType, false)
            .add("category", DataTypes.StringType, false)
            .add("group_name", DataTypes.StringType, false)
            .add("measure", DataTypes.StringType, false)
            .add("people", DataTypes.LongType, false)
            .add("matched_share", DataTypes.DoubleType, true)
            .add("before_total", DataTypes.DoubleType, true)
            .add("after_total", DataTypes.DoubleType, true)
            .add("before_mean", DataTypes.DoubleType, true)
            .add("after_mean", DataTypes.DoubleType, true)
            .add("change_mean", DataTypes.DoubleType, true)
            .add("change_ci_low", DataTypes.DoubleType, true)
            .add("change_ci_high", DataTypes.DoubleType, true)
            .add("did", DataTypes.DoubleType, true)
            .add("did_ci_low", DataTypes.DoubleType, true)
            .add("did_ci_high", DataTypes.DoubleType, true)
            .add("p_value", DataTypes.DoubleType, true)
            .add("status", DataTypes.StringType, false)
            .add("note", DataTypes.StringType, true);

    public Row toRow() {
        return RowFactory.create(
                period,
                category,
                groupName,
                measure,
                people,
                f(matchedShare),
                f(beforeTotal),
                f(afterTotal),
                f(beforeMean),
                f(afterMean),
                f(changeMean),
                f(changeCiLow),
                f(changeCiHigh),
                f(did),
                f(didCiLow),
                f(didCiHigh),
                f(pValue),
                status,
                note);
    }

    private static Double f(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? null : d;
    }
}
