package org.lcjp.reoffending.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.StagedColumns;

/**
 * Resolves deltas into the records in force on the as-of date: within a dataset, per record_id, the accepted row
 * latest by (extract_date, source_file, line) wins; a winning DELETED row withdraws the record. Invalid rows never
 * reach this stage, so an invalid superseding row leaves the earlier valid version in force.
 */
public final class StagedRecords {
    public static final String ROWS_SUPERSEDED = DataQualityColumns.ROWS_SUPERSEDED;
    public static final String ROWS_DELETED = DataQualityColumns.ROWS_DELETED;
    /** Rows of the file that are the version in force (for the stage's row count without another pass). */
    public static final String ROWS_IN_FORCE = "rows_in_force";
    private static final String RANK = "_rank";

    /**
     * @param staged  the records in force, without record_status
     * @param perFile per source_file: rows superseded by a later row, DELETED rows, rows in force
     * @param ranked  what both derive from (the window over every accepted row): persist it when using both, or
     *                the second action sorts the whole history again
     */
    public record Resolved(Dataset<Row> staged, Dataset<Row> perFile, Dataset<Row> ranked) {
    }

    /** @param accepted accepted, pseudonymised rows of one dataset from every delivery */
    public Resolved apply(Dataset<Row> accepted, LocalDate asOf) {
        WindowSpec latestFirst = Window.partitionBy(col(Datasets.RECORD_ID))
                .orderBy(col(StagedColumns.EXTRACT_DATE).desc(), col(StagedColumns.SOURCE_FILE).desc(),
                        col(StagedColumns.SOURCE_LINE).desc());
        Dataset<Row> ranked = accepted.filter(col(StagedColumns.EXTRACT_DATE).leq(lit(Date.valueOf(asOf))))
                .withColumn(RANK, row_number().over(latestFirst));
        Column deleted = col(Datasets.RECORD_STATUS).equalTo(Datasets.STATUS_DELETED);
        Dataset<Row> staged = ranked.filter(col(RANK).equalTo(1).and(deleted.unary_$bang()))
                .drop(RANK, Datasets.RECORD_STATUS);
        Dataset<Row> perFile = ranked.groupBy(col(StagedColumns.SOURCE_FILE))
                .agg(count_if(col(RANK).gt(1)).as(ROWS_SUPERSEDED), count_if(deleted).as(ROWS_DELETED),
                        count_if(col(RANK).equalTo(1).and(deleted.unary_$bang())).as(ROWS_IN_FORCE));
        return new Resolved(staged, perFile, ranked);
    }
}
