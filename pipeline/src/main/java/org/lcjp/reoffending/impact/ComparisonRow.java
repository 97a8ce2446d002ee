package org.lcjp.reoffending.impact;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row of the published cohort_comparison table (README). Nulls where not applicable. {@code period} is a
 * financial year ({@code FY2018-19}, with cohortStart/cohortEnd its first and last day) or {@code POOLED} (every
 * financial year together; cohortStart/cohortEnd null).
 */
public record ComparisonRow(
        String comparison,
        String period,
        LocalDate cohortStart,
        LocalDate cohortEnd,
        String method,
        String groupName,
        String subgroup,
        String measure,
        long people,
        Double value,
        Double ciLow,
        Double ciHigh,
        String referenceGroup,
        Double difference,
        Double differenceCiLow,
        Double differenceCiHigh,
        Double pValue,
        Boolean significant,
        Long sampleSizeNeeded,
        String status,
        String note) {
    public static final String DIVERSION = "DIVERSION";
    public static final String SEX = "SEX";
    public static final String NEEDS = "NEEDS";
    public static final String IOM = "IOM";
    public static final String RJ = "RJ";
    public static final String POOLED = "POOLED";
    public static final String OBSERVED = "OBSERVED";
    public static final String MATCHED = "MATCHED";
    public static final String ALL = "ALL";
    public static final String REOFFENDING_RATE = "REOFFENDING_RATE";
    public static final String REOFFENCES_PER_OFFENDER = "REOFFENCES_PER_OFFENDER";
    public static final String DAYS_TO_FIRST_REOFFENCE = "DAYS_TO_FIRST_REOFFENCE";
    public static final String NEED_SHARE = "NEED_SHARE";
    public static final String OK = "OK";
    public static final String TOO_SMALL = "TOO_SMALL";

    public static final StructType SCHEMA = new StructType()
            .add("comparison", DataTypes.StringType, false)
            .add("period", DataTypes.StringType, false)
            .add("cohort_start", DataTypes.DateType, true)
            .add("cohort_end", DataTypes.DateType, true)
            .add("method", DataTypes.StringType, false)
            .add("group_name", DataTypes.StringType, false)
            .add("subgroup", DataTypes.StringType, false)
            .add("measure", DataTypes.StringType, false)
            .add("people", DataTypes.LongType, false)
            .add("value", DataTypes.DoubleType, true)
            .add("ci_low", DataTypes.DoubleType, true)
            .add("ci_high", DataTypes.DoubleType, true)
            .add("reference_group", DataTypes.StringType, true)
            .add("difference", DataTypes.DoubleType, true)
            .add("difference_ci_low", DataTypes.DoubleType, true)
            .add("difference_ci_high", DataTypes.DoubleType, true)
            .add("p_value", DataTypes.DoubleType, true)
            .add("significant", DataTypes.BooleanType, true)
            .add("sample_size_needed", DataTypes.LongType, true)
            .add("status", DataTypes.StringType, false)
            .add("note", DataTypes.StringType, true);

    public Row toRow() {
        return RowFactory.create(
                comparison,
                period,
                date(cohortStart),
                date(cohortEnd),
                method,
                groupName,
                subgroup,
                measure,
                people,
                finite(value),
                finite(ciLow),
                finite(ciHigh),
                referenceGroup,
                finite(difference),
                finite(differenceCiLow),
                finite(differenceCiHigh),
                finite(pValue),
                significant,
                sampleSizeNeeded,
                status,
                note);
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    /** NaN (undefined, e.g. a mean of nobody) is published as null. */
    private static Double finite(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? null : d;
    }
}
