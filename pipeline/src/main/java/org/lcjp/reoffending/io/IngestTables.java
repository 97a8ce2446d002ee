package org.lcjp.reoffending.io;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.ingest.DataQualityColumns;
import org.lcjp.reoffending.ingest.FileReport;
import org.lcjp.reoffending.ingest.QuarantineColumns;

/**
 * The ingest layers of the warehouse. accepted/&lt;table&gt; is partitioned by extract_date and quarantine by
 * agency, dataset and extract_date: one partition per delivered file (one file per dataset per date), so a changed
 * file's rows are replaced by dropping its partition and appending.
 */
public record IngestTables(Warehouse warehouse) {
    /**
     * Parquet option for tables of keyed tokens: their values are random and nearly all distinct, so dictionary
     * encoding only costs time (and is abandoned per row group anyway); plain encoding plus compression is as small.
     */
    public static final String DICTIONARY = "parquet.enable.dictionary";

    /** @param rows accepted rows, each partition holding rows of one delivery (as ExtractReader produces them) */
    public void replaceAccepted(DatasetId id, List<LocalDate> extractDates, Dataset<Row> rows) {
        StoragePath table = warehouse.accepted(id);
        extractDates.forEach(d -> warehouse.storage().delete(table.resolve(StagedColumns.EXTRACT_DATE + "=" + d)));
        // Written as they come: each task's rows are from one delivery file (ExtractReader), so each task writes one
        // file into one date's folder, with neither a shuffle nor a sort of the wide rows.
        rows.write().mode(SaveMode.Append).option(DICTIONARY, false).partitionBy(StagedColumns.EXTRACT_DATE)
                .parquet(table.toString());
    }

    public void replaceQuarantine(DatasetId id, List<LocalDate> extractDates, Dataset<Row> rows) {
        StoragePath dataset = warehouse.quarantine().resolve(QuarantineColumns.AGENCY + "=" + id.agency())
                .resolve(QuarantineColumns.DATASET + "=" + id.dataset());
        extractDates.forEach(d -> warehouse.storage().delete(dataset.resolve(QuarantineColumns.EXTRACT_DATE + "=" + d)));
        rows.repartition(org.apache.spark.sql.functions.col(QuarantineColumns.EXTRACT_DATE)).write().mode(SaveMode.Append)
                .partitionBy(QuarantineColumns.AGENCY, QuarantineColumns.DATASET, QuarantineColumns.EXTRACT_DATE)
                .parquet(warehouse.quarantine().toString());
    }

    /** Accepted rows of every delivery so far, or null before the first. */
    public Dataset<Row> accepted(SparkSession spark, DatasetId id) {
        StoragePath table = warehouse.accepted(id);
        if (!warehouse.has(table)) {
            return null;
        }
        Dataset<Row> rows = spark.read().parquet(table.toString());
        return rows.withColumn(StagedColumns.EXTRACT_DATE, col(StagedColumns.EXTRACT_DATE).cast("date"));
    }

    public List<FileReport> fileCounts(SparkSession spark) {
        StoragePath table = warehouse.fileCounts();
        if (!warehouse.has(table)) {
            return List.of();
        }
        return spark.read().schema(DataQualityColumns.SCHEMA).parquet(table.toString()).collectAsList().stream()
                .map(FileReport::fromRow).toList();
    }

    public void writeFileCounts(SparkSession spark, List<FileReport> reports) {
        write(spark, reports, warehouse.fileCounts());
    }

    public static void write(SparkSession spark, List<FileReport> reports, StoragePath where) {
        List<Row> rows = reports.stream().sorted(Comparator.comparing(FileReport::sourceFile)).map(FileReport::toRow).toList();
        spark.createDataFrame(rows, DataQualityColumns.SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite).parquet(where.toString());
    }

    /** Forgets every ingested row (used when the key changes: stored tokens are then stale). */
    public void clear() {
        Storage storage = warehouse.storage();
        storage.delete(warehouse.root().resolve("accepted"));
        storage.delete(warehouse.quarantine());
        storage.delete(warehouse.fileCounts());
        storage.delete(warehouse.ingestManifest());
    }
}
