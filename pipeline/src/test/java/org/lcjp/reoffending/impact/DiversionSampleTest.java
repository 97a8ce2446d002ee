package org.lcjp.reoffending.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcjp.reoffending.impact.ImpactFixtures.d;
import static org.lcjp.reoffending.impact.ImpactFixtures.frame;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.settings.CohortSettings;

class DiversionSampleTest {
    private static ComparisonPeriods periods(String effectiveDate) {
        return new ComparisonPeriods(CohortSettings.defaults(), LocalDate.parse(effectiveDate), 4, null);
    }

    private static final StructType REFERRALS = new StructType()
            .add("record_id", DataTypes.StringType)
            .add("offence_code", DataTypes.StringType)
            .add("offence_date", DataTypes.DateType)
            .add("decision_date", DataTypes.DateType)
            .add("eligible", DataTypes.StringType)
            .add("decision", DataTypes.StringType);
    private static final StructType ATTRIBUTES = new StructType()
            .add("person_id", DataTypes.StringType)
            .add("dob_cipher", DataTypes.BinaryType)
            .add("sex", DataTypes.StringType);
    private static final StructType OFFENCES = new StructType()
            .add("offence_code", DataTypes.StringType)
            .add("description", DataTypes.StringType)
            .add("offence_group", DataTypes.StringType)
            .add("is_breach", DataTypes.StringType)
            .add("harm_days", DataTypes.StringType);

    @Test
    void firstEligibleDecisionPerPersonWithCovariatesAndReoffences() {
        Dataset<Row> referrals = frame(
                REFERRALS,
                new Object[] {"r1", "105/01", d("2024-01-01"), d("2024-01-10"), "Y", "DIVERTED"},
                new Object[] {"r2", "105/01", d("2024-02-01"), d("2024-03-01"), "Y", "PROSECUTED"},
                new Object[] {"r3", "105/01", d("2024-01-01"), d("2024-01-05"), "N", "DIVERTED"},
                new Object[] {"r4", "999/99", d("2024-01-15"), d("2024-02-01"), "Y", "PROSECUTED"});
        Dataset<Row> recordPerson = ImpactFixtures.recordPerson(
                new Object[] {"checkpoint", "referrals", "r1", "A"},
                new Object[] {"checkpoint", "referrals", "r2", "A"},
                new Object[] {"checkpoint", "referrals", "r3", "B"},
                new Object[] {"checkpoint", "referrals", "r4", "C"},
                new Object[] {"police", "outcomes", "r4", "Z"});
        Dataset<Row> attributes = frame(
                ATTRIBUTES,
                new Object[] {"A", ImpactFixtures.CIPHER.encrypt(LocalDate.of(2000, 1, 10)), "F"},
                new Object[] {"C", null, "M"});
        Dataset<Row> offences =
                frame(OFFENCES, new Object[] {"105/01", "Criminal damage", "CRIMINAL_DAMAGE", "N", "30"});
        Dataset<Row> proven = ImpactFixtures.proven(
                new Object[] {"A", "2023-05-01", "2023-06-01", 5.0}, // previous
                new Object[] {"A", "2024-01-10", "2024-02-01", 5.0}, // committed on the index date: neither
                new Object[] {"A", "2024-03-01", "2024-04-01", 5.0}, // reoffence, 51 days after
                new Object[] {"C", "2025-01-15", "2025-09-01", 5.0}); // proven after the waiting period

        Map<String, Row> byPerson = new HashMap<>();
        // A decided 2024-01-10 (+18 months 2025-07-10), C 2024-02-01 (+18 months 2025-08-01)
        new DiversionSample(CohortSettings.defaults(), ImpactFixtures.CIPHER)
                .build(referrals, recordPerson, attributes, offences, proven, periods("2025-08-01"))
                .collectAsList()
                .forEach(r -> byPerson.put(r.getAs("person_id"), r));
        assertThat(new DiversionSample(CohortSettings.defaults(), ImpactFixtures.CIPHER)
                        .build(referrals, recordPerson, attributes, offences, proven, periods("2025-07-31"))
                        .collectAsList())
                .as("C's follow-up is one day short of complete")
                .extracting(r -> r.<String>getAs("person_id"))
                .containsExactly("A");
        assertThat(new DiversionSample(CohortSettings.defaults(), ImpactFixtures.CIPHER)
                        .build(referrals, recordPerson, attributes, offences, proven, periods("2025-07-09"))
                        .collectAsList())
                .isEmpty();

        assertThat(byPerson).containsOnlyKeys("A", "C");
        Row a = byPerson.get("A");
        assertThat(a.<String>getAs("group_name")).isEqualTo("DIVERTED");
        assertThat(a.<Boolean>getAs("treated")).isTrue();
        assertThat(a.<Double>getAs("age")).isEqualTo(24.0);
        assertThat(a.<Double>getAs("female")).isEqualTo(1.0);
        assertThat(a.<Double>getAs("previous_offences")).isEqualTo(1.0);
        assertThat(a.<String>getAs("offence_group")).isEqualTo("CRIMINAL_DAMAGE");
        assertThat(a.<Double>getAs("harm_days")).isEqualTo(30.0);
        assertThat(a.<Long>getAs("reoffences")).isEqualTo(1L);
        assertThat(a.<Integer>getAs("reoffended")).isEqualTo(1);
        assertThat(a.<Integer>getAs("days_to_first_reoffence")).isEqualTo(51);
        assertThat(a.<String>getAs("period")).isEqualTo("FY2023-24");
        Row c = byPerson.get("C");
        assertThat(c.<String>getAs("group_name")).isEqualTo("PROSECUTED");
        assertThat(c.<Double>getAs("age")).isNull();
        assertThat(c.<String>getAs("offence_group")).isEqualTo("UNKNOWN");
        assertThat(c.<Long>getAs("reoffences")).isZero();
        assertThat(c.<Integer>getAs("reoffended")).isZero();
    }
}
