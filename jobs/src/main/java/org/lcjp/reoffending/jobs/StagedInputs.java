package org.lcjp.reoffending.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.io.Warehouse;
import org.lcjp.reoffending.measures.MeasureInputs;
import org.lcjp.reoffending.measures.StagedTables;

/**
 * How the stages after ingest read warehouse tables: a table that is not there (a dataset never staged, a stage not
 * yet run) is either absent (null, or left out of a map) or read as no rows of the schema the reader expects.
 */
final class StagedInputs {
    private StagedInputs() {}

    /** The table at {@code path}, or no rows of {@code whenAbsent}. */
    static Dataset<Row> orEmpty(SparkSession spark, Storage storage, StoragePath path, StructType whenAbsent) {
        return storage.isDirectory(path)
                ? spark.read().parquet(path.toString())
                : spark.createDataFrame(List.of(), whenAbsent);
    }

    /** The staged table, or null when the dataset was never staged. */
    static Dataset<Row> staged(SparkSession spark, Warehouse wh, DatasetId id) {
        StoragePath path = wh.staged(id);
        return wh.storage().isDirectory(path) ? spark.read().parquet(path.toString()) : null;
    }

    /** The staged table, or no rows of {@code whenAbsent}. */
    static Dataset<Row> stagedOrEmpty(SparkSession spark, Warehouse wh, DatasetId id, StructType whenAbsent) {
        return orEmpty(spark, wh.storage(), wh.staged(id), whenAbsent);
    }

    /** Every staged table present in the warehouse, by dataset. */
    static Map<DatasetId, Dataset<Row>> present(SparkSession spark, Warehouse wh) {
        Map<DatasetId, Dataset<Row>> out = new LinkedHashMap<>();
        for (DatasetSpec spec : Datasets.all()) {
            Dataset<Row> t = staged(spark, wh, spec.id());
            if (t != null) {
                out.put(spec.id(), t);
            }
        }
        return out;
    }

    /**
     * What the measures read: every staged table, each present one through {@code each} (the nightly run takes them as
     * they are; the sensitivity run restricts them), an absent one as no rows of the columns the measures use
     * ({@link StagedTables#emptySchema}); with {@code recordPerson} and the offences and areas reference tables.
     */
    static MeasureInputs measureInputs(
            SparkSession spark, RunContext context, UnaryOperator<Dataset<Row>> each, Dataset<Row> recordPerson) {
        Map<DatasetId, Dataset<Row>> staged = new LinkedHashMap<>();
        for (DatasetSpec spec : Datasets.all()) {
            Dataset<Row> t = staged(spark, context.warehouse(), spec.id());
            staged.put(
                    spec.id(),
                    t == null ? spark.createDataFrame(List.of(), StagedTables.emptySchema(spec.id())) : each.apply(t));
        }
        return new MeasureInputs(
                staged.get(Datasets.COURTS_CONVICTIONS),
                staged.get(Datasets.POLICE_OUTCOMES),
                staged.get(Datasets.YOS_OUTCOMES),
                staged.get(Datasets.PRISONS_RELEASES),
                new ArrayList<>(staged.values()),
                recordPerson,
                ReferenceTables.read(spark, context, ReferenceTables.OFFENCES),
                ReferenceTables.read(spark, context, ReferenceTables.AREAS));
    }
}
