package org.lcjp.reoffending.io;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.domain.DataQualityColumns;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.FileReport;
import org.lcjp.reoffending.domain.QuarantineColumns;
import org.lcjp.reoffending.domain.StagedColumns;

/**
 * The ingest layers of the warehouse. accepted/&lt;table&gt; is partitioned by extract_date and quarantine by
 * agency, dataset and extract_date: one partition per delivered file (one file per dataset per date), so a changed
 * file's rows are replaced by dropping its partition and appending.
 */
public record IngestTables(Warehouse warehouse) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /**
     * Parquet option for tables of keyed tokens: their values are random and nearly all distinct, so dictionary
     * encoding only costs time (and is abandoned per row group anyway); plain encoding plus compression is as small.
     */
    public static final String DICTIONARY = "parquet.enable.dictionary";

    /** @param rows accepted rows, each partition holding whole deliveries, file by file (as ExtractReader makes them) */
    public void replaceAccepted(DatasetId id, List<LocalDate> extractDates, Dataset<Row> rows) {
        StoragePath table = warehouse.accepted(id);
        extractDates.forEach(d -> warehouse.storage().delete(table.resolve(StagedColumns.EXTRACT_DATE + "=" + d)));
        CrashPoints.reach(CrashPoints.INGEST_BETWEEN_DELETE_AND_WRITE, table.getFileName());
        // Written as they come: each task's rows are whole delivery files, file by file (ExtractReader), so each task
        // writes one file into each of its deliveries' date folders, with no shuffle of the wide rows (past
        // spark.sql.maxConcurrentOutputFileWriters open files a task sorts its own rows).
        rows.write()
                .mode(SaveMode.Append)
                .option(DICTIONARY, false)
                .partitionBy(StagedColumns.EXTRACT_DATE)
                .parquet(table.toString());
    }

    /**
     * @param rows quarantined rows of these deliveries, or null when they have none (the old rows are still dropped).
     *             Each dataset is written into its own agency=/dataset= folder, so datasets ingested at the same time
     *             never share a write (Spark's committer keeps its scratch space under the folder it writes).
     */
    public void replaceQuarantine(DatasetId id, List<LocalDate> extractDates, Dataset<Row> rows) {
        StoragePath dataset = warehouse
                .quarantine()
                .resolve(QuarantineColumns.AGENCY + "=" + id.agency())
                .resolve(QuarantineColumns.DATASET + "=" + id.dataset());
        extractDates.forEach(
                d -> warehouse.storage().delete(dataset.resolve(QuarantineColumns.EXTRACT_DATE + "=" + d)));
        CrashPoints.reach(CrashPoints.INGEST_BETWEEN_DELETE_AND_WRITE, "quarantine");
        if (rows == null) {
            return;
        }
        // Each task's rows are whole deliveries (ExtractReader), so each writes into its deliveries' date folders
        // without a shuffle.
        rows.drop(QuarantineColumns.AGENCY, QuarantineColumns.DATASET)
                .write()
                .mode(SaveMode.Append)
                .partitionBy(QuarantineColumns.EXTRACT_DATE)
                .parquet(dataset.toString());
    }

    /**
     * Is everything the ingest manifest promises for this delivery in place: its counts, and its accepted and
     * quarantine partitions when the counts say it had such rows? The manifest is written last, so only a crash in
     * something that deletes (a key change) or damage from outside leaves a listed delivery without them; such a
     * delivery is ingested again rather than trusted.
     */
    public boolean inPlace(IngestManifest.Entry entry, FileReport counts) {
        if (counts == null
                || counts.extractDate() == null
                || !counts.extractDate().toString().equals(entry.extractDate())) {
            return false;
        }
        DatasetId id = new DatasetId(entry.agency(), entry.dataset());
        Storage storage = warehouse.storage();
        if (counts.rowsAccepted() > 0
                && !storage.exists(
                        warehouse.accepted(id).resolve(StagedColumns.EXTRACT_DATE + "=" + entry.extractDate()))) {
            return false;
        }
        return counts.rowsQuarantined() == 0
                || storage.exists(warehouse
                        .quarantine()
                        .resolve(QuarantineColumns.AGENCY + "=" + id.agency())
                        .resolve(QuarantineColumns.DATASET + "=" + id.dataset())
                        .resolve(QuarantineColumns.EXTRACT_DATE + "=" + entry.extractDate()));
    }

    /** Accepted rows of every delivery so far, or null before the first. */
    public Dataset<Row> accepted(SparkSession spark, DatasetId id) {
        StoragePath table = warehouse.accepted(id);
        if (!warehouse.has(table)) {
            return null;
        }
        Dataset<Row> rows = spark.read().parquet(table.toString());
        return rows.withColumn(
                StagedColumns.EXTRACT_DATE, col(StagedColumns.EXTRACT_DATE).cast("date"));
    }

    /**
     * Per-file counts of every delivery read so far: {@code file_counts.json}, or the Parquet table a warehouse built
     * before kept (read once, replaced by the JSON file at the next write).
     */
    public List<FileReport> fileCounts(SparkSession spark) {
        Storage storage = warehouse.storage();
        if (storage.isFile(warehouse.fileCountsFile())) {
            try {
                return List.of(JSON.readValue(storage.readBytes(warehouse.fileCountsFile()), FileReport[].class));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot read the file counts: " + e.getMessage() + " (" + warehouse.fileCountsFile() + ")", e);
            }
        }
        StoragePath legacy = warehouse.fileCounts();
        if (!warehouse.has(legacy)) {
            return List.of();
        }
        return spark.read().schema(DataQualityColumns.SCHEMA).parquet(legacy.toString()).collectAsList().stream()
                .map(FileReport::fromRow)
                .toList();
    }

    /**
     * Written whole and moved over the old file in one step ({@link Storage#write}): no Spark job, and a crash leaves
     * the old counts or the new, never none.
     */
    public void writeFileCounts(List<FileReport> reports) {
        List<FileReport> sorted = reports.stream()
                .sorted(Comparator.comparing(FileReport::sourceFile))
                .toList();
        try {
            warehouse.storage().write(warehouse.fileCountsFile(), JSON.writeValueAsBytes(sorted));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the file counts (" + warehouse.fileCountsFile() + ")", e);
        }
        warehouse.storage().delete(warehouse.fileCounts());
    }

    public static void write(SparkSession spark, List<FileReport> reports, StoragePath where) {
        List<Row> rows = reports.stream()
                .sorted(Comparator.comparing(FileReport::sourceFile))
                .map(FileReport::toRow)
                .toList();
        spark.createDataFrame(rows, DataQualityColumns.SCHEMA)
                .coalesce(1)
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(where.toString());
    }

    /** Forgets every ingested row (used when the key changes: stored tokens are then stale). */
    public void clear() {
        Storage storage = warehouse.storage();
        storage.delete(warehouse.root().resolve("accepted"));
        storage.delete(warehouse.quarantine());
        storage.delete(warehouse.fileCounts());
        storage.delete(warehouse.fileCountsFile());
        storage.delete(warehouse.ingestManifest());
    }
}
