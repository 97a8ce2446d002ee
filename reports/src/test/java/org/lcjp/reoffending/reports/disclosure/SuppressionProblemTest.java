package org.lcjp.reoffending.reports.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionProblemTest {

    @Test
    void aOneWayTableWithOneSmallCellLosesTheSmallestOtherCell() {
        Suppression<String> s = new SuppressionProblem<String>()
                .visible("M", 40)
                .visible("F", 3)
                .visible("U", 12)
                .visible("ALL", 55)
                .group(List.of("M", "F", "U", "ALL"))
                .solve(5);
        assertThat(s.primary()).containsExactly("F");
        assertThat(s.secondary()).containsExactly("U");
    }

    @Test
    void aComplementIsPreferablyNotATrueZero() {
        Suppression<String> s = new SuppressionProblem<String>()
                .visible("a", 2)
                .visible("b", 0)
                .visible("c", 30)
                .visible("ALL", 32)
                .group(List.of("a", "b", "c", "ALL"))
                .solve(5);
        assertThat(s.secondary()).containsExactly("c");
    }

    @Test
    void aComplementSharedByTwoBrokenGroupsIsPreferredOverSmallerOnes() {
        // x1 and y1 are small; "shared" sits in both their groups and repairs both at once.
        Suppression<String> s = new SuppressionProblem<String>()
                .visible("x1", 2)
                .visible("y1", 3)
                .visible("shared", 50)
                .visible("x2", 10)
                .visible("y2", 10)
                .group(List.of("x1", "shared", "x2"))
                .group(List.of("y1", "shared", "y2"))
                .solve(5);
        assertThat(s.secondary()).containsExactly("shared");
    }

    @Test
    void aSmallHiddenCountProtectsItselfThroughAVisibleComplement() {
        // 10 offenders, 8 reoffenders: showing both would reveal that 2 did not reoffend.
        Suppression<String> s = new SuppressionProblem<String>()
                .visible("offenders", 10)
                .visible("reoffenders", 8)
                .hidden("non_reoffenders", 2)
                .group(List.of("offenders", "reoffenders", "non_reoffenders"))
                .solve(5);
        assertThat(s.primary()).isEmpty();
        assertThat(s.secondary()).containsExactly("reoffenders");
    }

    @Test
    void aLargeHiddenCountIsNoReasonToSuppress() {
        Suppression<String> s = new SuppressionProblem<String>()
                .visible("offenders", 100)
                .visible("reoffenders", 30)
                .hidden("non_reoffenders", 70)
                .group(List.of("offenders", "reoffenders", "non_reoffenders"))
                .solve(5);
        assertThat(s.size()).isZero();
    }

    @Test
    void aSuppressedCellNextToAHiddenOneIsAlreadyProtected() {
        // reoffenders suppressed (3); with the non-reoffenders never shown, offenders 40 gives nothing away.
        Suppression<String> s = new SuppressionProblem<String>()
                .visible("offenders", 40)
                .visible("reoffenders", 3)
                .hidden("non_reoffenders", 37)
                .group(List.of("offenders", "reoffenders", "non_reoffenders"))
                .solve(5);
        assertThat(s.primary()).containsExactly("reoffenders");
        assertThat(s.secondary()).isEmpty();
    }

    @Test
    void suppressionPropagatesAcrossSharedTotals() {
        // Two breakdowns share the ALL cell: suppressing it in one must hold in the other.
        Suppression<String> s = new SuppressionProblem<String>()
                .visible("ALL", 6)
                .visible("M", 2)
                .visible("F", 4)
                .visible("A1", 3)
                .visible("A2", 3)
                .group(List.of("ALL", "M", "F"))
                .group(List.of("ALL", "A1", "A2"))
                .solve(5);
        assertThat(s.primary()).containsExactlyInAnyOrder("M", "F", "A1", "A2");
        assertThat(s.secondary()).isEmpty();
    }

    @Test
    void rejectsContradictoryCellsAndUnknownGroupMembers() {
        SuppressionProblem<String> p = new SuppressionProblem<String>().visible("a", 1);
        assertThatThrownBy(() -> p.visible("a", 2))
                .hasMessage("Cannot add disclosure cell: a added twice with different counts (1, 2)");
        assertThatThrownBy(() -> p.group(List.of("a", "b")))
                .hasMessage("Cannot add disclosure group: unknown cell (b)");
        assertThatThrownBy(() -> p.solve(0))
                .hasMessage("Cannot apply disclosure control: threshold must be at least 1 (0)");
    }

    @Test
    void ratiosFollowTheirNumeratorAndDenominator() {
        assertThat(Ratios.suppress(100, false, false, 5)).isFalse();
        assertThat(Ratios.suppress(100, false, true, 5))
                .as("numerator suppressed")
                .isTrue();
        assertThat(Ratios.suppress(100, true, false, 5))
                .as("denominator suppressed")
                .isTrue();
        assertThat(Ratios.suppress(4, false, false, 5))
                .as("denominator below threshold")
                .isTrue();
        assertThat(Ratios.notApplicable(0)).isTrue();
    }
}
