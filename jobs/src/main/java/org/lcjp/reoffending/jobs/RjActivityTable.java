package org.lcjp.reoffending.jobs;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.DatasetId;
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
    public DatasetId source() {
        return Datasets.RJ_REFERRALS;
    }

    @Override
    public Dataset<Row> build(ServiceInputs in, Dataset<Row> referrals) {
        LocalDate coveredTo = in.coverage(Datasets.RJ_REFERRALS).orElseThrow();
        ComparisonSettings c = in.context().settings().comparison();
        List<RjActivityRow> rows =
                new RjActivity(new ComparisonStatistics(c.confidence(), c.power())).build(referrals, coveredTo);
        return in.frame(rows, RjActivityRow::toRow, RjActivityRow.SCHEMA);
    }
}
