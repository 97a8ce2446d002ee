package org.lcjp.reoffending.reports.performance;

import java.util.List;
import java.util.Map;

/** A published table as the performance framework reads it: its columns and its rows (column to value). */
public record SourceTable(String name, List<String> columns, List<Map<String, Object>> rows) {
    public SourceTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
