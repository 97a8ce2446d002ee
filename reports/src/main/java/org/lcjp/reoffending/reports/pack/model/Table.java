package org.lcjp.reoffending.reports.pack.model;

import java.util.List;

/**
 * The one table of a sheet: a name (letters, digits and underscores, unique in the workbook), one header row and
 * its rows. A cell is a {@link String}, a {@link Figure}, a number, a
 * {@link java.time.LocalDate}, or a {@link Rag} rating.
 */
public record Table(String name, List<Column> columns, List<List<Object>> rows) {
    /** A first column with this heading names sheets: the writers turn its cells into links to them. */
    public static final String SHEET_LINK_COLUMN = "Sheet name";

    public Table {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "Cannot name table: letters, digits and underscores only (" + name + ")");
        }
        columns = List.copyOf(columns);
        int width = columns.size();
        String tableName = name;
        rows = rows.stream()
                .map(r -> {
                    if (r.size() != width) {
                        throw new IllegalArgumentException(
                                "Table " + tableName + ": row of " + r.size() + " cells, expected " + width);
                    }
                    return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r));
                })
                .toList();
    }
}
