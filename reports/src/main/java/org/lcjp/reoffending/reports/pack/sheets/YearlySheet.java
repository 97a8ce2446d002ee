package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.ReportingYears.YearRow;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/** Proven reoffending per year (final years, then the provisional ones), all offenders, adults and juveniles. */
public final class YearlySheet implements PackSheet {
    public static final String NAME = "Reoffending_by_year";

    @Override
    public Sheet build(PackContext ctx) {
        List<YearRow> rows = ctx.years().rows().stream()
                .filter(r -> r.dimension().equals("ALL"))
                .sorted(Comparator.comparing((YearRow r) -> r.period().start())
                        .reversed()
                        .thenComparing(YearRow::population, ReoffendingColumns.POPULATION_ORDER))
                .toList();
        List<Column> columns =
                new ArrayList<>(List.of(Column.text("Period"), Column.text("Status"), Column.text("Population")));
        columns.addAll(ReoffendingColumns.measures(true));
        List<List<Object>> table = new ArrayList<>();
        for (YearRow r : rows) {
            List<Object> row = new ArrayList<>(List.of(
                    r.period().label(),
                    ctx.label("status", r.period().isFinal() ? "FINAL" : "PROVISIONAL"),
                    ctx.label("population", r.population())));
            row.addAll(ReoffendingColumns.values(
                    ctx.disclosedYears().shown(r), !r.period().isFinal(), true));
            table.add(row);
        }
        return new Sheet(
                NAME,
                "Proven reoffending by year: final years and the provisional year, adults and juveniles",
                "Proven reoffending by year, April to March",
                "This worksheet contains one table: offenders, reoffenders, the proportion who reoffended, reoffences "
                        + "and their harm for each year, newest first, for all offenders, adults and juveniles.",
                List.of(
                        ctx.notes().line("COHORT", "YEARS", "FINAL", "HARM", "DISCLOSURE", "RELIABILITY"),
                        ctx.source("proven_reoffending")),
                new Table("Reoffending_by_year", columns, table),
                List.of());
    }
}
