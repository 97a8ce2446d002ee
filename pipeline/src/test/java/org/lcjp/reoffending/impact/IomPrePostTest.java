package org.lcjp.reoffending.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lcjp.reoffending.impact.ImpactFixtures.d;
import static org.lcjp.reoffending.impact.ImpactFixtures.frame;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.settings.ComparisonSettings;

class IomPrePostTest {
    private static final StructType IOM = new StructType()
            .add("record_id", DataTypes.StringType)
            .add("adopted_date", DataTypes.DateType)
            .add("category", DataTypes.StringType);
    private static final StructType ATTRIBUTES =
            new StructType().add("person_id", DataTypes.StringType).add("dob_cipher", DataTypes.BinaryType);
    private static final ComparisonSettings ONE_PERSON_GROUPS =
            new ComparisonSettings(1, null, null, null, null, null, null, null, null, null);
    private static final ComparisonPeriods COMPLETE_BY_2027 =
            new ComparisonPeriods(CohortSettings.defaults(), LocalDate.of(2027, 1, 1), 4, null);

    private static Dataset<Row> adults(String... people) {
        return frame(
                ATTRIBUTES,
                java.util.Arrays.stream(people)
                        .map(p -> new Object[] {p, ImpactFixtures.CIPHER.encrypt(LocalDate.of(1980, 1, 1))})
                        .toArray(Object[][]::new));
    }

    private static Dataset<Row> sample(
            Dataset<Row> iom, Dataset<Row> recordPerson, Dataset<Row> proven, String... adults) {
        return new IomSample(CohortSettings.defaults(), ONE_PERSON_GROUPS, ImpactFixtures.CIPHER)
                .build(iom, recordPerson, proven, adults(adults), COMPLETE_BY_2027);
    }

