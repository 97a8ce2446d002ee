package org.lcjp.reoffending.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.DataQualityColumns;
import org.lcjp.reoffending.domain.QuarantineColumns;
import org.lcjp.reoffending.domain.QuarantineRule;
import org.lcjp.reoffending.domain.StagedColumns;

/**
 * Per-file figures of one validation. Rows read and accepted come from the validated rows, rows quarantined from
 * the quarantine table itself (distinct lines), so that the reconciliation rows_read = accepted + quarantined checks
 * what is actually written rather than restating one filter.
 *
 * @param perFile source_file, rows_read, rows_accepted, warnings, pnc_check_failures
 * @param quarantinedLines source_file, rows_quarantined
 * @param byRule  source_file, rule, rows (distinct lines breaking the rule)
 * @param invalidUtf8 source_file, column, rows (values of the column whose bytes were not UTF-8), first and last line
 */
public record FileCounts(
        Dataset<Row> perFile, Dataset<Row> quarantinedLines, Dataset<Row> byRule, Dataset<Row> invalidUtf8) {
    public static final String ROWS = "rows";
    /** The kind of a row of {@link #together()}: one of the KIND_ values. */
    public static final String KIND = "kind";
    /** Kinds of row of {@link #together()}. */
    public static final String KIND_FILE = "file";

    public static final String KIND_LINES = "lines";
    public static final String KIND_RULE = "rule";
    public static final String KIND_INVALID_UTF8 = "invalid_utf8";
    public static final String FIRST_LINE = "first_line";
    public static final String LAST_LINE = "last_line";

    /**
     * The four tables as one, so that a single action collects them (each action re-plans the wide validation): one row
     * per file (kind file: rows_read, rows_accepted, warnings, pnc_check_failures), per file with quarantined lines (lines:
     * rows_quarantined), per file and rule broken (rule: rule, rows) and per file and column with bytes not UTF-8
     * (invalid_utf8: the column as rule, rows, first_line, last_line); a figure another kind does not have is null.
     */
    public Dataset<Row> together() {
        Column noRule = lit(null).cast("string");
        Column none = lit(null).cast("long");
        Column file = col(StagedColumns.SOURCE_FILE);
        return perFile.select(
                        lit(KIND_FILE).as(KIND),
                        file,
                        noRule.as(QuarantineColumns.RULE),
                        col(DataQualityColumns.ROWS_READ),
                        col(DataQualityColumns.ROWS_ACCEPTED),
                        col(DataQualityColumns.WARNINGS),
                        col(DataQualityColumns.PNC_CHECK_FAILURES),
                        none.as(DataQualityColumns.ROWS_QUARANTINED),
                        none.as(ROWS),
                        none.as(FIRST_LINE),
                        none.as(LAST_LINE))
                .unionByName(
                        quarantinedLines.select(
                                lit(KIND_LINES).as(KIND),
                                col(QuarantineColumns.SOURCE_FILE).as(StagedColumns.SOURCE_FILE),
                                col(DataQualityColumns.ROWS_QUARANTINED)),
                        true)
                .unionByName(
                        byRule.select(
                                lit(KIND_RULE).as(KIND),
                                col(QuarantineColumns.SOURCE_FILE).as(StagedColumns.SOURCE_FILE),
                                col(QuarantineColumns.RULE),
                                col(ROWS)),
                        true)
                .unionByName(
                        invalidUtf8.select(
                                lit(KIND_INVALID_UTF8).as(KIND),
                                col(QuarantineColumns.SOURCE_FILE).as(StagedColumns.SOURCE_FILE),
                                col(QuarantineColumns.COLUMN).as(QuarantineColumns.RULE),
                                col(ROWS),
                                col(FIRST_LINE),
                                col(LAST_LINE)),
                        true);
    }

    public static FileCounts of(ValidatedRows rows) {
        Dataset<Row> perFile = rows.checked()
                .groupBy(col(StagedColumns.SOURCE_FILE))
                .agg(
                        count(lit(1)).as(DataQualityColumns.ROWS_READ),
                        count_if(rows.isAccepted()).as(DataQualityColumns.ROWS_ACCEPTED),
                        sum(size(col(ValidatedRows.WARNINGS))).cast("long").as(DataQualityColumns.WARNINGS),
                        count_if(col(ValidatedRows.PNC_CHECK_FAILED)).as(DataQualityColumns.PNC_CHECK_FAILURES));
        Dataset<Row> q = rows.quarantined();
        Dataset<Row> lines = q.groupBy(col(QuarantineColumns.SOURCE_FILE))
                .agg(countDistinct(col(QuarantineColumns.LINE)).as(DataQualityColumns.ROWS_QUARANTINED));
        Dataset<Row> byRule = q.groupBy(col(QuarantineColumns.SOURCE_FILE), col(QuarantineColumns.RULE))
                .agg(countDistinct(col(QuarantineColumns.LINE)).as(ROWS));
        // Where the bytes that are not UTF-8 are, per file and column: from the few rows with a warning, in the same
        // pass.
        Dataset<Row> warned = rows.checked()
                .filter(size(col(ValidatedRows.WARNINGS)).gt(0))
                .select(
                        col(StagedColumns.SOURCE_FILE),
                        col(StagedColumns.SOURCE_LINE),
                        explode(col(ValidatedRows.WARNINGS)).as(ValidatedRows.PROBLEM))
                .filter(col(ValidatedRows.PROBLEM + ".rule").equalTo(QuarantineRule.INVALID_UTF8));
        Dataset<Row> invalidUtf8 = warned.groupBy(
                        col(StagedColumns.SOURCE_FILE).as(QuarantineColumns.SOURCE_FILE),
                        col(ValidatedRows.PROBLEM + ".column").as(QuarantineColumns.COLUMN))
                .agg(
                        count(lit(1)).as(ROWS),
                        min(col(StagedColumns.SOURCE_LINE)).as(FIRST_LINE),
                        max(col(StagedColumns.SOURCE_LINE)).as(LAST_LINE));
        return new FileCounts(perFile, lines, byRule, invalidUtf8);
    }
}
