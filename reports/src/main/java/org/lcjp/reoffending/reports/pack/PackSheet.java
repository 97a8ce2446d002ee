package org.lcjp.reoffending.reports.pack;

import org.lcjp.reoffending.reports.pack.model.Sheet;

/**
 * One sheet of the pack: builds its {@link Sheet} from the context (figures already disclosure-controlled); the
 * writers lay it out for xlsx and ods alike. To add a sheet, implement this in {@code pack.sheets} and list it in
 * {@code reports.PanelPack.sheets()}, which assembles the pack above its sheets and writers.
 */
public interface PackSheet {
    Sheet build(PackContext ctx);
}
