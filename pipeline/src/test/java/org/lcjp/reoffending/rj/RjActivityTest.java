package org.lcjp.reoffending.rj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.impact.ComparisonStatistics;
import org.lcjp.reoffending.testing.SparkTestSession;

class RjActivityTest {
    static List<RjActivityRow> rows;

    /** referral date, source, stage, consent, outcome, volunteer, satisfied. */
    static Object[] referral(
            String date,
            String source,
            String stage,
            String consent,
            String outcome,
            String volunteer,
            String satisfied) {
        return new Object[] {Date.valueOf(date), source, stage, consent, outcome, volunteer, satisfied};
    }

    @BeforeAll
    static void build() {
        StructType schema = new StructType()
                .add("referral_date", DataTypes.DateType)
                .add("referral_source", DataTypes.StringType)
                .add("stage", DataTypes.StringType)
                .add("victim_consent", DataTypes.StringType)
                .add("outcome", DataTypes.StringType)
                .add("volunteer_facilitated", DataTypes.StringType)
                .add("victim_satisfied", DataTypes.StringType);
        Dataset<Row> referrals = SparkTestSession.get()
                .createDataFrame(
                        Arrays.stream(new Object[][] {
                                    referral("2018-04-01", "POLICE", "OUT_OF_COURT", "Y", "CONFERENCE", "Y", "Y"),
                                    referral("2018-06-01", "POLICE", "OUT_OF_COURT", "Y", "INDIRECT", "N", "N"),
                                    referral("2018-09-01", "COURT", "PRE_SENTENCE", "Y", "CONFERENCE", null, "Y"),
                                    referral(
                                            "2018-12-01",
                                            "VICTIM",
                                            "POST_SENTENCE",
                                            "N",
                                            "VICTIM_DECLINED",
                                            null,
                                            null),
                                    referral(
                                            "2019-03-31",
                                            "PROBATION",
                                            "POST_SENTENCE",
                                            null,
                                            "NOT_SUITABLE",
                                            null,
                                            null),
                                    referral("2019-04-01", "YOS", "OUT_OF_COURT", null, null, null, null)
                                })
                                .map(RowFactory::create)
                                .toList(),
                        schema);
        rows = new RjActivity(new ComparisonStatistics(0.95, 0.8)).build(referrals, LocalDate.of(2019, 7, 7));
    }

    static RjActivityRow row(String period, String measure, String category) {
        return rows.stream()
                .filter(r -> r.period().equals(period)
                        && r.measure().equals(measure)
                        && r.category().equals(category))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void countsReferralsBySourceAndStagePerFinancialYear() {
        assertThat(row("FY2018-19", "REFERRALS", "ALL").count()).isEqualTo(5);
        assertThat(row("FY2018-19", "REFERRALS_BY_SOURCE", "POLICE").count()).isEqualTo(2);
        assertThat(row("FY2018-19", "REFERRALS_BY_SOURCE", "PRISON").count())
                .as("every code, zero included")
                .isZero();
        assertThat(row("FY2018-19", "REFERRALS_BY_STAGE", "POST_SENTENCE").count())
                .isEqualTo(2);
        assertThat(row("FY2019-20", "REFERRALS", "ALL").count()).isEqualTo(1);
        assertThat(row("FY2018-19", "REFERRALS", "ALL").status()).isEqualTo("FINAL");
        assertThat(row("FY2019-20", "REFERRALS", "ALL").status()).isEqualTo("PROVISIONAL");
        assertThat(row("FY2018-19", "REFERRALS", "ALL").periodStart()).isEqualTo(LocalDate.of(2018, 4, 1));
    }

    @Test
    void victimsAskedAndConsenting() {
        RjActivityRow asked = row("FY2018-19", "VICTIM_ASKED_SHARE", "ALL");
        assertThat(asked.count()).isEqualTo(4);
        assertThat(asked.denominator()).isEqualTo(5);
        assertThat(asked.value()).isCloseTo(0.8, within(1e-12));
        assertThat(asked.ciLow()).isLessThan(0.8);
        RjActivityRow consented = row("FY2018-19", "VICTIM_CONSENT_SHARE", "ALL");
        assertThat(consented.count() + "/" + consented.denominator()).isEqualTo("3/4");
    }

    @Test
    void outcomesCompletedProcessesVolunteersAndSatisfaction() {
        assertThat(row("FY2018-19", "OUTCOMES", "CONFERENCE").count()).isEqualTo(2);
        assertThat(row("FY2018-19", "OUTCOMES", "OPEN").count()).isZero();
        assertThat(row("FY2019-20", "OUTCOMES", "OPEN").count()).isEqualTo(1);
        assertThat(row("FY2018-19", "COMPLETED_PROCESSES", "ALL").count()).isEqualTo(3);
        RjActivityRow volunteer = row("FY2018-19", "VOLUNTEER_SHARE", "ALL");
        assertThat(volunteer.count() + "/" + volunteer.denominator()).isEqualTo("1/2");
        assertThat(volunteer.note()).contains("1 completed processes do not record whether a volunteer facilitated");
        RjActivityRow satisfied = row("FY2018-19", "VICTIM_SATISFACTION_SHARE", "ALL");
        assertThat(satisfied.count() + "/" + satisfied.denominator()).isEqualTo("2/3");
        RjActivityRow none = row("FY2019-20", "VICTIM_SATISFACTION_SHARE", "ALL");
        assertThat(none.denominator()).isZero();
        assertThat(none.value()).isNull();
    }
}
