package org.lcjp.reoffending.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcjp.reoffending.impact.ImpactFixtures.d;
import static org.lcjp.reoffending.impact.ImpactFixtures.frame;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class NeedsProfileTest {
    private static final StructType SPELLS = new StructType()
            .add("record_id", DataTypes.StringType)
            .add("referral_date", DataTypes.DateType)
            .add("start_date", DataTypes.DateType)
            .add("end_date", DataTypes.DateType);
    private static final StructType SUPERVISION = new StructType()
            .add("record_id", DataTypes.StringType)
            .add("start_date", DataTypes.DateType)
            .add("end_date", DataTypes.DateType);
    private static final StructType EVENTS =
            new StructType().add("person_id", DataTypes.StringType).add("index_date", DataTypes.DateType);

    @Test
    void aNeedCountsWhenItsSpellIsActiveAtAnyTimeInTheYearBeforeTheIndexDate() {
        Dataset<Row> events =
                frame(EVENTS, new Object[] {"A", d("2024-06-01")}, new Object[] {"B", d("2024-06-01")}, new Object[] {
                    "C", d("2024-06-01")
                });
        Dataset<Row> substance = frame(
                SPELLS,
                new Object[] {"s1", d("2022-12-01"), d("2023-01-01"), d("2023-06-01")
                }, // A: ended on the window's first day
                new Object[] {"s2", d("2024-01-15"), null, null}, // B: referred, never started: from referral
                new Object[] {"s3", d("2024-06-01"), null, null}); // C: referred on the index date
        Dataset<Row> housing = frame(
                SPELLS,
                new Object[] {"h1", d("2024-05-01"), d("2024-06-01"), null}, // A: starts on the index date
                new Object[] {"h2", d("2022-01-01"), d("2022-02-01"), d("2023-05-31")
                }); // C: ended the day before the window
        Dataset<Row> probation = frame(
                SUPERVISION,
                new Object[] {"p1", d("2022-01-01"), d("2023-05-31")}, // A: ended before the window
                new Object[] {"p2", d("2024-01-01"), null}); // B: open spell
        Dataset<Row> recordPerson = ImpactFixtures.recordPerson(
                new Object[] {"substance", "treatment", "s1", "A"},
                new Object[] {"substance", "treatment", "s2", "B"},
                new Object[] {"substance", "treatment", "s3", "C"},
                new Object[] {"housing", "support", "h1", "A"},
                new Object[] {"housing", "support", "h2", "C"},
                new Object[] {"probation", "supervision", "p1", "A"},
                new Object[] {"probation", "supervision", "p2", "B"});

        Map<String, Row> byPerson = new HashMap<>();
        new NeedsProfile(12)
                .build(events, substance, housing, probation, recordPerson)
                .collectAsList()
                .forEach(r -> byPerson.put(r.getAs("person_id"), r));

        assertThat(flags(byPerson.get("A"))).containsExactly(1, 0, 0);
        assertThat(flags(byPerson.get("B"))).containsExactly(1, 0, 1);
        assertThat(flags(byPerson.get("C"))).containsExactly(0, 0, 0);
    }

    private static Integer[] flags(Row r) {
        return NeedsProfile.NEEDS.stream()
                .map(n -> r.<Integer>getAs(NeedsProfile.flag(n)))
                .toArray(Integer[]::new);
    }
}
