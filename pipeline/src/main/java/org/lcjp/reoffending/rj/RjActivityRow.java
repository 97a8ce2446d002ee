package org.lcjp.reoffending.rj;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One row of the published rj_activity table (README, "rj_activity"): one measure and category in one year. */
public record RjActivityRow(
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        String measure,
        String category,
        long count,
        Long denominator,
        Double value,
        Double ciLow,
        Double ciHigh,
        String status,
        String note) {
    public static final StructType SCHEMA = new StructType()
            .add("period", DataTypes.StringType, false)
            .add("period_start", DataTypes.DateType, false)
            .add("period_end", DataTypes.DateType, false)
            .add("measure", DataTypes.StringType, false)
            .add("category", DataTypes.StringType, false)
            .add("count", DataTypes.LongType, false)
            .add("denominator", DataTypes.LongType, true)
            .add("value", DataTypes.DoubleType, true)
            .add("ci_low", DataTypes.DoubleType, true)
            .add("ci_high", DataTypes.DoubleType, true)
            .add("status", DataTypes.StringType, false)
            .add("note", DataTypes.StringType, true);

    public Row toRow() {
        return RowFactory.create(
                period,
                Date.valueOf(periodStart),
                Date.valueOf(periodEnd),
                measure,
                category,
                count,
                denominator,
                finite(value),
                finite(ciLow),
                finite(ciHigh),
                status,
                note);
    }

    private static Double finite(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? null : d;
    }
}
