package org.lcjp.reoffending.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contract of one agency dataset: its columns, cross-field rules and the column that dates a record.
 * Date formats and code spellings that vary by agency live in {@code conf/} (IngestSettings), not here.
 *
 * @param id              agency and dataset
 * @param columns         every contract column, in contract order
 * @param rules           cross-field rules
 * @param eventDateColumn the date that orders a person's records when their attributes disagree
 *                        (methodology section 4: offence, outcome, release, start or referral date)
 */
public record DatasetSpec(DatasetId id, List<ColumnSpec> columns, List<CrossFieldRule> rules, String eventDateColumn) {
    public DatasetSpec {
        columns = List.copyOf(columns);
        rules = List.copyOf(rules);
    }

    public Map<String, ColumnSpec> byName() {
        Map<String, ColumnSpec> m = new LinkedHashMap<>();
        columns.forEach(c -> m.put(c.name(), c));
        return m;
    }

    public Optional<ColumnSpec> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    public List<String> requiredColumnNames() {
        return columns.stream()
                .filter(ColumnSpec::required)
                .map(ColumnSpec::name)
                .toList();
    }

    public boolean has(String column) {
        return column(column).isPresent();
    }
}
