package org.lcjp.reoffending.jobs;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
    public Optional<Dataset<Row>> build(SparkSession spark, RunContext context) {
        ServiceInputs in = new ServiceInputs(spark, context);
        return in.staged(Datasets.CHECKPOINT_REFERRALS).map(referrals -> {
            List<CheckpointActivityRow> rows = new CheckpointActivity(context.settings().comparison().confidence())
                    .build(referrals, in.recordPerson(), in.coverage(List.of(Datasets.CHECKPOINT_REFERRALS)));
            return spark.createDataFrame(rows.stream().map(CheckpointActivityRow::toRow).toList(), CheckpointActivityRow.SCHEMA);
        });
    }
}
