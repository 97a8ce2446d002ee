package org.lcjp.reoffending.reports.pack.sheets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lcjp.reoffending.reports.pack.Cohorts;
import org.lcjp.reoffending.reports.pack.Column;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData;
import org.lcjp.reoffending.reports.pack.PanelPack;
import org.lcjp.reoffending.reports.pack.SheetWriter;

/** Title, as-of date, run and the sources: each agency's latest extract and whether each cohort is complete. */
public final class CoverSheet {
    private final PackContext ctx;

    public CoverSheet(PackContext ctx) {
        this.ctx = ctx;
    }

    public void write() {
        PackData d = ctx.data();
        SheetWriter w = ctx.newSheet(PanelPack.COVER);
        w.sheet().setColumnWidth(0, 34 * 256);
        w.sheet().setColumnWidth(1, 24 * 256);
        w.title(d.title());
        w.paragraph("Proven reoffending statistics for the partnership area, as of " + d.asOf() + ".");
        w.blank();
        w.field("As-of date", d.asOf());
        w.field("Run", d.runId());
        w.field("Contact", d.contact());
        w.blank();
        w.note("Figures for cohorts marked PROVISIONAL will rise as offences in their follow-up period are proven.");
        w.note("Counts from 1 to " + (d.threshold() - 1) + " are suppressed (~); see Notes.");

        w.subtitle("Sources: latest extract received from each agency");
        TreeMap<String, LocalDate> extracts = new TreeMap<>(d.latestExtracts());
        List<List<Object>> sources = new ArrayList<>();
        extracts.forEach((agency, date) -> sources.add(List.of(agency, date)));
        w.table("Sources", List.of(Column.text("Agency"), Column.date("Latest extract")), sources);

        w.subtitle("Completeness: a cohort is complete for an agency when its latest extract is at least "
                + d.finalAfterMonths() + " months after the cohort ends");
        TreeSet<List<LocalDate>> cohorts = new TreeSet<>((a, b) -> a.get(0).compareTo(b.get(0)));
        d.provenReoffending().forEach(r -> cohorts.add(List.of(r.cohortStart(), r.cohortEnd())));
        List<Column> columns = new ArrayList<>(List.of(Column.text("Cohort"), Column.text("Status")));
        extracts.keySet().forEach(a -> columns.add(Column.text(a)));
        List<List<Object>> rows = new ArrayList<>();
        for (List<LocalDate> c : cohorts.descendingSet()) {
            List<Object> row = new ArrayList<>();
            row.add(Cohorts.label(c.get(0), c.get(1)));
            row.add(d.provenReoffending().stream().filter(r -> r.cohortStart().equals(c.get(0)))
                    .map(PackData.ReoffendingRow::status).findFirst().orElse(""));
            LocalDate needed = c.get(1).plusMonths(d.finalAfterMonths());
            extracts.values().forEach(latest -> row.add(latest.isBefore(needed) ? "Incomplete" : "Complete"));
            rows.add(row);
        }
        w.table("Completeness", columns, rows);
    }
}
