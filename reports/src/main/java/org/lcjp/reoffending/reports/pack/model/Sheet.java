package org.lcjp.reoffending.reports.pack.model;

import java.util.List;

/**
 * One sheet as the Analysis Function lays it out: title (A1), what the sheet holds (A2), then lines above the
 * table (notes statement, source; the shorthand key is added by the writers from the cells), then at most one
 * table, nothing below it. Charts stand to the right of the table.
 *
 * @param name        sheet name (letters, digits and underscores, at most 31 characters)
 * @param contents    the line the table of contents gives it
 * @param title       A1
 * @param description A2
 * @param lines       lines above the table, in order
 * @param table       the sheet's table, or null (cover, summary)
 * @param charts      charts beside the table (or below the lines when there is no table)
 */
public record Sheet(
        String name,
        String contents,
        String title,
        String description,
        List<String> lines,
        Table table,
        List<Chart> charts) {
    public Sheet {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,30}")) {
            throw new IllegalArgumentException(
                    "Cannot name sheet: letters, digits and underscores, 31 at most (" + name + ")");
        }
        lines = List.copyOf(lines);
        charts = charts.stream().filter(Chart::hasValues).toList();
    }
}
