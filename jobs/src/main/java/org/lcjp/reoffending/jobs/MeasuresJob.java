package org.lcjp.reoffending.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.measures.FollowUpWindow;
import org.lcjp.reoffending.measures.IndexEvents;
import org.lcjp.reoffending.measures.PersonAttributes;
import org.lcjp.reoffending.measures.ProvenOffences;
import org.lcjp.reoffending.measures.ProvenReoffending;
import org.lcjp.reoffending.measures.StagedTables;
import org.lcjp.reoffending.measures.TimeToReoffence;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.spark.JobDescriptions;

/**
 * Measures proven reoffending (methodology.md sections 1-4): reads the staged tables, record_person and the
 * reference tables; writes proven_offences, person_attributes and index_events under warehouse/measures, and
 * publishes proven_reoffending and time_to_reoffence. Each intermediate table is written and read back, which
 * breaks lineage where several later stages reuse it.
 */
public final class MeasuresJob implements Stage {
    public static final String NAME = "measure";
    public static final String PROVEN_OFFENCES = "proven_offences";
    public static final String PERSON_ATTRIBUTES = "person_attributes";
    public static final String INDEX_EVENTS = "index_events";
    public static final String PROVEN_REOFFENDING = "proven_reoffending";
    public static final String TIME_TO_REOFFENCE = "time_to_reoffence";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageResult run(SparkSession spark, RunContext context) {
        long started = System.nanoTime();
        CohortSettings settings = context.settings().cohort();
        Map<DatasetId, Dataset<Row>> staged = new LinkedHashMap<>();
        for (DatasetSpec spec : Datasets.all()) {
            staged.put(spec.id(), readStaged(spark, context, spec.id()));
        }
        Dataset<Row> recordPerson = context.storage().isDirectory(context.warehouse().recordPerson())
                ? spark.read().parquet(context.warehouse().recordPerson().toString())
                : spark.createDataFrame(List.of(), RecordPersonColumns.SCHEMA);
        Dataset<Row> offences = ReferenceTables.read(spark, context, ReferenceTables.OFFENCES);
        Dataset<Row> areas = ReferenceTables.read(spark, context, ReferenceTables.AREAS);
        StoragePath measures = context.warehouse().measures();

        Dataset<Row> proven = materialise(spark, measures.resolve(PROVEN_OFFENCES), "proven offences",
                new ProvenOffences(settings).build(staged.get(Datasets.COURTS_CONVICTIONS), staged.get(Datasets.POLICE_OUTCOMES),
                        staged.get(Datasets.YOS_OUTCOMES), recordPerson, offences));
        Dataset<Row> attributes = materialise(spark, measures.resolve(PERSON_ATTRIBUTES), "person attributes",
                new PersonAttributes().build(new ArrayList<>(staged.values()), recordPerson));
        Dataset<Row> index = new IndexEvents(settings, new DateOfBirthCipher(context.key()))
                .build(proven, staged.get(Datasets.PRISONS_RELEASES), recordPerson, attributes, areas);
        Dataset<Row> followed = materialise(spark, measures.resolve(INDEX_EVENTS), "index events and reoffences",
                new FollowUpWindow(settings).withReoffences(index, proven));

        Dataset<Row> published = materialise(spark, context.published(PROVEN_REOFFENDING), PROVEN_REOFFENDING,
                new ProvenReoffending(settings).build(followed, context.asOf()));
        Dataset<Row> curves = materialise(spark, context.published(TIME_TO_REOFFENCE), TIME_TO_REOFFENCE,
                new TimeToReoffence(settings).build(followed, context.asOf()));

        Map<String, Object> details = new LinkedHashMap<>();
        JobDescriptions.describe(spark, NAME, "counting", () -> {
            details.put("proven_offences", proven.count());
            details.put("index_events", followed.count());
            details.put("cohorts", published.select("cohort_start").distinct().count());
            details.put("curve_rows", curves.count());
            return null;
        });
        long cells = JobDescriptions.describe(spark, NAME, "counting cells", published::count);
        return new StageResult(NAME, (Long) details.get("proven_offences"), cells,
                (System.nanoTime() - started) / 1e9, details);
    }

    private static Dataset<Row> readStaged(SparkSession spark, RunContext context, DatasetId id) {
        StoragePath path = context.warehouse().staged(id);
        return context.storage().isDirectory(path) ? spark.read().parquet(path.toString())
                : spark.createDataFrame(List.of(), StagedTables.emptySchema(id));
    }

    /** Writes the table and reads it back, so later stages start from the file rather than recomputing it. */
    private static Dataset<Row> materialise(SparkSession spark, StoragePath path, String what, Dataset<Row> table) {
        JobDescriptions.describe(spark, NAME, "writing " + what, () -> {
            table.write().mode(SaveMode.Overwrite).parquet(path.toString());
            return null;
        });
        return spark.read().parquet(path.toString());
    }
}
