package org.lcjp.reoffending.needs;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One row of the published needs_and_gaps table (README). Gap columns are null for needs no service is set against. */
public record NeedsAndGapsRow(
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        String localAuthority,
        String sex,
        String need,
        String service,
        long peopleAssessed,
        long peopleWithNeed,
        Double needShare,
        Double needCiLow,
        Double needCiHigh,
        Long peopleWithoutService,
        Double shareWithoutService,
        Double withoutServiceCiLow,
        Double withoutServiceCiHigh,
        String status,
        String statusReason) {
    public static final StructType SCHEMA = new StructType()
            .add("period", DataTypes.StringType, false)
            .add("period_start", DataTypes.DateType, false)
            .add("period_end", DataTypes.DateType, false)
            .add("local_authority", DataTypes.StringType, false)
            .add("sex", DataTypes.StringType, false)
            .add("need", DataTypes.StringType, false)
            .add("service", DataTypes.StringType, true)
            .add("people_assessed", DataTypes.LongType, false)
            .add("people_with_need", DataTypes.LongType, false)
            .add("need_share", DataTypes.DoubleType, true)
            .add("need_ci_low", DataTypes.DoubleType, true)
            .add("need_ci_high", DataTypes.DoubleType, true)
            .add("people_without_service", DataTypes.LongType, true)
            .add("share_without_service", DataTypes.DoubleType, true)
            .add("without_service_ci_low", DataTypes.DoubleType, true)
            .add("without_service_ci_high", DataTypes.DoubleType, true)
            .add("status", DataTypes.StringType, false)
            .add("status_reason", DataTypes.StringType, true);

    public Row toRow() {
        return RowFactory.create(
                period,
                Date.valueOf(periodStart),
                Date.valueOf(periodEnd),
                localAuthority,
                sex,
                need,
                service,
                peopleAssessed,
                peopleWithNeed,
                needShare,
                needCiLow,
                needCiHigh,
                peopleWithoutService,
                shareWithoutService,
                withoutServiceCiLow,
                withoutServiceCiHigh,
                status,
                statusReason);
    }
}
