package org.lcjp.reoffending.rj;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.impact.ComparisonPeriods;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.testing.SparkTestSession;

/**
 * Section 8 by hand. T: disposed of 10 Jan 2018 (and June 2017), referred 1 Feb, conference: treated at 10 Jan, not
 * at the outcome date, with one previous offence; a later completed referral is ignored. O: referral ended otherwise.
 * C1: two disposals in the quarter, never referred: a control at the first. C2: referred before the disposal: no
 * control. C3: referred after the quarter: still a control. C4: a control but for its follow-up, not complete by
 * the effective date. N: a completed referral with nothing disposed of before
 * it: left out and counted.
 */
class RjSampleTest {
    static final DateOfBirthCipher CIPHER = new DateOfBirthCipher(
            PseudonymisationKey.of("rj-tests-secret-at-least-32-bytes-long!".getBytes(StandardCharsets.UTF_8), "test"));
    static Map<String, Row> units;
    static RjSample.Built built;

    static Date d(String iso) {
        return Date.valueOf(iso);
    }

    static Dataset<Row> frame(StructType schema, Object[]... rows) {
        return SparkTestSession.get()
                .createDataFrame(Arrays.stream(rows).map(RowFactory::create).toList(), schema);
    }

    @BeforeAll
    static void build() {
        Object[][] referrals = {
            {"R1", "T", "2018-02-01", "CONFERENCE"},
            {"R2", "T", "2018-09-01", "INDIRECT"},
            {"R3", "O", "2018-03-01", "VICTIM_DECLINED"},
            {"R4", "C2", "2018-02-01", null},
            {"R5", "C3", "2018-06-01", null},
            {"R6", "N", "2018-02-20", "CONFERENCE"}
        };
        Dataset<Row> rj = frame(
                new StructType()
                        .add("record_id", DataTypes.StringType)
                        .add("referral_date", DataTypes.DateType)
                        .add("outcome", DataTypes.StringType),
                Arrays.stream(referrals)
                        .map(r -> new Object[] {r[0], d((String) r[2]), r[3]})
                        .toArray(Object[][]::new));
        Dataset<Row> recordPerson = frame(
                new StructType()
                        .add("agency", DataTypes.StringType)
                        .add("dataset", DataTypes.StringType)
                        .add("record_id", DataTypes.StringType)
                        .add("person_id", DataTypes.StringType),
                Arrays.stream(referrals)
                        .map(r -> new Object[] {"rj", "referrals", r[0], r[1]})
                        .toArray(Object[][]::new));
        StructType provenSchema = new StructType()
                .add("person_id", DataTypes.StringType)
                .add("offence_code", DataTypes.StringType)
                .add("offence_date", DataTypes.DateType)
                .add("disposal_date", DataTypes.DateType)
                .add("offence_group", DataTypes.StringType)
                .add("harm_days", DataTypes.DoubleType);
        Dataset<Row> proven = frame(
                provenSchema,
                new Object[] {"T", "008/01", d("2017-05-01"), d("2017-06-01"), "Violence", 365.0},
                new Object[] {"T", "028/01", d("2018-01-01"), d("2018-01-10"), "Theft", 30.0},
                new Object[] {"T", "008/01", d("2018-01-01"), d("2018-01-10"), "Violence", 365.0},
                new Object[] {"T", "028/01", d("2018-04-01"), d("2018-05-01"), "Theft", 30.0},
                new Object[] {"O", "028/01", d("2018-02-01"), d("2018-02-15"), "Theft", 30.0},
                new Object[] {"C1", "028/01", d("2018-01-01"), d("2018-03-03"), "Theft", 30.0},
                new Object[] {"C1", "058/01", d("2018-01-02"), d("2018-01-20"), "Criminal damage", 20.0},
                new Object[] {"C2", "028/01", d("2018-01-05"), d("2018-02-02"), "Theft", 30.0},
                new Object[] {"C2", "028/01", d("2018-04-05"), d("2018-05-01"), "Theft", 30.0},
                new Object[] {"C3", "028/01", d("2018-03-01"), d("2018-03-20"), "Theft", 30.0},
                new Object[] {"C4", "028/01", d("2018-03-01"), d("2018-03-30"), "Theft", 30.0});
        Dataset<Row> attributes = frame(
                new StructType()
                        .add("person_id", DataTypes.StringType)
                        .add("dob_cipher", DataTypes.BinaryType)
                        .add("sex", DataTypes.StringType),
                new Object[] {"T", CIPHER.encrypt(LocalDate.of(1990, 1, 15)), "F"},
                new Object[] {"O", CIPHER.encrypt(LocalDate.of(1980, 1, 1)), "M"},
                new Object[] {"C1", CIPHER.encrypt(LocalDate.of(2000, 1, 1)), "M"},
                new Object[] {"C2", null, "M"},
                new Object[] {"C3", null, "U"},
                new Object[] {"C4", null, "U"});
        // Complete follow-up to 2019-09-29: index dates to 2018-03-29 count; C4's of 2018-03-30 does not.
        ComparisonPeriods periods =
                new ComparisonPeriods(CohortSettings.defaults(), LocalDate.of(2019, 9, 29), 4, null);
        built = new RjSample(CohortSettings.defaults(), CIPHER).build(rj, recordPerson, attributes, proven, periods);
        units = built.sample().collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("person_id"), r -> r));
    }

    @Test
    void unitsAndTheirGroups() {
        Map<String, String> groups = units.values().stream()
                .collect(Collectors.toMap(r -> r.getAs("person_id"), r -> r.getAs("group_name")));
        assertThat(groups)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "T@2018-01-10",
                        "COMPLETED",
                        "O@2018-02-15",
                        "ENDED_OTHERWISE",
                        "C1@2018-01-20",
                        "NOT_REFERRED",
                        "C3@2018-03-20",
                        "NOT_REFERRED"));
        assertThat(units.get("T@2018-01-10").<Boolean>getAs("treated")).isTrue();
        assertThat(units.get("C1@2018-01-20").<Boolean>getAs("treated")).isFalse();
        assertThat(built.referralsWithoutIndex()).isEqualTo(1);
    }

    @Test
    void covariatesAreTakenAtTheDisposalTheReferralFollows() {
        Row t = units.get("T@2018-01-10");
        assertThat(t.<Double>getAs("previous_offences"))
                .as("the referred offence is the index, not a previous one")
                .isEqualTo(1.0);
        assertThat(t.<Double>getAs("age")).isEqualTo(27.0);
        assertThat(t.<Double>getAs("female")).isEqualTo(1.0);
        assertThat(t.<String>getAs("offence_group"))
                .as("the most harmful offence of the day")
                .isEqualTo("Violence");
        assertThat(t.<Double>getAs("harm_days")).isEqualTo(365.0);
        assertThat(t.<Long>getAs("reoffences")).isEqualTo(1);
        assertThat(t.<Integer>getAs("reoffended")).isEqualTo(1);
        assertThat(t.<Date>getAs("index_date").toLocalDate()).isEqualTo(LocalDate.of(2018, 1, 10));
        Row c1 = units.get("C1@2018-01-20");
        assertThat(c1.<Double>getAs("previous_offences")).isZero();
        assertThat(c1.<Long>getAs("reoffences"))
                .as("the later disposal in the quarter is a reoffence only if committed after")
                .isZero();
        assertThat(units.get("C3@2018-03-20").<Double>getAs("age")).isNull();
        assertThat(t.<String>getAs("period")).isEqualTo("FY2017-18");
        assertThat(t.<Date>getAs("period_start").toLocalDate()).isEqualTo(LocalDate.of(2017, 4, 1));
        assertThat(List.of(built.sample().columns()))
                .containsExactly(
                        "person_id",
                        "group_name",
                        "treated",
                        "index_date",
                        "period",
                        "period_start",
                        "period_end",
                        "age",
                        "female",
                        "previous_offences",
                        "harm_days",
                        "offence_group",
                        "reoffences",
                        "reoffended",
                        "days_to_first_reoffence");
    }
}
