package org.lcjp.reoffending.jobs;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.needs.CheckpointActivity;
import org.lcjp.reoffending.needs.CheckpointActivityRow;

/** checkpoint_activity (methodology.md section 10): referrals, decisions and completion per year; needs checkpoint/referrals. */
final class CheckpointActivityTable implements ServiceTable {
    static final String NAME = "checkpoint_activity";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DatasetId source() {
        return Datasets.CHECKPOINT_REFERRALS;
    }

    @Override
    public Dataset<Row> build(ServiceInputs in, Dataset<Row> referrals) {
        List<CheckpointActivityRow> rows = new CheckpointActivity(
                        in.context().settings().comparison().confidence())
                .build(referrals, in.recordPerson(), in.coverage(List.of(Datasets.CHECKPOINT_REFERRALS)));
        return in.frame(rows, CheckpointActivityRow::toRow, CheckpointActivityRow.SCHEMA);
    }
}
