package org.lcjp.reoffending.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.settings.CohortSettings;

class BandsTest {
    private final CohortSettings s = CohortSettings.defaults();

    @Test
    void defaultBandsAreThoseOfTheMethodology() {
        assertThat(Bands.countLabels(s.ageBandStarts()))
                .containsExactly("10-14", "15-17", "18-20", "21-24", "25-29", "30-34", "35-39", "40-49", "50+");
        assertThat(Bands.countLabels(s.previousOffenceBandStarts())).containsExactly("0", "1-2", "3-6", "7-10", "11+");
        assertThat(Bands.monthLabels(s.sentenceBandStartsMonths())).containsExactly("0-6M", "6-12M", "12-48M", "48M+");
    }

    @Test
    void previousOffenceCountsFallInTheirBands() {
        List<String> labels = Bands.countLabels(s.previousOffenceBandStarts());
        var df = MeasureFixtures.spark()
                .range(0, 13)
                .toDF("n")
                .select(Bands.band(org.apache.spark.sql.functions.col("n"), s.previousOffenceBandStarts(), labels)
                        .as("b"))
                .collectAsList();
        assertThat(df)
                .extracting(r -> r.getString(0))
                .containsExactly(
                        "0", "1-2", "1-2", "3-6", "3-6", "3-6", "3-6", "7-10", "7-10", "7-10", "7-10", "11+", "11+");
    }

    @Test
    void ageIsWholeYearsWithTheBirthdayCounting() {
        assertThat(AgeAtDate.yearsBetween(LocalDate.of(2006, 2, 15), LocalDate.of(2024, 2, 14)))
                .isEqualTo(17);
        assertThat(AgeAtDate.yearsBetween(LocalDate.of(2006, 2, 15), LocalDate.of(2024, 2, 15)))
                .isEqualTo(18);
        assertThat(AgeAtDate.yearsBetween(LocalDate.of(2004, 2, 29), LocalDate.of(2022, 2, 28)))
                .isEqualTo(17);
        assertThat(AgeAtDate.yearsBetween(LocalDate.of(2004, 2, 29), LocalDate.of(2022, 3, 1)))
                .isEqualTo(18);
    }
}
