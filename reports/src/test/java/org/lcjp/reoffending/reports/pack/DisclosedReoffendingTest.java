package org.lcjp.reoffending.reports.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcjp.reoffending.reports.pack.PackFixtures.row;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.reports.pack.PackData.ReoffendingRow;

class DisclosedReoffendingTest {
    static final LocalDate Q1 = LocalDate.of(2023, 1, 1);
    static final LocalDate Q2 = LocalDate.of(2023, 4, 1);

    @Test
    void nothingIsSuppressedWhenEveryCountIsLarge() {
        List<ReoffendingRow> rows = List.of(
                row(Q1, "ALL", "ALL", "ALL", 100, 30, 60),
                row(Q1, "ALL", "SEX", "M", 80, 20, 40),
                row(Q1, "ALL", "SEX", "F", 20, 10, 20));
        DisclosedReoffending d = DisclosedReoffending.apply(rows, 5);
        rows.forEach(r -> assertThat(d.shown(r).offenders().number()).isEqualTo((double) r.offenders()));
        assertThat(d.shown(rows.get(2)).reoffendingRate()).isEqualTo(Figure.of(0.5));
    }

    @Test
    void aSmallCategoryTakesTheSmallestOtherCategoryNotTheTotal() {
        List<ReoffendingRow> rows = List.of(
                row(Q1, "ALL", "ALL", "ALL", 100, 30, 60),
                row(Q1, "ALL", "SEX", "M", 80, 20, 40),
                row(Q1, "ALL", "SEX", "F", 17, 8, 16),
                row(Q1, "ALL", "SEX", "U", 3, 2, 4));
        DisclosedReoffending d = DisclosedReoffending.apply(rows, 5);
        assertThat(d.shown(rows.get(3)).offenders()).isEqualTo(Figure.SUPPRESSED);
        assertThat(d.shown(rows.get(2)).offenders()).as("F is the complement").isEqualTo(Figure.SUPPRESSED);
        assertThat(d.shown(rows.get(1)).offenders()).isEqualTo(Figure.of(80));
        assertThat(d.shown(rows.get(0)).offenders()).as("the headline total stays").isEqualTo(Figure.of(100));
        assertThat(d.shown(rows.get(3)).reoffencesPerReoffender()).isEqualTo(Figure.SUPPRESSED);
    }

    @Test
    void cohortsAreProtectedSeparately() {
        List<ReoffendingRow> rows = List.of(
                row(Q1, "ALL", "ALL", "ALL", 100, 30, 60),
                row(Q1, "ALL", "SEX", "M", 97, 29, 58),
                row(Q1, "ALL", "SEX", "F", 3, 1, 2),
                row(Q2, "ALL", "ALL", "ALL", 100, 30, 60),
                row(Q2, "ALL", "SEX", "M", 50, 15, 30),
                row(Q2, "ALL", "SEX", "F", 50, 15, 30));
        DisclosedReoffending d = DisclosedReoffending.apply(rows, 5);
        assertThat(d.shown(rows.get(2)).offenders()).isEqualTo(Figure.SUPPRESSED);
        assertThat(d.shown(rows.get(4)).offenders()).isEqualTo(Figure.of(50));
    }

    @Test
    void fewPeopleWhoDidNotReoffendAreNotGivenAway() {
        // 40 offenders, 38 reoffenders: showing both tells that 2 did not reoffend.
        List<ReoffendingRow> rows = List.of(
                row(Q1, "ALL", "ALL", "ALL", 240, 68, 120),
                row(Q1, "ALL", "SEX", "M", 200, 30, 60),
                row(Q1, "ALL", "SEX", "F", 40, 38, 60));
        DisclosedReoffending d = DisclosedReoffending.apply(rows, 5);
        DisclosedReoffending.Shown f = d.shown(rows.get(2));
        assertThat(f.offenders().isNumber() && f.reoffenders().isNumber()).as("offenders and reoffenders both shown")
                .isFalse();
        assertThat(f.reoffendingRate()).isEqualTo(Figure.SUPPRESSED);
    }

    @Test
    void sentenceLengthsAddUpToCustodyNotToTheCohort() {
        List<ReoffendingRow> rows = List.of(
                row(Q1, "ALL", "ALL", "ALL", 500, 100, 200),
                row(Q1, "ALL", "INDEX_DISPOSAL", "CUSTODY", 60, 30, 60),
                row(Q1, "ALL", "INDEX_DISPOSAL", "CAUTION", 440, 70, 140),
                row(Q1, "ALL", "SENTENCE_LENGTH", "0-6M", 57, 28, 55),
                row(Q1, "ALL", "SENTENCE_LENGTH", "6-12M", 3, 2, 5));
        DisclosedReoffending d = DisclosedReoffending.apply(rows, 5);
        assertThat(d.shown(rows.get(4)).offenders()).isEqualTo(Figure.SUPPRESSED);
        // The only other cell of the custody group is 0-6M (or CUSTODY itself): one of them must go.
        assertThat(d.shown(rows.get(3)).offenders().isNumber() && d.shown(rows.get(1)).offenders().isNumber()).isFalse();
    }

    @Test
    void aRateOverNobodyIsNotApplicableButZeroCountsAreShown() {
        List<ReoffendingRow> rows = List.of(
                row(Q1, "ALL", "ALL", "ALL", 100, 30, 60),
                row(Q1, "ALL", "SEX", "M", 100, 30, 60),
                row(Q1, "ALL", "SEX", "U", 0, 0, 0));
        DisclosedReoffending d = DisclosedReoffending.apply(rows, 5);
        assertThat(d.shown(rows.get(2)).offenders()).isEqualTo(Figure.of(0));
        assertThat(d.shown(rows.get(2)).reoffendingRate()).isEqualTo(Figure.NOT_APPLICABLE);
        assertThat(d.shown(rows.get(2)).reoffencesPerReoffender()).isEqualTo(Figure.NOT_APPLICABLE);
    }
}
