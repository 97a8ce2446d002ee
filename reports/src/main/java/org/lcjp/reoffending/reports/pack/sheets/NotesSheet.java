package org.lcjp.reoffending.reports.pack.sheets;

import java.util.List;
import org.lcjp.reoffending.reports.pack.Column;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData;
import org.lcjp.reoffending.reports.pack.PanelPack;
import org.lcjp.reoffending.reports.pack.SheetWriter;

/** Definitions, the counting rules in plain words, symbols, disclosure control and the contact line. */
public final class NotesSheet {
    private final PackContext ctx;

    public NotesSheet(PackContext ctx) {
        this.ctx = ctx;
    }

    public void write() {
        PackData d = ctx.data();
        int t = d.threshold();
        SheetWriter w = ctx.newSheet(PanelPack.NOTES);
        w.title("Notes");
        w.sheet().setColumnWidth(0, 30 * 256);
        w.sheet().setColumnWidth(1, 110 * 256);

        w.subtitle("Definitions");
        w.table("Notes_definitions", List.of(Column.text("Term"), Column.longText("Meaning")), List.of(
                List.of("Proven offence", "An offence disposed of by a court conviction or a caution (adult, conditional "
                        + "or youth). Penalty notices, community resolutions, charges and no further action are not "
                        + "proven offences. Breach offences are never counted."),
                List.of("Cohort", "People with an index event in a calendar quarter: release from a custodial "
                        + "sentence, a non-custodial court conviction, or a caution. Each person counts once per "
                        + "cohort, at their earliest index event."),
                List.of("Proven reoffence", "An offence committed in the 12 months after the index date and proven "
                        + "by a court or caution within a further 6 months."),
                List.of("Offenders", "People in the cohort (or in the breakdown category)."),
                List.of("Reoffenders", "Offenders with at least one proven reoffence."),
                List.of("Proportion who reoffended", "Reoffenders divided by offenders."),
                List.of("Reoffences per reoffender", "Proven reoffences divided by reoffenders."),
                List.of("Reoffences per offender", "Proven reoffences divided by offenders."),
                List.of("Adult, juvenile", "Age at the index date: 18 and over is adult, 10 to 17 juvenile."),
                List.of("FINAL, PROVISIONAL", "A cohort is final once " + d.finalAfterMonths() + " months have "
                        + "passed since its end; until then it is provisional and its figures will rise."),
                List.of("Complete (cover)", "A cohort is complete for an agency when that agency's latest extract "
                        + "is at least " + d.finalAfterMonths() + " months after the cohort ends.")));

        w.subtitle("How offences are counted");
        w.table("Notes_counting", List.of(Column.text("Rule"), Column.longText("In plain words")), List.of(
                List.of("One offence reported twice", "When police, courts and youth offending services report the "
                        + "same offence (same person, offence, offence date and disposal date), it counts once."),
                List.of("Withdrawn and corrected records", "Records an agency has withdrawn or replaced are not counted."),
                List.of("Offences before the index date", "Never count as reoffences, whenever they are proven."),
                List.of("Same-day disposals", "When someone has several disposals on their index date, the most "
                        + "severe decides their index disposal: custody, then court orders, then other court "
                        + "disposals, then cautions."),
                List.of("Under 10", "Events when a person was under 10 are not index events.")));

        w.subtitle("Symbols");
        w.table("Notes_symbols", List.of(Column.text("Symbol"), Column.longText("Meaning")), List.of(
                List.of("~", "Suppressed to protect the people behind a small number (see disclosure control)."),
                List.of("0", "A true zero."),
                List.of("..", "Not applicable, for example a mean over nobody."),
                List.of("(P)", "Provisional cohort.")));

        w.subtitle("Disclosure control");
        w.table("Notes_disclosure", List.of(Column.text("Rule"), Column.longText("What it means")), List.of(
                List.of("Primary suppression", "Counts from 1 to " + (t - 1) + " are not shown (~). Zero is shown."),
                List.of("Secondary suppression", "Where a suppressed count could be worked out from a total (a row, "
                        + "a column, the ADULT and JUVENILE figures against ALL, or offenders against reoffenders), "
                        + "further counts are suppressed, choosing as few and as small as possible."),
                List.of("Rates and means", "A rate or mean is suppressed when its denominator is suppressed or below "
                        + t + ", or when it would give back a suppressed count."),
                List.of("Comparisons", "A proportion is suppressed when it would reveal a count from 1 to " + (t - 1)
                        + "; a difference is suppressed when either side of it is."),
                List.of("Charts", "Charts read their figures from the chart-data tables, where suppressed figures are blank."),
                List.of("Exact figures", "The published Parquet tables keep exact figures for the restricted "
                        + "analyst and research environment.")));

        w.subtitle("Contact");
        w.paragraph(d.contact());
    }
}
