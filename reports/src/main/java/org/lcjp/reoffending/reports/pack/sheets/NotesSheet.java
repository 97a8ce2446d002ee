package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lcjp.reoffending.reports.pack.Notes;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/** The notes the sheets refer to as [note n]: each used note once, in number order. Built after every other sheet. */
public final class NotesSheet {
    public static final String NAME = "Notes";

    private NotesSheet() {}

    public static Sheet build(Notes notes) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<Integer, String> n : notes.used()) {
            rows.add(new ArrayList<>(List.of("[note " + n.getKey() + "]", n.getValue())));
        }
        return new Sheet(
                NAME,
                "Definitions and rules the tables refer to as [note 1] and so on",
                "Notes",
                "This worksheet contains one table of notes. The tables refer to them by number.",
                List.of(),
                new Table("Notes", List.of(Column.text("Note number"), Column.longText("Note text")), rows),
                List.of());
    }
}
