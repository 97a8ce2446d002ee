package org.lcjp.reoffending.reports.pack.sheets;

import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PanelPack;
import org.lcjp.reoffending.reports.pack.SheetWriter;

/** One hyperlink per sheet. */
public final class ContentsSheet {
    private final PackContext ctx;

    public ContentsSheet(PackContext ctx) {
        this.ctx = ctx;
    }

    public void write() {
        SheetWriter w = ctx.newSheet(PanelPack.CONTENTS);
        w.title("Contents");
        w.blank();
        for (String[] sheet : PanelPack.SHEETS) {
            w.linkTo(sheet[0], sheet[1]);
        }
        w.sheet().setColumnWidth(0, 18 * 256);
        w.sheet().setColumnWidth(1, 90 * 256);
    }
}
