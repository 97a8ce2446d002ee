package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.BalanceRow;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/** Covariate balance of one matching (Checkpoint, RJ): means and standardised mean differences before and after. */
public final class BalanceSheet implements PackSheet {
    private final String comparison;
    private final String name;
    private final String contents;
    private final String title;
    private final String treated;
    private final String control;
    private final String note;

    /** Checkpoint diversion. */
    public BalanceSheet() {
        this(
                "DIVERSION",
                "Checkpoint_balance",
                "Checkpoint: how alike the diverted and prosecuted groups are before " + "and after matching",
                "Checkpoint diversion: balance of the matched groups",
                "Diverted",
                "Prosecuted",
                "MATCHING");
    }

    private BalanceSheet(
            String comparison,
            String name,
            String contents,
            String title,
            String treated,
            String control,
            String note) {
        this.comparison = comparison;
        this.name = name;
        this.contents = contents;
        this.title = title;
        this.treated = treated;
        this.control = control;
        this.note = note;
    }

    /** Restorative justice: completed processes against offenders not referred. */
    public static BalanceSheet rj() {
        return new BalanceSheet(
                "RJ",
                "RJ_balance",
                "Restorative justice: how alike people completing a process and "
                        + "people not referred are before and after matching",
                "Restorative justice: balance of the matched " + "groups",
                "Completed process",
                "Not referred",
                "RJ_MATCHING");
    }

    @Override
    public Sheet build(PackContext ctx) {
        if (ctx.data().balance().isEmpty()) {
            return ctx.absent(name, contents, title, "comparison_balance");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (BalanceRow b : ctx.data().balance().get()) {
            // A table written before v2.0 holds only Checkpoint's rows.
            if (b.comparison() != null && !b.comparison().equals(comparison)) {
                continue;
            }
            rows.add(new ArrayList<>(List.of(
                    ctx.label("comparison", b.comparison()),
                    b.covariate(),
                    Figure.ofNullable(b.treatedMean()),
                    Figure.ofNullable(b.controlMeanBefore()),
                    Figure.ofNullable(b.controlMeanAfter()),
                    Figure.ofNullable(b.smdBefore()),
                    Figure.ofNullable(b.smdAfter()),
                    b.imbalancedAfter() == null ? Figure.NOT_AVAILABLE : b.imbalancedAfter() ? "Yes" : "No")));
        }
        if (rows.isEmpty()) {
            return new Sheet(
                    name,
                    contents,
                    title,
                    "This worksheet would contain one table; no matching was done "
                            + "this run, so it is not available [x].",
                    List.of(),
                    null,
                    List.of());
        }
        return new Sheet(
                name,
                contents,
                title,
                "This worksheet contains one table: for each covariate of the matching, the "
                        + treated.toLowerCase(Locale.ROOT)
                        + " group's mean, the " + control.toLowerCase(Locale.ROOT)
                        + " group's mean before and after matching, and "
                        + "the standardised mean differences (above 0.1 counts as imbalanced).",
                List.of(ctx.notes().line(note), ctx.source("comparison_balance")),
                new Table(
                        name,
                        List.of(
                                Column.text("Comparison"),
                                Column.text("Covariate"),
                                Column.decimal(treated + " mean"),
                                Column.decimal(control + " mean before matching"),
                                Column.decimal(control + " mean after matching"),
                                Column.decimal("Standardised difference before"),
                                Column.decimal("Standardised difference after"),
                                Column.text("Imbalanced after matching")),
                        rows),
                List.of());
    }
}
