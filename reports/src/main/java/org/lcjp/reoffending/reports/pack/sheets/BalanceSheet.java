package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.List;
import org.lcjp.reoffending.reports.pack.Figure;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.BalanceRow;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/** Covariate balance of the Checkpoint matching: means and standardised mean differences before and after. */
public final class BalanceSheet implements PackSheet {
    @Override
    public Sheet build(PackContext ctx) {
        String name = "Checkpoint_balance";
        String contents = "Checkpoint: how alike the diverted and prosecuted groups are before and after matching";
        String title = "Checkpoint diversion: balance of the matched groups";
        if (ctx.data().balance().isEmpty()) {
            return ctx.absent(name, contents, title, "comparison_balance");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (BalanceRow b : ctx.data().balance().get()) {
            rows.add(new ArrayList<>(List.of(ctx.label("comparison", b.comparison()), b.covariate(),
                    Figure.ofNullable(b.treatedMean()), Figure.ofNullable(b.controlMeanBefore()),
                    Figure.ofNullable(b.controlMeanAfter()), Figure.ofNullable(b.smdBefore()),
                    Figure.ofNullable(b.smdAfter()),
                    b.imbalancedAfter() == null ? Figure.NOT_AVAILABLE : b.imbalancedAfter() ? "Yes" : "No")));
        }
        if (rows.isEmpty()) {
            return new Sheet(name, contents, title, "This worksheet would contain one table; no matching was done "
                    + "this run, so it is not available [x].", List.of(), null, List.of());
        }
        return new Sheet(name, contents, title,
                "This worksheet contains one table: for each covariate of the matching, the diverted group's mean, the "
                        + "prosecuted group's mean before and after matching, and the standardised mean differences "
                        + "(above 0.1 counts as imbalanced).",
                List.of(ctx.notes().line("MATCHING"), ctx.source("comparison_balance")),
                new Table("Checkpoint_balance", List.of(Column.text("Comparison"), Column.text("Covariate"),
                        Column.decimal("Diverted mean"), Column.decimal("Prosecuted mean before matching"),
                        Column.decimal("Prosecuted mean after matching"), Column.decimal("Standardised difference before"),
                        Column.decimal("Standardised difference after"), Column.text("Imbalanced after matching")), rows),
                List.of());
    }
}
