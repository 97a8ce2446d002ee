package org.lcjp.reoffending.needs;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One row of the published iom_reach table (README). */
public record IomReachRow(
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        String route,
        String localAuthority,
        long highestRiskAdults,
        long onIom,
        Double shareOnIom,
        Double ciLow,
        Double ciHigh,
        String status,
        String statusReason) {
    public static final StructType SCHEMA = new StructType()
            .add("period", DataTypes.StringType, false)
            .add("period_start", DataTypes.DateType, false)
            .add("period_end", DataTypes.DateType, false)
            .add("route", DataTypes.StringType, false)
            .add("local_authority", DataTypes.StringType, false)
            .add("highest_risk_adults", DataTypes.LongType, false)
            .add("on_iom", DataTypes.LongType, false)
            .add("share_on_iom", DataTypes.DoubleType, true)
            .add("ci_low", DataTypes.DoubleType, true)
            .add("ci_high", DataTypes.DoubleType, true)
            .add("status", DataTypes.StringType, false)
            .add("status_reason", DataTypes.StringType, true);

    public Row toRow() {
        return RowFactory.create(
                period,
                Date.valueOf(periodStart),
                Date.valueOf(periodEnd),
                route,
                localAuthority,
                highestRiskAdults,
                onIom,
                shareOnIom,
                ciLow,
                ciHigh,
                status,
                statusReason);
    }
}
