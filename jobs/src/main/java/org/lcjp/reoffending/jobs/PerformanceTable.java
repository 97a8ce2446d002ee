package org.lcjp.reoffending.jobs;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.reports.performance.PerformanceRow;
import org.lcjp.reoffending.spark.JobDescriptions;

/** The published {@code performance} table (schema in the README): one row per measure and period. */
final class PerformanceTable {
    static final StructType SCHEMA = new StructType()
            .add("measure_id", DataTypes.StringType, false)
            .add("title", DataTypes.StringType, false)
            .add("source_table", DataTypes.StringType, false)
            .add("filters", DataTypes.StringType)
            .add("period", DataTypes.StringType)
            .add("period_start", DataTypes.DateType)
            .add("period_end", DataTypes.DateType)
            .add("status", DataTypes.StringType)
            .add("value", DataTypes.DoubleType)
            .add("numerator", DataTypes.DoubleType)
            .add("denominator", DataTypes.DoubleType)
            .add("target", DataTypes.DoubleType, false)
            .add("direction", DataTypes.StringType, false)
            .add("amber_tolerance", DataTypes.DoubleType, false)
            .add("rag", DataTypes.StringType)
            .add("previous_period", DataTypes.StringType)
            .add("change_on_year", DataTypes.DoubleType)
            .add("change_on_year_ci_low", DataTypes.DoubleType)
            .add("change_on_year_ci_high", DataTypes.DoubleType)
            .add("change_on_year_significant", DataTypes.BooleanType)
            .add("baseline_period", DataTypes.StringType)
            .add("change_on_baseline", DataTypes.DoubleType)
            .add("change_on_baseline_ci_low", DataTypes.DoubleType)
            .add("change_on_baseline_ci_high", DataTypes.DoubleType)
            .add("change_on_baseline_significant", DataTypes.BooleanType)
            .add("statistic", DataTypes.StringType)
            .add("format", DataTypes.StringType)
            .add("availability", DataTypes.StringType, false)
            .add("note", DataTypes.StringType);

    private PerformanceTable() {}

    static long write(SparkSession spark, List<PerformanceRow> rows, String path) {
        List<Row> out = new ArrayList<>();
        for (PerformanceRow r : rows) {
            out.add(RowFactory.create(
                    r.measureId(),
                    r.title(),
                    r.sourceTable(),
                    r.filters(),
                    r.period(),
                    r.periodStart() == null ? null : Date.valueOf(r.periodStart()),
                    r.periodEnd() == null ? null : Date.valueOf(r.periodEnd()),
                    r.status(),
                    r.value(),
                    r.numerator(),
                    r.denominator(),
                    r.target(),
                    r.direction(),
                    r.amberTolerance(),
                    r.rag(),
                    r.previousPeriod(),
                    r.changeOnYear(),
                    r.changeOnYearCiLow(),
                    r.changeOnYearCiHigh(),
                    r.changeOnYearSignificant(),
                    r.baselinePeriod(),
                    r.changeOnBaseline(),
                    r.changeOnBaselineCiLow(),
                    r.changeOnBaselineCiHigh(),
                    r.changeOnBaselineSignificant(),
                    r.statistic(),
                    r.format(),
                    r.availability(),
                    r.note()));
        }
        JobDescriptions.describe(spark, PanelPackJob.NAME, "writing performance", () -> {
            spark.createDataFrame(out, SCHEMA)
                    .coalesce(1)
                    .write()
                    .mode(SaveMode.Overwrite)
                    .parquet(path);
            return null;
        });
        return out.size();
    }
}
