package org.lcjp.reoffending.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.reports.pack.model.Chart;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/** A chart draws only figures some table of the pack shows (as PackScan checks of every written pack). */
class ChartsOfShownFiguresTest {
    @Test
    void aChartValueNoTableShowsIsLeftOut() {
        Table shown = new Table(
                "Yearly",
                List.of(Column.text("Year"), Column.decimal("Share")),
                List.of(
                        List.of("2017", new Formatted(Figure.of(0.25), Column.Kind.PERCENT)),
                        List.of("2018", Figure.CONFIDENTIAL)));
        Sheet table = new Sheet("Yearly", "Yearly shares", "Yearly", "A table.", List.of(), shown, List.of());
        // 0.147 is shown nowhere (its sheet gives [x]); 0.25 is; null stays a gap.
        Chart trend = new Chart(
                Chart.Type.LINE,
                "Trend",
                "A trend.",
                List.of("2016", "2017", "2018"),
                List.of(
                        new Chart.Series("Share", Arrays.asList(0.147, 0.25, null)),
                        new Chart.Series("Other", Arrays.asList(0.5, null, null))),
                "0%");
        Sheet charted = new Sheet(
                "Performance",
                "Performance",
                "Performance",
                "A chart.",
                List.of(),
                new Table("Performance", List.of(Column.text("Measure")), List.of(List.of("x"))),
                List.of(trend));

        List<Sheet> out = PanelPack.chartsOfShownFigures(List.of(table, charted));

        assertThat(out.get(0)).isSameAs(table);
        Chart kept = out.get(1).charts().get(0);
        assertThat(kept.series().get(0).values()).containsExactly(null, 0.25, null);
        assertThat(kept.series().get(1).values()).containsExactly(null, null, null);
    }

    @Test
    void aChartLeftWithNothingToDrawIsDropped() {
        Chart trend = new Chart(
                Chart.Type.LINE,
                "Trend",
                "A trend.",
                List.of("2016"),
                List.of(new Chart.Series("Share", List.of(0.147))),
                "0%");
        Sheet charted = new Sheet(
                "Performance",
                "Performance",
                "Performance",
                "A chart.",
                List.of(),
                new Table("Performance", List.of(Column.text("Measure")), List.of(List.of("x"))),
                List.of(trend));
        assertThat(PanelPack.chartsOfShownFigures(List.of(charted)).get(0).charts())
                .isEmpty();
    }
}
