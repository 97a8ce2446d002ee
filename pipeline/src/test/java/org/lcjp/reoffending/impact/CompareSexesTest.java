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
            .add("person_id", DataTypes.StringType)
            .add("index_date", DataTypes.DateType)
            .add("sex", DataTypes.StringType)
            .add("reoffences", DataTypes.LongType)
            .add("days_to_first_reoffence", DataTypes.IntegerType)
            .add("need_substance_misuse", DataTypes.IntegerType)
            .add("need_housing_support", DataTypes.IntegerType)
            .add("need_probation_supervision", DataTypes.IntegerType);

    @Test
    void womenAgainstMenOnEveryMeasureAndNeed() {
        Dataset<Row> events = frame(
                EVENTS,
                row("F1", "2024-05-01", "F", 1L, 10, 1),
                row("F1", "2024-11-01", "F", 0L, null, 0), // one person of FY2024-25
                row("F2", "2024-05-01", "F", 0L, null, 0),
                row("M1", "2024-05-01", "M", 2L, 30, 1),
                row("M2", "2024-05-01", "M", 0L, null, 0),
                row("M3", "2024-05-01", "M", 0L, null, 0),
                row("U1", "2024-05-01", "U", 5L, 5, 1),
                row("M4", "2025-03-02", "M", 0L, null, 0)); // follow-up incomplete
        ComparisonPeriods periods = new ComparisonPeriods(CohortSettings.defaults(), LocalDate.of(2026, 9, 1), 4, null);
        Dataset<Row> sample = CompareSexes.sample(events, periods);
        assertThat(sample.count()).isEqualTo(6);
        List<ComparisonRow> rows = new CompareSexes(
                        new ComparisonSettings(1, null, null, null, null, null, null, null, null, null))
                .run(sample);

        assertThat(rows).hasSize(2 * (6 + 6 + 6));
        assertThat(rows).allSatisfy(r -> assertThat(r.referenceGroup()).isEqualTo("M"));
        assertThat(rows).extracting(ComparisonRow::period).containsOnly("FY2024-25", "POOLED");
        assertThat(rows)
                .filteredOn(r -> r.period().equals("FY2024-25"))
                .allSatisfy(r -> assertThat(r.cohortStart()).isEqualTo(LocalDate.of(2024, 4, 1)));
        assertThat(rows)
                .filteredOn(r -> r.period().equals("POOLED"))
                .allSatisfy(r -> assertThat(r.cohortStart()).isNull());
        rows = rows.stream().filter(r -> r.period().equals("POOLED")).toList();
        ComparisonRow womenRate = find(rows, "SEX", "ALL", "REOFFENDING_RATE", "F");
        assertThat(womenRate.people()).isEqualTo(2);
        assertThat(womenRate.value()).isEqualTo(0.5);
        assertThat(womenRate.difference()).isEqualTo(0.5 - 1.0 / 3);
        assertThat(find(rows, "SEX", "ALL", "DAYS_TO_FIRST_REOFFENCE", "M").people())
                .isEqualTo(1);
        assertThat(find(rows, "NEEDS", "SUBSTANCE_MISUSE", "NEED_SHARE", "F").value())
                .isEqualTo(0.5);
        assertThat(find(rows, "NEEDS", "SUBSTANCE_MISUSE", "NEED_SHARE", "M").value())
                .isEqualTo(1.0 / 3);
        assertThat(find(rows, "NEEDS", "HOUSING_SUPPORT", "NEED_SHARE", "F").value())
                .isZero();
        ComparisonRow withNeed = find(rows, "NEEDS", "SUBSTANCE_MISUSE", "REOFFENCES_PER_OFFENDER", "M");
        assertThat(withNeed.people()).isEqualTo(1);
        assertThat(withNeed.value()).isEqualTo(2.0);
    }

    @Test
    void assessedNeedsAreSharesOfThePeopleAssessedAtTheLatestAssessmentUpToTheIndexDate() {
        Dataset<Row> events = frame(
                EVENTS,
                row("F1", "2024-05-01", "F", 1L, 10, 0),
                row("F2", "2024-05-01", "F", 0L, null, 0),
                row("M1", "2024-05-01", "M", 2L, 30, 0),
                row("M2", "2024-05-01", "M", 0L, null, 0),
                row("M3", "2024-05-01", "M", 0L, null, 0));
        StructType schema = new StructType()
                .add("person_id", DataTypes.StringType)
                .add("assessment_date", DataTypes.DateType)
                .add("assessment_record_id", DataTypes.StringType);
        StructType assessmentSchema = schema;
        for (String n : org.lcjp.reoffending.domain.Datasets.ASSESSED_NEEDS) {
            assessmentSchema = assessmentSchema.add(n, DataTypes.StringType);
        }
        assessmentSchema = assessmentSchema.add("reoffending_risk", DataTypes.StringType);
        Dataset<Row> assessments = frame(
                assessmentSchema,
                assessment("F1", "2024-01-10", "a1", "N", "Y"),
                assessment("F2", "2023-04-30", "a2", "Y", "Y"), // more than 12 months before: not assessed
                assessment("M1", "2024-04-01", "a3", "Y", "N"),
                assessment("M1", "2024-06-01", "a4", "Y", "Y"), // after the index date: not seen
                assessment("M2", "2024-05-01", "a5", "N", "Y")); // on the index date: seen
        ComparisonPeriods periods = new ComparisonPeriods(CohortSettings.defaults(), LocalDate.of(2026, 9, 1), 4, null);
        Dataset<Row> people = NeedsProfile.withAssessedNeeds(CompareSexes.sample(events, periods), assessments, 12);
        assertThat(people.count()).isEqualTo(5);
        List<ComparisonRow> rows = new CompareSexes(
                        new ComparisonSettings(1, null, null, null, null, null, null, null, null, null))
                .run(people).stream().filter(r -> r.period().equals("POOLED")).toList();

        ComparisonRow womenDrugs = find(rows, "NEEDS", "DRUGS", "NEED_SHARE", "F");
        assertThat(womenDrugs.people()).isEqualTo(1);
        assertThat(womenDrugs.value()).isEqualTo(1.0);
        ComparisonRow menDrugs = find(rows, "NEEDS", "DRUGS", "NEED_SHARE", "M");
        assertThat(menDrugs.people()).isEqualTo(2);
        assertThat(menDrugs.value()).isEqualTo(0.5);
        assertThat(find(rows, "NEEDS", "ACCOMMODATION", "NEED_SHARE", "M").value())
                .isEqualTo(0.5);
        assertThat(find(rows, "NEEDS", "ACCOMMODATION", "NEED_SHARE", "F").value())
                .isZero();
        assertThat(find(rows, "NEEDS", "DRUGS", "REOFFENDING_RATE", "F").value())
                .isEqualTo(1.0);
        assertThat(find(rows, "NEEDS", "DRUGS", "REOFFENDING_RATE", "M").value())
                .isZero();
        assertThat(find(rows, "NEEDS", "SUBSTANCE_MISUSE", "NEED_SHARE", "M").people())
                .as("service needs: everyone")
                .isEqualTo(3);
        assertThat(rows).extracting(ComparisonRow::subgroup).contains("ATTITUDES", "PROBATION_SUPERVISION");
    }

    /** An assessment with accommodation and drugs as given, every other need N. */
    private static Object[] assessment(String person, String date, String id, String accommodation, String drugs) {
        List<Object> values = new java.util.ArrayList<>(List.of(person, d(date), id));
        for (String n : org.lcjp.reoffending.domain.Datasets.ASSESSED_NEEDS) {
            values.add(n.equals("accommodation") ? accommodation : n.equals("drugs") ? drugs : "N");
        }
        values.add("MEDIUM");
        return values.toArray();
    }

    private static Object[] row(String id, String date, String sex, long reoffences, Integer days, int substance) {
        return new Object[] {id, d(date), sex, reoffences, days, substance, 0, 0};
    }

    private static ComparisonRow find(
            List<ComparisonRow> rows, String comparison, String subgroup, String measure, String group) {
        return rows.stream()
                .filter(r -> r.comparison().equals(comparison)
                        && r.subgroup().equals(subgroup)
                        && r.measure().equals(measure)
                        && r.groupName().equals(group))
                .findFirst()
                .orElseThrow();
    }
}
