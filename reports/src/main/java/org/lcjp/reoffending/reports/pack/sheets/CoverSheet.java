package org.lcjp.reoffending.reports.pack.sheets;

import java.util.List;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData;
import org.lcjp.reoffending.reports.pack.model.Periods;
import org.lcjp.reoffending.reports.pack.model.Sheet;

/** The cover: what the workbook is, when, from what, who to ask; no table. */
public final class CoverSheet {
    public static final String NAME = "Cover_sheet";

    private CoverSheet() {}

    public static Sheet build(PackContext ctx) {
        PackData d = ctx.data();
        return new Sheet(
                NAME,
                "About this workbook: what it holds, its sources and who to contact",
                d.title(),
                "This workbook holds the partnership's proven reoffending statistics as of " + Periods.day(d.asOf())
                        + ": a summary, performance against targets, reoffending by year and by breakdown, the "
                        + "Checkpoint, women and IOM comparisons, and data quality.",
                List.of(
                        "Publication date: " + Periods.day(d.asOf()) + " (run " + d.runId() + ").",
                        "Next update: the next nightly run; final figures change only when late data arrive.",
                        "Source: agency extracts from the police, courts, youth offending services, prisons, probation, "
                                + "substance-misuse and housing services, Checkpoint and IOM, linked person by person "
                                + "on pseudonymised identifiers.",
                        "Methodology: the Ministry of Justice's proven reoffending measure and the Justice Data Lab's "
                                + "comparisons, as set out in the project's methodology (v2.0) and the Notes sheet.",
                        "Disclosure control: counts of fewer than " + d.threshold() + " people are withheld [c] "
                                + "everywhere in this workbook.",
                        "Accessibility: one table per sheet, each marked up as a table with one header row; shorthand "
                                + "is explained above each table.",
                        "Contact: " + d.contact() + "."),
                null,
                List.of());
    }
}
