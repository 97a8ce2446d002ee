package org.lcjp.reoffending.family;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.impact.ComparisonRow;

/**
 * One row of the published family_offending table (README, "family_offending"): one group's share in one period of
 * one measure set, with its interval and, for a compared group, the difference from the reference group. The
 * statistics come from {@link org.lcjp.reoffending.impact.ComparisonTable}, as in cohort_comparison.
 */
public record FamilyOffendingRow(
        String measureSet,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        String groupName,
        String measure,
        String unit,
        long denominator,
        Long numerator,
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
    /** Children 10-17 on 1 April: the share with a proven offence disposed of in the financial year. */
    public static final String CHILDREN_BY_YEAR = "CHILDREN_BY_YEAR";
    /** Children whose ages 10-17 are all observed, by year of birth: the share with a proven offence at 10-17. */
    public static final String BY_AGE_18 = "BY_AGE_18";
    /** Offenders of a FINAL cohort: the share who are parents, and parents' reoffending against non-parents'. */
    public static final String OFFENDER_PARENTS = "OFFENDER_PARENTS";
    /** Families in which both a parent and a child have a proven offence. */
    public static final String TWO_GENERATIONS = "TWO_GENERATIONS";

    public static final String EXPOSED = "EXPOSED";
    public static final String NOT_EXPOSED = "NOT_EXPOSED";
    public static final String PARENT = "PARENT";
    public static final String NOT_PARENT = "NOT_PARENT";
    public static final String ALL = "ALL";
    public static final String POOLED = "POOLED";

    public static final String OFFENDING_SHARE = "OFFENDING_SHARE";
    public static final String PARENT_SHARE = "PARENT_SHARE";
    public static final String REOFFENDING_RATE = ComparisonRow.REOFFENDING_RATE;
    public static final String TWO_GENERATION_SHARE = "TWO_GENERATION_SHARE";

    public static final String CHILDREN = "CHILDREN";
    public static final String CHILD_YEARS = "CHILD_YEARS";
    public static final String OFFENDERS = "OFFENDERS";
    public static final String OFFENDER_COHORTS = "OFFENDER_COHORTS";
    public static final String FAMILIES = "FAMILIES";

    public static final StructType SCHEMA = new StructType()
            .add("measure_set", DataTypes.StringType, false)
            .add("period", DataTypes.StringType, false)
            .add("period_start", DataTypes.DateType, true)
            .add("period_end", DataTypes.DateType, true)
            .add("group_name", DataTypes.StringType, false)
            .add("measure", DataTypes.StringType, false)
            .add("unit", DataTypes.StringType, false)
            .add("denominator", DataTypes.LongType, false)
            .add("numerator", DataTypes.LongType, true)
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

    /**
     * The row of a measured group: the statistics of {@code c} and the counts behind them. The counts stay when the
     * comparison is TOO_SMALL (value and interval do not): a group's own share still feeds the performance framework,
     * and the pack applies disclosure control to every count.
     */
    static FamilyOffendingRow of(
            String measureSet,
            String period,
            LocalDate start,
            LocalDate end,
            String unit,
            long denominator,
            long numerator,
            ComparisonRow c) {
        return new FamilyOffendingRow(
                measureSet,
                period,
                start,
                end,
                c.groupName(),
                c.measure(),
                unit,
                denominator,
                numerator,
                c.value(),
                c.ciLow(),
                c.ciHigh(),
                ALL.equals(c.referenceGroup()) ? null : c.referenceGroup(),
                c.difference(),
                c.differenceCiLow(),
                c.differenceCiHigh(),
                c.pValue(),
                c.significant(),
                c.sampleSizeNeeded(),
                c.status(),
                c.note());
    }

    public Row toRow() {
        return RowFactory.create(
                measureSet,
                period,
                date(periodStart),
                date(periodEnd),
                groupName,
                measure,
                unit,
                denominator,
                numerator,
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

    private static Double finite(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? null : d;
    }
}
