package org.lcjp.reoffending.linkage.comparison;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.lcjp.reoffending.linkage.core.LinkageColumns;

/**
 * A field's ordered levels, best first, after a null level and ending with "else". The gamma column is -1 for
 * null (no evidence either way), else the index of the first level whose condition holds.
 *
 * @param name     comparison name; its gamma column is gamma_&lt;name&gt;
 * @param isNull   when the field is missing on either side
 * @param levels   the non-null levels; the last must be "else" (condition true)
 * @param tfColumn the record column holding the term frequency for tf-adjusted levels, or null
 */
public record Comparison(String name, Column isNull, List<ComparisonLevel> levels, String tfColumn) {
    public static final int NULL_LEVEL = -1;

    public Comparison {
        levels = List.copyOf(levels);
        if (levels.size() < 2 || !levels.get(levels.size() - 1).label().equals("else")) {
            throw new IllegalArgumentException(
                    "Cannot declare comparison " + name + ": needs a level before a final 'else'");
        }
    }

    public int levelCount() {
        return levels.size();
    }

    public String gammaColumn() {
        return LinkageColumns.gamma(name);
    }

    public Column gamma() {
        Column c = when(isNull, lit(NULL_LEVEL));
        for (int k = 0; k < levels.size() - 1; k++) {
            c = c.when(levels.get(k).condition().get(), lit(k));
        }
        return c.otherwise(lit(levels.size() - 1)).as(gammaColumn());
    }

    public List<String> labels() {
        return levels.stream().map(ComparisonLevel::label).toList();
    }
}
