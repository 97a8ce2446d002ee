package org.lcjp.reoffending.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcjp.reoffending.measures.MeasureFixtures.d;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.settings.CohortSettings;

class FollowUpWindowTest {
    private static final StructType EVENTS = new StructType()
            .add("person_id", DataTypes.StringType)
            .add("index_date", DataTypes.DateType)
            .add("label", DataTypes.StringType);
    private static final StructType PROVEN = new StructType()
            .add("person_id", DataTypes.StringType)
            .add("offence_date", DataTypes.DateType)
            .add("disposal_date", DataTypes.DateType);

    private static Row follow(String index, String... offenceAndDisposal) {
        List<Row> proven = new java.util.ArrayList<>();
        for (int i = 0; i < offenceAndDisposal.length; i += 2) {
            proven.add(RowFactory.create("P", d(offenceAndDisposal[i]), d(offenceAndDisposal[i + 1])));
        }
        proven.add(RowFactory.create("OTHER", d(index), d(index)));
        Dataset<Row> events =
                MeasureFixtures.spark().createDataFrame(List.of(RowFactory.create("P", d(index), "x")), EVENTS);
        Dataset<Row> p = MeasureFixtures.spark().createDataFrame(proven, PROVEN);
        return new FollowUpWindow(CohortSettings.defaults())
                .withReoffences(events, p)
                .collectAsList()
                .get(0);
    }

    private static long reoffences(String index, String... offenceAndDisposal) {
        return follow(index, offenceAndDisposal).getAs("reoffences");
    }

    @Test
    void eventsThatCarryReoffencesAreLeftAsTheyAreAndOthersAreCounted() {
        FollowUpWindow window = new FollowUpWindow(CohortSettings.defaults());
        Dataset<Row> proven = MeasureFixtures.spark()
                .createDataFrame(List.<Row>of(RowFactory.create("P", d("2024-02-01"), d("2024-02-15"))), PROVEN);
        Dataset<Row> events =
                MeasureFixtures.spark().createDataFrame(List.of(RowFactory.create("P", d("2024-01-31"), "x")), EVENTS);
        Dataset<Row> counted = window.withReoffencesIfMissing(events, proven);
        assertThat(counted.first().<Long>getAs("reoffences")).isEqualTo(1L);
        assertThat(window.withReoffencesIfMissing(counted, proven))
                .as("counted once, not again")
                .isSameAs(counted);
    }

    @Test
    void anOffenceOnTheIndexDayNeverCounts() {
        assertThat(reoffences("2024-01-31", "2024-01-31", "2024-02-15")).isZero();
        assertThat(reoffences("2024-01-31", "2024-01-30", "2024-02-15")).isZero();
        assertThat(reoffences("2024-01-31", "2024-02-01", "2024-02-15")).isEqualTo(1);
    }

    @Test
    void anOffenceTwelveMonthsAfterTheIndexDateCountsAndADayLaterDoesNot() {
        assertThat(reoffences("2024-01-31", "2025-01-31", "2025-02-10")).isEqualTo(1);
        assertThat(reoffences("2024-01-31", "2025-02-01", "2025-02-10")).isZero();
        // LocalDate.plusMonths clamps to the month end: 29 Feb + 12 months is 28 Feb
        assertThat(reoffences("2024-02-29", "2025-02-28", "2025-03-10")).isEqualTo(1);
        assertThat(reoffences("2024-02-29", "2025-03-01", "2025-03-10")).isZero();
    }

    @Test
    void proofEighteenMonthsAfterTheIndexDateCountsAndADayLaterDoesNot() {
        assertThat(reoffences("2024-01-31", "2024-06-01", "2025-07-31")).isEqualTo(1);
        assertThat(reoffences("2024-01-31", "2024-06-01", "2025-08-01")).isZero();
    }

    @Test
    void countsEveryReoffenceAndDatesTheFirst() {
        Row r = follow(
                "2024-01-10",
                "2024-03-01",
                "2024-04-01",
                "2024-02-01",
                "2024-05-01",
                "2024-06-01",
                "2024-06-02",
                "2023-01-01",
                "2023-02-01");
        assertThat((Long) r.getAs("reoffences")).isEqualTo(3);
        assertThat(r.getAs("first_reoffence_date").toString()).isEqualTo("2024-02-01");
        assertThat((Integer) r.getAs("days_to_first_reoffence")).isEqualTo(22);
        assertThat((String) r.getAs("label")).isEqualTo("x");
        Row none = follow("2024-01-10");
        assertThat((Long) none.getAs("reoffences")).isZero();
        assertThat((Object) none.getAs("first_reoffence_date")).isNull();
    }
}
