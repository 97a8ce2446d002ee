package org.lcjp.reoffending.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcjp.reoffending.needs.NeedsFixtures.d;
import static org.lcjp.reoffending.needs.NeedsFixtures.frame;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.RecordPersonColumns;

class CheckpointActivityTest {
    private static final StructType REFERRALS = new StructType()
            .add("record_id", DataTypes.StringType)
            .add("decision_date", DataTypes.DateType)
            .add("eligible", DataTypes.StringType)
            .add("decision", DataTypes.StringType)
            .add("contract_start", DataTypes.DateType)
            .add("contract_end", DataTypes.DateType)
            .add("completion", DataTypes.StringType);

    private static Row referral(
            String id, String decided, String eligible, String decision, String start, String end, String completion) {
        return RowFactory.create(id, d(decided), eligible, decision, d(start), d(end), completion);
    }

    @Test
    void referralsDecisionsAndCompletionAmongEndedContractsPerYear() {
        List<Row> referrals = List.of(
                referral("K1", "2019-04-01", "Y", "DIVERTED", "2019-04-02", "2019-08-02", "COMPLETED"),
                referral("K2", "2019-05-01", "Y", "DIVERTED", "2019-05-01", "2019-09-01", "FAILED"),
                referral("K3", "2019-06-01", "Y", "DIVERTED", "2019-06-01", null, "ONGOING"),
                referral("K4", "2019-07-01", "Y", "DIVERTED", null, null, null),
                referral("K5", "2019-08-01", "Y", "PROSECUTED", null, null, null),
                referral("K6", "2020-03-31", "N", "PROSECUTED", null, null, "COMPLETED"), // no contract: not counted
                referral("K7", "2020-04-01", "Y", "DIVERTED", "2020-04-01", null, "COMPLETED"));
        List<Row> links = List.of(
                RowFactory.create("checkpoint", "referrals", "K1", "A", "X", 1.0),
                RowFactory.create("checkpoint", "referrals", "K2", "A", "X", 1.0),
                RowFactory.create("checkpoint", "referrals", "K5", "B", "X", 1.0));
        Coverage coverage = new Coverage(
                LocalDate.of(2022, 1, 1),
                Map.of(Datasets.CHECKPOINT_REFERRALS, Optional.of(LocalDate.of(2020, 7, 31))));
        List<CheckpointActivityRow> rows = new CheckpointActivity(0.95)
                .build(frame(REFERRALS, referrals), frame(RecordPersonColumns.SCHEMA, links), coverage);
        assertThat(rows).hasSize(2);
        CheckpointActivityRow y = rows.get(0);
        assertThat(y.period()).isEqualTo("FY2019-20");
        assertThat(List.of(
                        y.referrals(),
                        y.peopleReferred(),
                        y.eligible(),
                        y.diverted(),
                        y.prosecuted(),
                        y.contractsEnded(),
                        y.completed(),
                        y.contractsOpen()))
                .containsExactly(6L, 2L, 5L, 4L, 2L, 2L, 1L, 2L);
        assertThat(y.completionRate()).isEqualTo(0.5);
        assertThat(y.meanContractDays()).isEqualTo((122 + 123) / 2.0);
        assertThat(y.status()).isEqualTo("FINAL");
        CheckpointActivityRow next = rows.get(1);
        assertThat(next.contractsEnded()).isEqualTo(1);
        assertThat(next.meanContractDays()).isNull();
        assertThat(next.status()).isEqualTo("PROVISIONAL");
        assertThat(next.statusReason()).isEqualTo("DATA_INCOMPLETE:checkpoint/referrals");
    }
}
