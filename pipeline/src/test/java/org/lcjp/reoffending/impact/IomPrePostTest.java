package org.lcjp.reoffending.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lcjp.reoffending.impact.ImpactFixtures.d;
import static org.lcjp.reoffending.impact.ImpactFixtures.frame;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.settings.ComparisonSettings;

class IomPrePostTest {
    private static final StructType IOM = new StructType().add("record_id", DataTypes.StringType)
            .add("adopted_date", DataTypes.DateType);
    private static final ComparisonSettings ONE_PERSON_GROUPS = new ComparisonSettings(1, null, null, null, null, null, null);

    @Test
    void adoptedPeopleAreComparedWithANonIomPersonAtTheSameHeightOfOffending() {
        Dataset<Row> iom = frame(IOM, new Object[] {"i1", d("2024-06-01")}, new Object[] {"i2", d("2024-09-01")});
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
                // Y: one prior offence only: a different stratum
                new Object[] {"Y", "2024-04-01", "2024-05-20", 20.0});

        Dataset<Row> sample = new IomSample(CohortSettings.defaults(), ONE_PERSON_GROUPS).build(iom, recordPerson, proven);
        assertThat(sample.collectAsList()).extracting(r -> r.<String>getAs("group_name") + ":" + r.getAs("person_id"))
                .containsExactlyInAnyOrder("IOM:I", "COMPARISON:X");

        List<IomPrePostRow> rows = new CompareIom(ONE_PERSON_GROUPS).run(sample);
        IomPrePostRow offences = rows.stream().filter(r -> r.groupName().equals("IOM")
                && r.measure().equals(IomPrePostRow.PROVEN_OFFENCES)).findFirst().orElseThrow();
        assertThat(offences.beforeTotal()).isEqualTo(2.0);
        assertThat(offences.afterTotal()).isEqualTo(1.0);
        assertThat(offences.changeMean()).isEqualTo(-1.0);
        assertThat(offences.did()).as("IOM change -1 against comparison change 0").isCloseTo(-1.0, within(1e-12));
        IomPrePostRow harm = rows.stream().filter(r -> r.groupName().equals("IOM")
                && r.measure().equals(IomPrePostRow.HARM_DAYS)).findFirst().orElseThrow();
        assertThat(harm.did()).as("IOM change -25 against comparison change +78").isCloseTo(-103.0, within(1e-12));
        assertThat(harm.note()).startsWith("1 of 1 IOM people matched");
    }

    @Test
    void aComparisonPersonMatchedTwiceCountsOncePerMatch() {
        Dataset<Row> iom = frame(IOM, new Object[] {"i1", d("2024-06-01")}, new Object[] {"j1", d("2024-06-01")});
        Dataset<Row> recordPerson = ImpactFixtures.recordPerson(
                new Object[] {"iom", "cohort", "i1", "I"}, new Object[] {"iom", "cohort", "j1", "J"});
        Dataset<Row> proven = ImpactFixtures.proven(
                new Object[] {"I", "2024-01-01", "2024-02-01", 20.0},
                new Object[] {"J", "2024-02-01", "2024-03-01", 20.0},
                new Object[] {"X", "2024-03-01", "2024-05-15", 25.0},
                new Object[] {"X", "2024-12-01", "2025-01-01", 50.0});
        List<IomPrePostRow> rows = new CompareIom(ONE_PERSON_GROUPS)
                .run(new IomSample(CohortSettings.defaults(), ONE_PERSON_GROUPS).build(iom, recordPerson, proven));
        IomPrePostRow comparison = rows.stream().filter(r -> r.groupName().equals("COMPARISON")
                && r.measure().equals(IomPrePostRow.PROVEN_OFFENCES)).findFirst().orElseThrow();
        assertThat(comparison.people()).isEqualTo(2);
        assertThat(comparison.beforeTotal()).isEqualTo(2.0);
        assertThat(comparison.afterTotal()).isEqualTo(2.0);
        assertThat(rows.get(0).note()).startsWith("2 of 2 IOM people matched");
    }
}
