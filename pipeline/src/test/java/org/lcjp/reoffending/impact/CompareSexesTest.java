package org.lcjp.reoffending.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcjp.reoffending.impact.ImpactFixtures.d;
import static org.lcjp.reoffending.impact.ImpactFixtures.frame;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.settings.ComparisonSettings;

class CompareSexesTest {
    private static final StructType EVENTS = new StructType()
            .add("person_id", DataTypes.StringType).add("index_date", DataTypes.DateType).add("sex", DataTypes.StringType)
            .add("reoffences", DataTypes.LongType).add("days_to_first_reoffence", DataTypes.IntegerType)
            .add("need_substance_misuse", DataTypes.IntegerType).add("need_housing_support", DataTypes.IntegerType)
            .add("need_probation_supervision", DataTypes.IntegerType);

    @Test
    void womenAgainstMenOnEveryMeasureAndNeed() {
        Dataset<Row> events = frame(EVENTS,
                row("F1", "2024-05-01", "F", 1L, 10, 1), row("F1", "2024-11-01", "F", 0L, null, 0),  // one person of FY2024-25
                row("F2", "2024-05-01", "F", 0L, null, 0),
                row("M1", "2024-05-01", "M", 2L, 30, 1), row("M2", "2024-05-01", "M", 0L, null, 0),
                row("M3", "2024-05-01", "M", 0L, null, 0), row("U1", "2024-05-01", "U", 5L, 5, 1),
                row("M4", "2025-03-02", "M", 0L, null, 0));                                           // follow-up incomplete
        ComparisonPeriods periods = new ComparisonPeriods(CohortSettings.defaults(), LocalDate.of(2026, 9, 1), 4);
        Dataset<Row> sample = CompareSexes.sample(events, periods);
        assertThat(sample.count()).isEqualTo(6);
        List<ComparisonRow> rows = new CompareSexes(new ComparisonSettings(1, null, null, null, null, null, null, null, null))
                .run(sample);

        assertThat(rows).hasSize(2 * (6 + 6 + 6));
        assertThat(rows).allSatisfy(r -> assertThat(r.referenceGroup()).isEqualTo("M"));
        assertThat(rows).extracting(ComparisonRow::period).containsOnly("FY2024-25", "POOLED");
        assertThat(rows).filteredOn(r -> r.period().equals("FY2024-25"))
                .allSatisfy(r -> assertThat(r.cohortStart()).isEqualTo(LocalDate.of(2024, 4, 1)));
        assertThat(rows).filteredOn(r -> r.period().equals("POOLED")).allSatisfy(r -> assertThat(r.cohortStart()).isNull());
        rows = rows.stream().filter(r -> r.period().equals("POOLED")).toList();
        ComparisonRow womenRate = find(rows, "SEX", "ALL", "REOFFENDING_RATE", "F");
        assertThat(womenRate.people()).isEqualTo(2);
        assertThat(womenRate.value()).isEqualTo(0.5);
        assertThat(womenRate.difference()).isEqualTo(0.5 - 1.0 / 3);
        assertThat(find(rows, "SEX", "ALL", "DAYS_TO_FIRST_REOFFENCE", "M").people()).isEqualTo(1);
        assertThat(find(rows, "NEEDS", "SUBSTANCE_MISUSE", "NEED_SHARE", "F").value()).isEqualTo(0.5);
        assertThat(find(rows, "NEEDS", "SUBSTANCE_MISUSE", "NEED_SHARE", "M").value()).isEqualTo(1.0 / 3);
        assertThat(find(rows, "NEEDS", "HOUSING_SUPPORT", "NEED_SHARE", "F").value()).isZero();
        ComparisonRow withNeed = find(rows, "NEEDS", "SUBSTANCE_MISUSE", "REOFFENCES_PER_OFFENDER", "M");
        assertThat(withNeed.people()).isEqualTo(1);
        assertThat(withNeed.value()).isEqualTo(2.0);
    }

    private static Object[] row(String id, String date, String sex, long reoffences, Integer days, int substance) {
        return new Object[] {id, d(date), sex, reoffences, days, substance, 0, 0};
    }

    private static ComparisonRow find(List<ComparisonRow> rows, String comparison, String subgroup, String measure,
                                      String group) {
        return rows.stream().filter(r -> r.comparison().equals(comparison) && r.subgroup().equals(subgroup)
                && r.measure().equals(measure) && r.groupName().equals(group)).findFirst().orElseThrow();
    }
}
