package org.lcjp.reoffending.domain;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

/** One data_quality row (see {@link DataQualityColumns}); built on the driver, one per file, so always small. */
public record FileReport(
        String sourceFile,
        String agency,
        String dataset,
        LocalDate extractDate,
        long rowsRead,
        long rowsAccepted,
        long rowsQuarantined,
        long rowsSuperseded,
        long rowsDeleted,
        long pncCheckFailures,
        long warnings,
        Map<String, Long> quarantinedByRule,
        String status,
        String message) {

    public FileReport {
        quarantinedByRule = new TreeMap<>(quarantinedByRule == null ? Map.of() : quarantinedByRule);
    }

    /** A file or folder that was not read: zero counts. */
    public static FileReport notRead(
            String sourceFile, String agency, String dataset, LocalDate extractDate, String status, String message) {
        return new FileReport(sourceFile, agency, dataset, extractDate, 0, 0, 0, 0, 0, 0, 0, Map.of(), status, message);
    }

    public boolean reconciles() {
        return rowsRead == rowsAccepted + rowsQuarantined;
    }

    public FileReport withResolution(long superseded, long deleted) {
        return new FileReport(
                sourceFile,
                agency,
                dataset,
                extractDate,
                rowsRead,
                rowsAccepted,
                rowsQuarantined,
                superseded,
                deleted,
                pncCheckFailures,
                warnings,
                quarantinedByRule,
                status,
                message);
    }

    public Row toRow() {
        return RowFactory.create(
                sourceFile,
                agency,
                dataset,
                extractDate == null ? null : Date.valueOf(extractDate),
                rowsRead,
                rowsAccepted,
                rowsQuarantined,
                rowsSuperseded,
                rowsDeleted,
                pncCheckFailures,
                warnings,
                CollectionConverters.asScala(quarantinedByRule),
                status,
                message);
    }

    public static FileReport fromRow(Row r) {
        Date d = r.getDate(r.fieldIndex(DataQualityColumns.EXTRACT_DATE));
        Map<String, Long> byRule = r.getJavaMap(r.fieldIndex(DataQualityColumns.QUARANTINED_BY_RULE));
        return new FileReport(
                r.getAs(DataQualityColumns.SOURCE_FILE),
                r.getAs(DataQualityColumns.AGENCY),
                r.getAs(DataQualityColumns.DATASET),
                d == null ? null : d.toLocalDate(),
                r.<Long>getAs(DataQualityColumns.ROWS_READ),
                r.<Long>getAs(DataQualityColumns.ROWS_ACCEPTED),
                r.<Long>getAs(DataQualityColumns.ROWS_QUARANTINED),
                r.<Long>getAs(DataQualityColumns.ROWS_SUPERSEDED),
                r.<Long>getAs(DataQualityColumns.ROWS_DELETED),
                r.<Long>getAs(DataQualityColumns.PNC_CHECK_FAILURES),
                r.<Long>getAs(DataQualityColumns.WARNINGS),
                byRule,
                r.getAs(DataQualityColumns.STATUS),
                r.getAs(DataQualityColumns.MESSAGE));
    }
}
