package org.lcjp.reoffending.needs;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.lcjp.reoffending.measures.MeasureColumns.PERSON_ID;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.impact.ComparisonStatistics;
import org.lcjp.reoffending.measures.FinancialYear;

/**
 * Checkpoint activity per financial year of the decision (methodology.md section 10): referrals (rows of
 * checkpoint/referrals in force), the people referred, eligible, diverted and prosecuted referrals, and of the
 * diverted referrals whose contract has ended (completion COMPLETED or FAILED) the share COMPLETED, with the mean
 * contract length where both its dates are given. A year is FINAL once its last contracts can have ended (four
 * months, extracts.md) within the data.
 */
public final class CheckpointActivity {
    /** extracts.md, checkpoint/referrals: a contract lasts four months. */
    static final int CONTRACT_MONTHS = 4;

    static final String DECISION_DATE = "decision_date";

    private final ComparisonStatistics stats;

    /** @param confidence of the intervals (comparison.confidence) */
    public CheckpointActivity(double confidence) {
        this.stats = new ComparisonStatistics(confidence, 0.8);
    }

    /** @param referrals staged checkpoint/referrals; recordPerson only counts the people (unlinked rows count as none) */
    public List<CheckpointActivityRow> build(Dataset<Row> referrals, Dataset<Row> recordPerson, Coverage coverage) {
        Dataset<Row> people = recordPerson
                .filter(col(RecordPersonColumns.AGENCY)
                        .equalTo(Datasets.CHECKPOINT_REFERRALS.agency())
                        .and(col(RecordPersonColumns.DATASET).equalTo(Datasets.CHECKPOINT_REFERRALS.dataset())))
                .select(col(RecordPersonColumns.RECORD_ID).as("_rid"), col(RecordPersonColumns.PERSON_ID));
        Column diverted = col("decision").equalTo("DIVERTED");
        Column finished = coalesce(col("completion"), lit("")).isin("COMPLETED", "FAILED");
        Column ended = diverted.and(finished);
        Dataset<Row> years = referrals
                .drop(PERSON_ID)
                .join(people, col(Datasets.RECORD_ID).equalTo(col("_rid")), "left")
                .withColumn(ProvisionGaps.PERIOD_START, FinancialYear.start(col(DECISION_DATE)))
                .groupBy(ProvisionGaps.PERIOD_START)
                .agg(
                        count(lit(1)).as("referrals"),
                        countDistinct(col(PERSON_ID)).as("people"),
                        flagged(col("eligible").equalTo("Y")).as("eligible"),
                        flagged(diverted).as("diverted"),
                        flagged(col("decision").equalTo("PROSECUTED")).as("prosecuted"),
                        flagged(ended).as("ended"),
                        flagged(ended.and(col("completion").equalTo("COMPLETED")))
                                .as("completed"),
                        flagged(diverted.and(not(finished))).as("open"),
                        avg(when(ended, datediff(col("contract_end"), col("contract_start"))))
                                .as("days"));
        List<CheckpointActivityRow> out = new ArrayList<>();
        for (Row r : years.collectAsList()) {
            FinancialYear fy = FinancialYear.of(Dates.local(r.getAs(ProvisionGaps.PERIOD_START)));
            Coverage.Status status =
                    coverage.status(fy.end().plusMonths(CONTRACT_MONTHS), List.of(Datasets.CHECKPOINT_REFERRALS));
            long endedCount = r.getAs("ended");
            long completed = r.getAs("completed");
            Share completion = Share.of(completed, endedCount, stats);
            out.add(new CheckpointActivityRow(
                    fy.label(),
                    fy.start(),
                    fy.end(),
                    r.getAs("referrals"),
                    r.getAs("people"),
                    r.getAs("eligible"),
                    r.getAs("diverted"),
                    r.getAs("prosecuted"),
                    endedCount,
                    completed,
                    r.getAs("open"),
                    completion.value(),
                    completion.low(),
                    completion.high(),
                    r.getAs("days"),
                    status.status(),
                    status.reason()));
        }
        out.sort(Comparator.comparing(CheckpointActivityRow::periodStart));
        return out;
    }

    private static Column flagged(Column condition) {
        return sum(when(condition, 1L).otherwise(0L));
    }
}
