package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/** The latest extract each agency delivered: how current the figures can be. */
public final class SourcesSheet implements PackSheet {
    @Override
    public Sheet build(PackContext ctx) {
        String name = "Data_sources";
        String contents = "The latest extract delivered by each agency";
        String title = "Data sources: the latest extract from each agency";
        List<List<Object>> rows = new ArrayList<>();
        new TreeMap<>(ctx.data().latestExtracts())
                .forEach((agency, date) -> rows.add(new ArrayList<>(List.of(ctx.label("agency", agency), date))));
        if (rows.isEmpty()) {
            return ctx.absent(name, contents, title, "data_quality");
        }
        return new Sheet(
                name,
                contents,
                title,
                "This worksheet contains one table: the date of the latest extract read from each agency. Figures "
                        + "can be final only up to what the police, courts and youth offending services have delivered.",
                List.of(ctx.notes().line("FINAL"), ctx.source("data_quality")),
                new Table("Data_sources", List.of(Column.text("Agency"), Column.date("Latest extract")), rows),
                List.of());
    }
}
