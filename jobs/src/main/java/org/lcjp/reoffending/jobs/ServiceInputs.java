package org.lcjp.reoffending.jobs;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.io.IngestTables;
import org.lcjp.reoffending.measures.DataCoverage;
import org.lcjp.reoffending.measures.MeasurePipeline;
import org.lcjp.reoffending.needs.Coverage;

/** What the service tables read: staged tables, linkage, measures, and data coverage as the measure stage dates it. */
final class ServiceInputs {
    private final SparkSession spark;
    private final RunContext context;
    private DataCoverage dataCoverage;

    ServiceInputs(SparkSession spark, RunContext context) {
        this.spark = spark;
        this.context = context;
    }

    SparkSession spark() {
        return spark;
    }

    RunContext context() {
        return context;
    }

    /** A service table's collected rows as a DataFrame of its published schema. */
    <T> Dataset<Row> frame(List<T> rows, Function<T, Row> toRow, StructType schema) {
        return spark.createDataFrame(rows.stream().map(toRow).toList(), schema);
    }

    /**
     * The staged table, empty when the dataset has no delivery read up to the as-of date. Ingest stages every contract
     * dataset, one never delivered as an empty table, so the table's presence alone does not say it was delivered.
     */
    Optional<Dataset<Row>> staged(DatasetId id) {
        return coverage(id).flatMap(c -> Optional.ofNullable(StagedInputs.staged(spark, context.warehouse(), id)));
    }

    Dataset<Row> recordPerson() {
        return spark.read().parquet(context.warehouse().recordPerson().toString());
    }

    /** A table the measure stage wrote under warehouse/measures. */
    Dataset<Row> measures(String table) {
        return spark.read()
                .parquet(context.warehouse().measures().resolve(table).toString());
    }

    Dataset<Row> areas() {
        return ReferenceTables.read(spark, context, ReferenceTables.AREAS);
    }

    /**
     * Each dataset's coverage date as the measure stage dates it (methodology.md section 4, {@link DataCoverage}): the
     * latest delivery read, not after the as-of date; so the service tables and the cohorts agree on what is FINAL.
     */
    Coverage coverage(Collection<DatasetId> datasets) {
        DataCoverage all = dataCoverage();
        Map<DatasetId, Optional<LocalDate>> dates = new LinkedHashMap<>();
        datasets.forEach(id -> dates.put(id, Optional.ofNullable(all.coverageOf(id))));
        return new Coverage(context.asOf(), dates);
    }

    /** A dataset's coverage date (its latest delivery read, not after the as-of date), empty when never delivered. */
    Optional<LocalDate> coverage(DatasetId id) {
        return Optional.ofNullable(dataCoverage().coverageOf(id));
    }

    /** The effective date, empty while a dataset that proves offences was never delivered. */
    Optional<LocalDate> effectiveDate() {
        return dataCoverage().effectiveDate();
    }

    /** The earliest disposal date of any proven offence: where the partnership's history starts. */
    Optional<LocalDate> historyStart(Dataset<Row> proven) {
        return Optional.ofNullable(MeasurePipeline.earliestDisposal(proven));
    }

    private DataCoverage dataCoverage() {
        if (dataCoverage == null) {
            dataCoverage =
                    DataCoverage.fromFiles(context.asOf(), new IngestTables(context.warehouse()).fileCounts(spark));
        }
        return dataCoverage;
    }
}
