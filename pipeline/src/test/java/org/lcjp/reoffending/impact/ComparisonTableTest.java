package org.lcjp.reoffending.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.settings.ComparisonSettings;

class ComparisonTableTest {
    private static final ComparisonTable.Cell CELL = new ComparisonTable.Cell(
            ComparisonRow.DIVERSION, ComparisonRow.POOLED, null, null, ComparisonRow.OBSERVED, ComparisonRow.ALL);
    private final ComparisonTable table = new ComparisonTable(ComparisonSettings.defaults());

    private static GroupOutcome rate(String name, long people, double reoffenders) {
        return new GroupOutcome(
                name,
                people,
                Map.of(
                        ComparisonRow.REOFFENDING_RATE,
                        new GroupOutcome.Measured(people, SampleSummary.ofProportion(reoffenders, people))));
    }

    @Test
    void eachGroupGetsItsRateAndTheOtherGroupItsDifferenceFromTheReference() {
        List<ComparisonRow> rows = table.rows(
                CELL,
                "PROSECUTED",
                List.of(rate("DIVERTED", 100, 30), rate("PROSECUTED", 100, 45)),
                List.of(ComparisonRow.REOFFENDING_RATE),
                null);
        assertThat(rows).hasSize(2);
        ComparisonRow diverted = rows.get(0);
        assertThat(diverted.value()).isEqualTo(0.30);
        assertThat(diverted.difference()).isCloseTo(-0.15, within(1e-12));
        assertThat(diverted.pValue()).isCloseTo(0.0284597, within(1e-6));
        assertThat(diverted.significant()).isTrue();
        assertThat(diverted.sampleSizeNeeded()).as("only when not significant").isNull();
        assertThat(diverted.status()).isEqualTo(ComparisonRow.OK);
        ComparisonRow prosecuted = rows.get(1);
        assertThat(prosecuted.referenceGroup()).isEqualTo("PROSECUTED");
        assertThat(prosecuted.difference()).isNull();
        assertThat(prosecuted.ciLow()).isCloseTo(0.3561454, within(1e-6));
    }

    @Test
    void aNonSignificantDifferenceSaysHowManyPeopleWouldBeNeeded() {
        ComparisonRow row = table.rows(
                        CELL,
                        "PROSECUTED",
                        List.of(rate("DIVERTED", 100, 42), rate("PROSECUTED", 100, 45)),
                        List.of(ComparisonRow.REOFFENDING_RATE),
                        null)
                .get(0);
        assertThat(row.significant()).isFalse();
        assertThat(row.sampleSizeNeeded()).isGreaterThan(100L);
    }

    @Test
    void groupsBelowTheMinimumAreReportedTooSmallWithTheirRowPresent() {
        List<ComparisonRow> rows = table.rows(
                CELL,
                "PROSECUTED",
                List.of(rate("DIVERTED", 59, 20), rate("PROSECUTED", 300, 100)),
                List.of(ComparisonRow.REOFFENDING_RATE),
                null);
        assertThat(rows).extracting(ComparisonRow::status).containsOnly(ComparisonRow.TOO_SMALL);
        assertThat(rows.get(0).people()).isEqualTo(59);
        assertThat(rows.get(0).value()).isNull();
        assertThat(rows.get(0).note()).isEqualTo("Cannot compare: a group has fewer than 60 people (DIVERTED 59)");
    }

    @Test
    void anAbsentReferenceGroupStillHasItsRow() {
        List<ComparisonRow> rows = table.rows(
                CELL, "PROSECUTED", List.of(rate("DIVERTED", 100, 30)), List.of(ComparisonRow.REOFFENDING_RATE), null);
        assertThat(rows).extracting(ComparisonRow::groupName).containsExactly("DIVERTED", "PROSECUTED");
        assertThat(rows).extracting(ComparisonRow::status).containsOnly(ComparisonRow.TOO_SMALL);
    }

    @Test
    void matchedWeightsCountAsTheirEffectiveSampleSize() {
        // 4 people, weights 1,1,1,5: Σw = 8, Σw² = 28, effective n = 64 / 28 = 2.29
        SampleSummary s = OutcomeSummaries.effective(8, 28, 6, 6);
        assertThat(s.weight()).isCloseTo(64.0 / 28, within(1e-12));
        assertThat(s.mean()).isCloseTo(0.75, within(1e-12));
        assertThat(OutcomeSummaries.effective(5, 5, 2, 2)).isEqualTo(new SampleSummary(5, 2, 2));
    }
}
