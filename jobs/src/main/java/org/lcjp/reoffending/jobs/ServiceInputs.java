package org.lcjp.reoffending.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.ingest.DataQualityColumns;
import org.lcjp.reoffending.ingest.FileReport;
import org.lcjp.reoffending.io.IngestTables;
import org.lcjp.reoffending.measures.MeasureColumns;

/**
 * What the service tables read: staged tables of delivered datasets, the measure tables of the measure stage, and
 * data coverage (methodology.md section 4: a dataset's coverage date is its latest extract date read, not after the
 * as-of date; the effective date is the earliest coverage of the datasets that prove offences, capped at the as-of
 * date, and there is none while one of them was never delivered).
 */
final class ServiceInputs {
    static final List<DatasetId> PROVING = List.of(Datasets.POLICE_OUTCOMES, Datasets.COURTS_CONVICTIONS, Datasets.YOS_OUTCOMES);

    private final SparkSession spark;
    private final RunContext context;
    private final List<FileReport> files;

    ServiceInputs(SparkSession spark, RunContext context) {
        this.spark = spark;
        this.context = context;
        this.files = new IngestTables(context.warehouse()).fileCounts(spark);
    }

    /** The latest extract date read of a dataset, or empty when it was never delivered. */
    Optional<LocalDate> coverage(DatasetId id) {
        return files.stream()
                .filter(f -> id.agency().equals(f.agency()) && id.dataset().equals(f.dataset()) && f.extractDate() != null
                        && !f.extractDate().isAfter(context.asOf())
                        && (f.status().equals(DataQualityColumns.STATUS_READ) || f.status().equals(DataQualityColumns.STATUS_REJECTED_FILE)))
                .map(FileReport::extractDate).max(LocalDate::compareTo);
    }

    /** The effective date, or empty while a dataset that proves offences was never delivered. */
    Optional<LocalDate> effectiveDate() {
        LocalDate effective = context.asOf();
        for (DatasetId id : PROVING) {
            Optional<LocalDate> c = coverage(id);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            effective = c.get().isBefore(effective) ? c.get() : effective;
        }
        return Optional.of(effective);
    }

    /** The staged table of a delivered dataset. */
    Optional<Dataset<Row>> staged(DatasetId id) {
        return coverage(id).map(c -> spark.read().parquet(context.warehouse().staged(id).toString()));
    }

    Dataset<Row> measure(String table) {
        return spark.read().parquet(context.warehouse().measures().resolve(table).toString());
    }

    Dataset<Row> recordPerson() {
        return spark.read().parquet(context.warehouse().recordPerson().toString());
    }

    /** The earliest disposal date of any proven offence: where the partnership's history starts. */
    Optional<LocalDate> historyStart(Dataset<Row> proven) {
        Row r = proven.agg(min(col(MeasureColumns.DISPOSAL_DATE))).first();
        return r.isNullAt(0) ? Optional.empty() : Optional.of(r.<Date>getAs(0).toLocalDate());
    }
}
