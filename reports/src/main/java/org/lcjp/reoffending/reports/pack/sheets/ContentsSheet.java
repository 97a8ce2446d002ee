package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.List;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/** The table of contents: every sheet with its one-line description (sheet names link to their sheets). */
public final class ContentsSheet {
    public static final String NAME = "Table_of_contents";

    private ContentsSheet() {}

    public static Sheet build(List<Sheet> sheets) {
        List<List<Object>> rows = new ArrayList<>();
        for (Sheet s : sheets) {
            rows.add(new ArrayList<>(List.of(s.name(), s.contents())));
        }
        return new Sheet(
                NAME,
                "This list",
                "Table of contents",
                "This worksheet contains one table: every sheet of the workbook with what it holds. Select a sheet "
                        + "name to go to it.",
                List.of(),
                new Table(
                        "Table_of_contents",
                        List.of(Column.text(Table.SHEET_LINK_COLUMN), Column.longText("Sheet contents")),
                        rows),
                List.of());
    }
}
