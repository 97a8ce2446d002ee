package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.ReportingYears.Period;
import org.lcjp.reoffending.reports.pack.ReportingYears.YearRow;
import org.lcjp.reoffending.reports.pack.model.Chart;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/**
 * One breakdown dimension for the latest FINAL year and the year before (four quarters pooled each), all offenders,
 * adults and juveniles; a bar chart of the latest year's proportion who reoffended for all offenders.
 */
public final class BreakdownSheet implements PackSheet {
    /** Dimensions in the order the pack shows them. */
    public static final List<String> DIMENSIONS = List.of(
            "SEX",
            "AGE_BAND",
            "ETHNICITY",
            "OFFENCE_GROUP",
            "PREVIOUS_OFFENCES",
            "INDEX_DISPOSAL",
            "SENTENCE_LENGTH",
            "FORCE_AREA",
            "LOCAL_AUTHORITY");

    private final String dimension;

    public BreakdownSheet(String dimension) {
        this.dimension = dimension;
    }

    public static String sheetName(String dimension) {
        String words = dimension.toLowerCase(Locale.UK);
        return "By_" + words;
    }

    @Override
    public Sheet build(PackContext ctx) {
        String words = ctx.label("dimension", dimension);
        String name = sheetName(dimension);
        List<Period> periods = ctx.years().breakdownPeriods();
        String contents = "Proven reoffending by " + words.toLowerCase(Locale.UK) + ", latest two final years";
        String title = "Proven reoffending by " + words.toLowerCase(Locale.UK);
        if (periods.isEmpty()) {
            return new Sheet(
                    name,
                    contents,
                    title,
                    "This worksheet would contain one table; no year is final yet, " + "so it is not available [x].",
                    List.of(ctx.notes().line("FINAL")),
                    null,
                    List.of());
        }
        List<Column> columns =
                new ArrayList<>(List.of(Column.text("Period"), Column.text("Population"), Column.text(words)));
        columns.addAll(ReoffendingColumns.measures(false));
        List<List<Object>> table = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<Double> latestRates = new ArrayList<>();
        for (Period p : periods) {
            List<YearRow> rows = ctx.years().rows().stream()
                    .filter(r -> r.period().equals(p) && r.dimension().equals(dimension))
                    .sorted(Comparator.comparing(YearRow::population, ReoffendingColumns.POPULATION_ORDER)
                            .thenComparing(YearRow::category, ReoffendingColumns.CATEGORY_ORDER))
                    .toList();
            for (YearRow r : rows) {
                var shown = ctx.disclosedYears().shown(r);
                List<Object> row = new ArrayList<>(List.of(
                        p.label(), ctx.label("population", r.population()), ctx.label(dimension, r.category())));
                row.addAll(ReoffendingColumns.values(shown, false, false));
                table.add(row);
                if (p.equals(periods.get(0)) && r.population().equals("ALL")) {
                    categories.add(ctx.label(dimension, r.category()));
                    latestRates.add(shown.rate().number());
                }
            }
        }
        List<Chart> charts = table.isEmpty()
                ? List.of()
                : List.of(new Chart(
                        Chart.Type.BAR,
                        "Proportion who reoffended by " + words.toLowerCase(Locale.UK) + ", "
                                + periods.get(0).label(),
                        "Bar chart of the proportion of all offenders who reoffended in each "
                                + words.toLowerCase(Locale.UK)
                                + " category in " + periods.get(0).label()
                                + ". Withheld figures are left out. The figures are "
                                + "in the table.",
                        categories,
                        List.of(new Chart.Series("All offenders", latestRates)),
                        "0%"));
        String tableName = "Reoffending_by_" + dimension.toLowerCase(Locale.UK);
        return new Sheet(
                name,
                contents,
                title,
                "This worksheet contains one table: proven reoffending by " + words.toLowerCase(Locale.UK) + " in "
                        + periods.get(0).label()
                        + (periods.size() > 1 ? " and " + periods.get(1).label() : "")
                        + ", the latest final years, for all offenders, adults and juveniles.",
                List.of(
                        ctx.notes().line("COHORT", "YEARS", "DISCLOSURE", "RELIABILITY"),
                        ctx.source("proven_reoffending")),
                table.isEmpty() ? null : new Table(tableName, columns, table),
                charts);
    }
}
