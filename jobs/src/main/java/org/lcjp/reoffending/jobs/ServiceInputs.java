package org.lcjp.reoffending.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.needs.Coverage;

/** What the needs, IOM reach and Checkpoint tables read: staged tables, linkage, measures, and data coverage. */
final class ServiceInputs {
    private final SparkSession spark;
    private final RunContext context;

    ServiceInputs(SparkSession spark, RunContext context) {
        this.spark = spark;
        this.context = context;
    }

    /** The staged table, empty when the dataset was never delivered. */
    Optional<Dataset<Row>> staged(DatasetId id) {
        return Optional.ofNullable(ComparisonsJob.staged(spark, context, id));
    }

    Dataset<Row> recordPerson() {
        return spark.read().parquet(context.warehouse().recordPerson().toString());
    }

    /** A table the measure stage wrote under warehouse/measures. */
    Dataset<Row> measures(String table) {
        return spark.read().parquet(context.warehouse().measures().resolve(table).toString());
    }

    Dataset<Row> areas() {
        return ReferenceTables.read(spark, context, ReferenceTables.AREAS);
    }

    /** Each dataset's coverage date: its latest extract date with rows in force (methodology.md section 4). */
    Coverage coverage(Collection<DatasetId> datasets) {
        Map<DatasetId, Optional<LocalDate>> dates = new LinkedHashMap<>();
        for (DatasetId id : datasets) {
            dates.put(id, staged(id).map(t -> t.agg(max(col(StagedColumns.EXTRACT_DATE))).first().<Object>getAs(0))
                    .map(ServiceInputs::local).filter(d -> !d.isAfter(context.asOf())));
        }
        return new Coverage(context.asOf(), dates);
    }

    private static LocalDate local(Object value) {
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }
}