    private static IomPrePostRow row(
            List<IomPrePostRow> rows, String period, String category, String group, String measure) {
        return rows.stream()
                .filter(r -> r.period().equals(period)
                        && r.category().equals(category)
                        && r.groupName().equals(group)
                        && r.measure().equals(measure))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void adoptedPeopleAreComparedWithANonIomPersonAtTheSameHeightOfOffending() {
        Dataset<Row> iom =
                frame(IOM, new Object[] {"i1", d("2024-06-01"), "Fixed"}, new Object[] {"i2", d("2024-09-01"), "FREE"});
        Dataset<Row> recordPerson = ImpactFixtures.recordPerson(
                new Object[] {"iom", "cohort", "i1", "I"}, new Object[] {"iom", "cohort", "i2", "I"});
        Dataset<Row> proven = ImpactFixtures.proven(
                // I: two offences (harm 30) in the year before adoption, one (harm 5) after
                new Object[] {"I", "2023-09-01", "2023-10-01", 10.0},
                new Object[] {"I", "2024-01-01", "2024-02-01", 20.0},
                new Object[] {"I", "2024-09-01", "2024-10-01", 5.0},
                // X: two offences (harm 22) disposed of on 2024-05-15, the pseudo-adoption date; two (harm 100) after
                new Object[] {"X", "2023-11-01", "2024-05-15", 10.0},
                new Object[] {"X", "2024-03-01", "2024-05-15", 12.0},
                new Object[] {"X", "2024-12-01", "2025-01-01", 50.0},
                new Object[] {"X", "2025-02-01", "2025-03-01", 50.0},
                // Y: one prior offence only: a different stratum at every level
                new Object[] {"Y", "2024-04-01", "2024-05-20", 20.0});

        Dataset<Row> sample = sample(iom, recordPerson, proven, "X", "Y").localCheckpoint();
        assertThat(sample.collectAsList())
                .extracting(r -> r.<String>getAs("group_name") + ":" + r.getAs("person_id") + ":" + r.getAs("category")
                        + ":" + r.getAs("match_level") + ":" + r.getAs("period"))
                .containsExactlyInAnyOrder("IOM:I:FIXED:1:FY2024-25", "COMPARISON:X:FIXED:1:FY2024-25");

        CompareIom.Result result = new CompareIom(ONE_PERSON_GROUPS).run(sample);
        assertThat(result.adopted()).isEqualTo(1);
        assertThat(result.matched()).isEqualTo(1);
        assertThat(result.rows())
                .extracting(r -> r.period() + "/" + r.category())
                .containsOnly("FY2024-25/ALL", "FY2024-25/FIXED", "POOLED/ALL", "POOLED/FIXED");
        IomPrePostRow offences = row(result.rows(), "POOLED", "ALL", "IOM", IomPrePostRow.PROVEN_OFFENCES);
        assertThat(offences.beforeTotal()).isEqualTo(2.0);
        assertThat(offences.afterTotal()).isEqualTo(1.0);
        assertThat(offences.changeMean()).isEqualTo(-1.0);
        assertThat(offences.matchedShare()).isEqualTo(1.0);
        assertThat(offences.did())
                .as("IOM change -1 against comparison change 0")
                .isCloseTo(-1.0, within(1e-12));
        IomPrePostRow harm = row(result.rows(), "FY2024-25", "FIXED", "IOM", IomPrePostRow.HARM_DAYS);
        assertThat(harm.did())
                .as("IOM change -25 against comparison change +78")
                .isCloseTo(-103.0, within(1e-12));
        assertThat(harm.note()).startsWith("1 of 1 IOM people matched (1 in the same quarter");
    }

    @Test
    void aComparisonPersonMatchedTwiceCountsOncePerMatch() {
        Dataset<Row> iom =
                frame(IOM, new Object[] {"i1", d("2024-06-01"), "FLEX"}, new Object[] {"j1", d("2024-06-01"), "FIXED"});
        Dataset<Row> recordPerson = ImpactFixtures.recordPerson(
                new Object[] {"iom", "cohort", "i1", "I"}, new Object[] {"iom", "cohort", "j1", "J"});
        Dataset<Row> proven = ImpactFixtures.proven(
                new Object[] {"I", "2024-01-01", "2024-02-01", 20.0},
                new Object[] {"J", "2024-02-01", "2024-03-01", 20.0},
                new Object[] {"X", "2024-03-01", "2024-05-15", 25.0},
                new Object[] {"X", "2024-12-01", "2025-01-01", 50.0});
        List<IomPrePostRow> rows = new CompareIom(ONE_PERSON_GROUPS)
                .run(sample(iom, recordPerson, proven, "X"))
                .rows();
        IomPrePostRow comparison = row(rows, "POOLED", "ALL", "COMPARISON", IomPrePostRow.PROVEN_OFFENCES);
        assertThat(comparison.people()).isEqualTo(2);
        assertThat(comparison.beforeTotal()).isEqualTo(2.0);
        assertThat(comparison.afterTotal()).isEqualTo(2.0);
        assertThat(row(rows, "POOLED", "ALL", "IOM", IomPrePostRow.PROVEN_OFFENCES)
                        .note())
                .startsWith("2 of 2 IOM people matched");
        assertThat(row(rows, "POOLED", "FLEX", "COMPARISON", IomPrePostRow.PROVEN_OFFENCES)
                        .people())
                .as("the partner of a FLEX person counts in FLEX")
                .isEqualTo(1);
    }

    @Test
    void withoutAnExactStratumAnAdoptedPersonIsMatchedOnCoarserStrataOnlyWithCompleteFollowUp() {
        // K: six offences (harm 60) before adoption on 2024-07-01. Z: seven (harm 70) disposed of on 2024-08-15.
        // Level 1 (exact count, harm 32-63 vs 64-127) and level 2 (harm 16-63 vs 64-255) differ; level 3
        // (same year, band 5-7) matches. L's adoption on 2026-01-01 has no complete follow-up by 2027-01-01.
        List<Object[]> offences = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            offences.add(new Object[] {"K", "2024-0" + (i + 1) + "-10", "2024-06-20", 10.0});
        }
        for (int i = 0; i < 7; i++) {
            offences.add(new Object[] {"Z", "2024-0" + (i + 1) + "-05", "2024-08-15", 10.0});
        }
        offences.add(new Object[] {"L", "2025-10-01", "2025-12-01", 10.0});
        Dataset<Row> iom =
                frame(IOM, new Object[] {"k1", d("2024-07-01"), "FLEX"}, new Object[] {"l1", d("2026-01-01"), "FLEX"});
        Dataset<Row> recordPerson = ImpactFixtures.recordPerson(
                new Object[] {"iom", "cohort", "k1", "K"}, new Object[] {"iom", "cohort", "l1", "L"});
        List<Row> rows = sample(iom, recordPerson, ImpactFixtures.proven(offences.toArray(Object[][]::new)), "Z")
                .collectAsList();
        assertThat(rows)
                .extracting(
                        r -> r.<String>getAs("group_name") + ":" + r.getAs("person_id") + ":" + r.getAs("match_level"))
                .containsExactlyInAnyOrder("IOM:K:3", "COMPARISON:Z:3");
    }
}
