package org.lcjp.reoffending.reports.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcjp.reoffending.reports.pack.PackFixtures.comparison;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lcjp.reoffending.reports.pack.PackData.ComparisonRow;

class DisclosedComparisonsTest {
    record Case(String description, ComparisonRow row, boolean peopleShown, boolean valueShown) {
        @Override
        public String toString() {
            return description;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("large group, ordinary rate", comparison("SEX", "OBSERVED", "F", "REOFFENDING_RATE", 100, 0.3,
                        "M", "OK", ""), true, true),
                new Case("group of 3", comparison("SEX", "OBSERVED", "F", "REOFFENDING_RATE", 3, 0.33, "M",
                        "TOO_SMALL", ""), false, false),
                new Case("rate revealing 2 reoffenders", comparison("SEX", "OBSERVED", "F", "REOFFENDING_RATE", 100,
                        0.02, "M", "OK", ""), true, false),
                new Case("rate revealing 1 non-reoffender", comparison("SEX", "OBSERVED", "F", "REOFFENDING_RATE", 80,
                        79.0 / 80, "M", "OK", ""), true, false),
                new Case("rate of zero is a true zero", comparison("SEX", "OBSERVED", "F", "REOFFENDING_RATE", 80,
                        0.0, "M", "OK", ""), true, true),
                new Case("need share revealing 4 people", comparison("NEEDS", "OBSERVED", "F", "NEED_SHARE", 200,
                        0.02, "M", "OK", ""), true, false),
                new Case("a mean over a large group", comparison("SEX", "OBSERVED", "F", "REOFFENCES_PER_OFFENDER", 80,
                        0.02, "M", "OK", ""), true, true),
                new Case("a mean over 4 people", comparison("SEX", "OBSERVED", "F", "REOFFENCES_PER_OFFENDER", 4,
                        1.5, "M", "TOO_SMALL", ""), false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void suppressesWhatWouldRevealASmallCount(Case c) {
        DisclosedComparisons.Shown s = DisclosedComparisons.shown(c.row(), List.of(c.row()), 5);
        assertThat(s.people().isNumber()).as("people shown").isEqualTo(c.peopleShown());
        assertThat(s.value().isNumber()).as("value shown").isEqualTo(c.valueShown());
        assertThat(s.ciLow().isNumber()).as("interval shown").isEqualTo(c.valueShown());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aDifferenceAgainstASuppressedReferenceIsSuppressed(Case c) {
        ComparisonRow reference = new ComparisonRow(c.row().comparison(), null, null, "OBSERVED", "M", "ALL",
                c.row().measure(), c.row().people(), c.row().value(), null, null, "M", null, null, null, null, null,
                null, "OK", "");
        ComparisonRow other = comparison(c.row().comparison(), "OBSERVED", "F", c.row().measure(), 500, 0.5, "M", "OK", "");
        DisclosedComparisons.Shown s = DisclosedComparisons.shown(other, List.of(reference, other), 5);
        assertThat(s.value().isNumber()).isTrue();
        assertThat(s.difference().isNumber()).as("difference shown").isEqualTo(c.valueShown());
        assertThat(s.pValue().isNumber()).as("p-value shown").isEqualTo(c.valueShown());
    }
}
