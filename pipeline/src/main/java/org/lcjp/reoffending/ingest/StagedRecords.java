package org.lcjp.reoffending.ingest;

import static org.apache.spark.sql.functions.broadcast;
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
import org.lcjp.reoffending.domain.DataQualityColumns;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.StagedColumns;

/**
 * Resolves deltas into the records in force on the as-of date: within a dataset, per record_id, the accepted row
 * latest by (extract_date, source_file, line) wins; a winning DELETED row withdraws the record. Invalid rows never
 * reach this stage, so an invalid superseding row leaves the earlier valid version in force.
 *
 * <p>The ranking runs on the five narrow columns that decide it, and the wide rows (tokens, Bloom filters) are then
 * filtered by an anti-join with the rows that lose: those are the few superseded or deleted rows, so the join is
 * broadcast and the wide rows are never shuffled or sorted.
 */
public final class StagedRecords {
    public static final String ROWS_SUPERSEDED = DataQualityColumns.ROWS_SUPERSEDED;
    public static final String ROWS_DELETED = DataQualityColumns.ROWS_DELETED;
    /** Rows of the file that are the version in force (for the stage's row count without another pass). */
    public static final String ROWS_IN_FORCE = "rows_in_force";

    private static final String RANK = "_rank";
    private static final String DELETED = "_deleted";
    private static final String LOSER_FILE = "_loser_file";
    private static final String LOSER_LINE = "_loser_line";

    /**
     * @param perFile per source_file: rows superseded by a later row, DELETED rows, rows in force
     * @param ranked  the narrow ranking everything derives from: persist it, or each action sorts the history again
     */
    public record Resolved(Dataset<Row> upToAsOf, Dataset<Row> perFile, Dataset<Row> ranked) {
        /**
         * The records in force, without record_status.
         *
         * @param fewLosers true when the superseded and deleted rows (perFile's first two figures) are few enough
         *                  to broadcast; otherwise the wide rows are shuffled for the join
         */
        public Dataset<Row> staged(boolean fewLosers) {
            // Renamed so the join condition cannot resolve both sides to the same (self-joined) attributes.
            Dataset<Row> losers = ranked.filter(col(RANK).gt(1).or(col(DELETED)))
                    .select(
                            col(StagedColumns.SOURCE_FILE).as(LOSER_FILE),
                            col(StagedColumns.SOURCE_LINE).as(LOSER_LINE));
            Column same = col(StagedColumns.SOURCE_FILE)
                    .equalTo(col(LOSER_FILE))
                    .and(col(StagedColumns.SOURCE_LINE).equalTo(col(LOSER_LINE)));
            return upToAsOf.join(fewLosers ? broadcast(losers) : losers, same, "left_anti")
                    .drop(Datasets.RECORD_STATUS);
        }

        /** perFile collected (a row per delivery, so small): one action. */
        public java.util.List<FileResolution> perFileFigures() {
            return perFile.collectAsList().stream()
                    .map(r -> new FileResolution(
                            r.getAs(StagedColumns.SOURCE_FILE),
                            r.<Long>getAs(ROWS_SUPERSEDED),
                            r.<Long>getAs(ROWS_DELETED),
                            r.<Long>getAs(ROWS_IN_FORCE)))
                    .toList();
        }
    }

    /** What supersession did to one delivery's rows: superseded by a later row, DELETED, and in force. */
    public record FileResolution(String sourceFile, long superseded, long deleted, long inForce) {}

    /** @param accepted accepted, pseudonymised rows of one dataset from every delivery */
    public Resolved apply(Dataset<Row> accepted, LocalDate asOf) {
        WindowSpec latestFirst = Window.partitionBy(col(Datasets.RECORD_ID))
                .orderBy(
                        col(StagedColumns.EXTRACT_DATE).desc(),
                        col(StagedColumns.SOURCE_FILE).desc(),
                        col(StagedColumns.SOURCE_LINE).desc());
        Dataset<Row> upToAsOf = accepted.filter(col(StagedColumns.EXTRACT_DATE).leq(lit(Date.valueOf(asOf))));
        Column deleted = col(Datasets.RECORD_STATUS).equalTo(Datasets.STATUS_DELETED);
        Dataset<Row> ranked = upToAsOf.select(
                        col(Datasets.RECORD_ID),
                        col(StagedColumns.EXTRACT_DATE),
                        col(StagedColumns.SOURCE_FILE),
                        col(StagedColumns.SOURCE_LINE),
                        deleted.as(DELETED))
                .withColumn(RANK, row_number().over(latestFirst));
        Column isDeleted = col(DELETED);
        Dataset<Row> perFile = ranked.groupBy(col(StagedColumns.SOURCE_FILE))
                .agg(
                        count_if(col(RANK).gt(1)).as(ROWS_SUPERSEDED),
                        count_if(isDeleted).as(ROWS_DELETED),
                        count_if(col(RANK).equalTo(1).and(isDeleted.unary_$bang()))
                                .as(ROWS_IN_FORCE));
        return new Resolved(upToAsOf, perFile, ranked);
    }
}
