package org.lcjp.reoffending.reports.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.reports.pack.model.Layout;
import org.lcjp.reoffending.reports.pack.model.Periods;

class PeriodsAndLabelsTest {
    @Test
    void periodsAreInWords() {
        assertThat(Periods.label(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 3, 31)))
                .isEqualTo("Jan to Mar 2019");
        assertThat(Periods.label(LocalDate.of(2019, 7, 1), LocalDate.of(2019, 9, 30)))
                .isEqualTo("Jul to Sep 2019");
        assertThat(Periods.label(LocalDate.of(2018, 4, 1), LocalDate.of(2019, 3, 31)))
                .isEqualTo("April 2018 to March 2019");
        assertThat(Periods.label(LocalDate.of(2019, 4, 1), LocalDate.of(2019, 9, 30)))
                .isEqualTo("April 2019 to September 2019");
        assertThat(Periods.FinancialYear.parse("2018-19")).contains(new Periods.FinancialYear(2018));
        assertThat(Periods.FinancialYear.parse("FY2018/19")).contains(new Periods.FinancialYear(2018));
        assertThat(Periods.FinancialYear.parse("POOLED")).isEmpty();
        assertThat(Periods.FinancialYear.of(LocalDate.of(2019, 3, 31))).isEqualTo(new Periods.FinancialYear(2018));
    }

    @Test
    void codesAreWordsFromTheLabelsFileAndUnknownCodesSentenceCase() {
        Labels labels = Labels.load(PackFixtures.LABELS);
        assertThat(labels.of("INDEX_DISPOSAL", "COURT_ORDER")).isEqualTo("Court order");
        assertThat(labels.of("LOCAL_AUTHORITY", "OUT_OF_AREA")).isEqualTo("Outside the partnership area");
        assertThat(labels.of("LOCAL_AUTHORITY", "UNKNOWN")).as("common section").isEqualTo("Not known");
        assertThat(labels.of("measure", "A_NEW_CODE")).isEqualTo("A new code");
        assertThat(labels.of("LOCAL_AUTHORITY", "County Durham")).isEqualTo("County Durham");
    }

    @Test
    void textNeverStartsWithAFormulaCharacter() {
        assertThat(Layout.safeText("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(Layout.safeText("+1")).startsWith("'");
        assertThat(Layout.safeText("-rows.csv")).startsWith("'");
        assertThat(Layout.safeText("@sum")).startsWith("'");
        assertThat(Layout.safeText("police/outcomes.csv")).isEqualTo("police/outcomes.csv");
    }

    @Test
    void theScanFindsSmallNumbersInTextButNotDatesNotesOrDecimals() {
        assertThat(PackScan.wholeNumbers("People 3 (F 1) [note 2] in 1 April 2019, 2.5%, 12.0 and 4% of 2019-03-31"))
                .containsExactly(3L, 1L);
    }
}
