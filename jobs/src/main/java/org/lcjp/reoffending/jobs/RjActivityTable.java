package org.lcjp.reoffending.jobs;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.impact.ComparisonStatistics;
import org.lcjp.reoffending.rj.RjActivity;
import org.lcjp.reoffending.rj.RjActivityRow;
import org.lcjp.reoffending.settings.ComparisonSettings;

/** rj_activity (methodology.md section 8): what the RJ Hub did per financial year of referral. */
final class RjActivityTable implements ServiceTable {
    static final String NAME = "rj_activity";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Dataset<Row>> build(SparkSession spark, RunContext context) {
        ServiceInputs in = new ServiceInputs(spark, context);
        Optional<Dataset<Row>> referrals = in.staged(Datasets.RJ_REFERRALS);
        if (referrals.isEmpty()) {
            return Optional.empty();
        }
        LocalDate coveredTo = in.coverage(Datasets.RJ_REFERRALS).orElseThrow();
        ComparisonSettings c = context.settings().comparison();
        List<RjActivityRow> rows = new RjActivity(new ComparisonStatistics(c.confidence(), c.power()))
                .build(referrals.get(), coveredTo);
        return Optional.of(spark.createDataFrame(rows.stream().map(RjActivityRow::toRow).toList(), RjActivityRow.SCHEMA));
    }
}
