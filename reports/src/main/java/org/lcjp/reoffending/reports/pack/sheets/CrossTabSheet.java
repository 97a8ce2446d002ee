package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.ReportingYears.CrossRow;
import org.lcjp.reoffending.reports.pack.ReportingYears.Period;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/** Local authority by a second dimension (sex, age band) for the two latest final years, all offenders. */
public final class CrossTabSheet implements PackSheet {
    private final String columnDimension;

    public CrossTabSheet(String columnDimension) {
        this.columnDimension = columnDimension;
    }

    @Override
    public Sheet build(PackContext ctx) {
        String words = ctx.label("dimension", columnDimension).toLowerCase(Locale.UK);
        String name = "LA_by_" + columnDimension.toLowerCase(Locale.UK);
        String contents = "Proven reoffending by local authority and " + words + ", latest two final years";
        String title = "Proven reoffending by local authority and " + words;
        if (ctx.data().crossTabs().isEmpty()) {
            return ctx.absent(name, contents, title, "index events (warehouse/measures/index_events)");
        }
        List<Period> periods = ctx.years().breakdownPeriods();
        List<List<Object>> table = new ArrayList<>();
        for (Period p : periods) {
            ctx.years().crossRows().stream()
                    .filter(c -> c.period().equals(p) && c.columnDimension().equals(columnDimension))
                    .sorted(Comparator.comparing(CrossRow::rowCategory, ReoffendingColumns.CATEGORY_ORDER)
                            .thenComparing(CrossRow::columnCategory, ReoffendingColumns.CATEGORY_ORDER))
                    .forEach(c -> {
                        var s = ctx.disclosedYears().shown(c);
                        table.add(new ArrayList<>(List.of(
                                p.label(),
                                ctx.label(c.rowDimension(), c.rowCategory()),
                                ctx.label(columnDimension, c.columnCategory()),
                                s.offenders(),
                                s.reoffenders(),
                                s.rate(),
                                ReoffendingColumns.flags(
                                        false, s.lowReliability() && s.rate().isNumber()))));
                    });
        }
        if (table.isEmpty()) {
            return new Sheet(
                    name,
                    contents,
                    title,
                    "This worksheet would contain one table; no year is final yet, so " + "it is not available [x].",
                    List.of(),
                    null,
                    List.of());
        }
        return new Sheet(
                name,
                contents,
                title,
                "This worksheet contains one table: offenders, reoffenders and the proportion who reoffended by local "
                        + "authority and " + words + ", for all offenders in the latest final years.",
                List.of(
                        ctx.notes().line("COHORT", "YEARS", "CROSS_TAB", "DISCLOSURE", "RELIABILITY"),
                        ctx.source("proven_reoffending (index events)")),
                new Table(
                        "Local_authority_by_" + columnDimension.toLowerCase(Locale.UK),
                        List.of(
                                Column.text("Period"),
                                Column.text("Local authority"),
                                Column.text(ctx.label("dimension", columnDimension)),
                                Column.count("Offenders"),
                                Column.count("Reoffenders"),
                                Column.percent("Proportion who reoffended"),
                                Column.flags("Row notes")),
                        table),
                List.of());
    }
}
