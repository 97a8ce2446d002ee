package org.lcjp.reoffending.needs;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One row of the published checkpoint_activity table (README). */
public record CheckpointActivityRow(
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        long referrals,
        long peopleReferred,
        long eligible,
        long diverted,
        long prosecuted,
        long contractsEnded,
        long completed,
        long contractsOpen,
        Double completionRate,
        Double completionCiLow,
        Double completionCiHigh,
        Double meanContractDays,
        String status,
        String statusReason) {
    public static final StructType SCHEMA = new StructType()
            .add("period", DataTypes.StringType, false)
            .add("period_start", DataTypes.DateType, false)
            .add("period_end", DataTypes.DateType, false)
            .add("referrals", DataTypes.LongType, false)
            .add("people_referred", DataTypes.LongType, false)
            .add("eligible", DataTypes.LongType, false)
            .add("diverted", DataTypes.LongType, false)
            .add("prosecuted", DataTypes.LongType, false)
            .add("contracts_ended", DataTypes.LongType, false)
            .add("completed", DataTypes.LongType, false)
            .add("contracts_open", DataTypes.LongType, false)
            .add("completion_rate", DataTypes.DoubleType, true)
            .add("completion_ci_low", DataTypes.DoubleType, true)
            .add("completion_ci_high", DataTypes.DoubleType, true)
            .add("mean_contract_days", DataTypes.DoubleType, true)
            .add("status", DataTypes.StringType, false)
            .add("status_reason", DataTypes.StringType, true);

    public Row toRow() {
        return RowFactory.create(
                period,
                Date.valueOf(periodStart),
                Date.valueOf(periodEnd),
                referrals,
                peopleReferred,
                eligible,
                diverted,
                prosecuted,
                contractsEnded,
                completed,
                contractsOpen,
                completionRate,
                completionCiLow,
                completionCiHigh,
                meanContractDays,
                status,
                statusReason);
    }
}
