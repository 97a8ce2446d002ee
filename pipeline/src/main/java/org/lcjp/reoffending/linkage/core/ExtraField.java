package org.lcjp.reoffending.linkage.core;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.StagedColumns;

/**
 * An additional pseudonymised identifier some staged tables carry (extra_&lt;name&gt;_token, and _bloom when fuzzy).
 * Agency extracts have none today; benchmarks map addresses, emails and places here.
 *
 * @param name  the field name inside extra_&lt;name&gt;_token
 * @param fuzzy whether a Bloom filter exists for it in some table (compared by Dice as well as exactly)
 */
public record ExtraField(String name, boolean fuzzy) {
    public String token() {
        return StagedColumns.extraToken(name);
    }

    public String bloom() {
        return StagedColumns.extraBloom(name);
    }

    /** The extra fields of all the tables, sorted by name (a field in any table counts; the others get nulls). */
    public static java.util.List<ExtraField> discover(Collection<Dataset<Row>> staged) {
        Map<String, Boolean> found = new TreeMap<>();
        for (Dataset<Row> d : staged) {
            java.util.List<String> cols = java.util.Arrays.asList(d.columns());
            for (String c : cols) {
                if (c.startsWith(StagedColumns.EXTRA_PREFIX) && c.endsWith(StagedColumns.EXTRA_TOKEN_SUFFIX)) {
                    String name = c.substring(
                            StagedColumns.EXTRA_PREFIX.length(),
                            c.length() - StagedColumns.EXTRA_TOKEN_SUFFIX.length());
                    found.merge(name, cols.contains(StagedColumns.extraBloom(name)), Boolean::logicalOr);
                }
            }
        }
        return found.entrySet().stream()
                .map(e -> new ExtraField(e.getKey(), e.getValue()))
                .toList();
    }
}
