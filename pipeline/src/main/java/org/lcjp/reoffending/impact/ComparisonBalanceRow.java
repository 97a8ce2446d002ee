package org.lcjp.reoffending.impact;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row of comparison_balance (outputs.md): a covariate's balance in one matched comparison, before and after
 * matching. A mean or SMD that is not finite (an arm without variance) is published as null, never as NaN.
 */
public record ComparisonBalanceRow(String comparison, BalanceTable.Balance balance) {
    public static final StructType SCHEMA = new StructType()
            .add("comparison", DataTypes.StringType, false)
            .add("covariate", DataTypes.StringType, false)
            .add("treated_mean", DataTypes.DoubleType, true)
            .add("control_mean_before", DataTypes.DoubleType, true)
            .add("control_mean_after", DataTypes.DoubleType, true)
            .add("smd_before", DataTypes.DoubleType, true)
            .add("smd_after", DataTypes.DoubleType, true)
            .add("imbalanced_after", DataTypes.BooleanType, false);

    /** The rows of one comparison (ComparisonRow's comparison names), in the balance table's order. */
    public static List<ComparisonBalanceRow> of(String comparison, List<BalanceTable.Balance> balance) {
        return balance.stream()
                .map(b -> new ComparisonBalanceRow(comparison, b))
                .toList();
    }

    public Row toRow() {
        BalanceTable.Balance b = balance;
        return RowFactory.create(
                comparison,
                b.covariate(),
                finite(b.treatedMean()),
                finite(b.controlMeanBefore()),
                finite(b.controlMeanAfter()),
                finite(b.smdBefore()),
                finite(b.smdAfter()),
                b.imbalancedAfter());
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
