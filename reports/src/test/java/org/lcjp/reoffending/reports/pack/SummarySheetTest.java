package org.lcjp.reoffending.reports.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.reports.PanelPack;
import org.lcjp.reoffending.reports.pack.model.Chart;
import org.lcjp.reoffending.reports.pack.model.Sheet;

class SummarySheetTest {
    @Test
    void theSummaryIsSentencesFromTheFiguresWithTheProvisionalYearApart() {
        PackData data = PackFixtures.full();
        List<Sheet> sheets = PanelPack.build(data);
        Sheet summary = sheets.stream()
                .filter(s -> s.name().equals("Summary"))
                .findFirst()
                .orElseThrow();
        PackContext ctx = new PackContext(data);
        ReportingYears.Period latest = ctx.years().latestFinal().orElseThrow();
        var adult = ctx.disclosedYears()
                .shown(ctx.years().row(latest, "ADULT", "ALL", "ALL").orElseThrow());
        String rate =
                String.format(java.util.Locale.UK, "%.1f%%", 100 * adult.rate().number());
        assertThat(summary.lines())
                .anySatisfy(
                        l -> assertThat(l).startsWith("In " + latest.label()).contains(rate));
        assertThat(summary.lines()).anySatisfy(l -> assertThat(l).startsWith("Provisional [p]"));
        assertThat(summary.lines())
                .anySatisfy(l -> assertThat(l)
                        .startsWith("The adult rate was")
                        .containsAnyOf("statistically significant at 95%", "not statistically significant"));
        assertThat(summary.lines()).anySatisfy(l -> assertThat(l).startsWith("Checkpoint:"));
        assertThat(summary.lines()).anySatisfy(l -> assertThat(l).startsWith("Women:"));
        assertThat(summary.lines())
                .anySatisfy(l -> assertThat(l)
                        .startsWith("Integrated Offender Management:")
                        .contains("between 0.10 and 1.10 fewer"));
        assertThat(summary.lines()).anySatisfy(l -> assertThat(l).startsWith("Performance: of thirteen measures"));
        Chart chart = summary.charts().get(0);
        Chart.Series provisional = chart.series().get(chart.series().size() - 1);
        assertThat(provisional.name()).contains("provisional");
        for (int i = 0; i < chart.categories().size(); i++) {
            boolean isProvisional = chart.categories().get(i).endsWith("[p]");
            assertThat(provisional.values().get(i) == null).isEqualTo(!isProvisional);
            assertThat(chart.series().get(0).values().get(i) == null)
                    .as("final series at %s", chart.categories().get(i))
                    .isEqualTo(isProvisional);
        }
    }

    @Test
    void intervalsInWords() {
        assertThat(org.lcjp.reoffending.reports.pack.sheets.SummarySheet.intervalWords(-0.11, -0.032))
                .isEqualTo("between 3.2 and 11.0 percentage points lower");
        assertThat(org.lcjp.reoffending.reports.pack.sheets.SummarySheet.intervalWords(-0.02, 0.05))
                .isEqualTo("somewhere between 2.0 percentage points lower and 5.0 higher");
    }
}
