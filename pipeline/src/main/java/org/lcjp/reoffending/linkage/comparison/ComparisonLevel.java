package org.lcjp.reoffending.linkage.comparison;

import java.util.function.Supplier;
import org.apache.spark.sql.Column;

/**
 * One level of a comparison: a condition on the pair's _l/_r columns and a label.
 *
 * @param label          e.g. "exact", "dice>=0.80", "else"
 * @param condition      builds the condition (on the pair columns) when the comparison is rendered
 * @param tfAdjusted     whether an exact match here gets the term-frequency adjustment
 */
public record ComparisonLevel(String label, Supplier<Column> condition, boolean tfAdjusted) {
    public static ComparisonLevel of(String label, Supplier<Column> condition) {
        return new ComparisonLevel(label, condition, false);
    }
}
