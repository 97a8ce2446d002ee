package org.lcjp.reoffending.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.io.Warehouse;
import org.lcjp.reoffending.io.WarehouseTables;
import org.lcjp.reoffending.linkage.LinkPeople;
import org.lcjp.reoffending.linkage.quality.PairwiseAccuracy;
import org.lcjp.reoffending.linkage.quality.TruthAccuracy;
import org.lcjp.reoffending.spark.JobDescriptions;

/**
 * Links every staged record to a person: reads the staged tables present and last night's record_person, runs
 * {@link LinkPeople}, writes warehouse/linkage/record_person (via a sibling folder swapped in, because the old
 * table is read while the new one is computed) and publishes linkage_quality, with PRECISION / RECALL / F1 rows
 * when a truth folder lies beside the input (&lt;input&gt;-truth/record_person.csv, as the generator writes).
 */
public final class LinkageJob implements Stage {
    public static final String NAME = "link";
    public static final String QUALITY_TABLE = "linkage_quality";
    public static final String TRUTH_FILE = "record_person.csv";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageResult run(SparkSession spark, RunContext context) {
        long start = System.nanoTime();
        Warehouse wh = context.warehouse();
        Map<DatasetId, Dataset<Row>> staged = new LinkedHashMap<>();
        for (DatasetSpec spec : Datasets.all()) {
            StoragePath p = wh.staged(spec.id());
            if (wh.storage().isDirectory(p)) {
                staged.put(spec.id(), spark.read().parquet(p.toString()));
            }
        }
        if (staged.isEmpty()) {
            return new StageResult(NAME, 0, 0, seconds(start), Map.of("datasets", 0));
        }
        spark.sparkContext().setCheckpointDir(wh.scratch().resolve("checkpoints").toString());
        StoragePath current = wh.recordPerson();
        WarehouseTables.recover(wh.storage(), current);
        Dataset<Row> previous = wh.storage().isDirectory(current) ? spark.read().parquet(current.toString()) : null;
        LinkPeople.Outcome out = JobDescriptions.describe(spark, NAME, "link records to persons",
                () -> new LinkPeople(context.settings().linkage(), context.settings().pseudonymise().bloomBits()).run(staged, previous));
        StoragePath next = WarehouseTables.next(current);
        StoragePath truth = truthFile(wh.storage(), context.input());
        PairwiseAccuracy.Figures accuracy = truth == null ? null : JobDescriptions.describe(spark, NAME, "measure against truth",
                () -> TruthAccuracy.measure(out.recordPerson(), spark.read().option("header", true).csv(truth.toString())));
        Dataset<Row> quality = accuracy == null ? out.quality() : out.quality().unionByName(TruthAccuracy.rows(spark, accuracy));
        JobDescriptions.describe(spark, NAME, "write record_person", () -> {
            out.recordPerson().write().mode(SaveMode.Overwrite).parquet(next.toString());
            quality.coalesce(1).write().mode(SaveMode.Overwrite).parquet(context.published(QUALITY_TABLE).toString());
            return null;
        });
        long persons = out.persons();
        out.release();
        WarehouseTables.switchTo(wh.storage(), next, current);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("datasets", staged.size());
        details.put("persons", persons);
        details.put("profiles", out.profiles());
        details.put("pairs", out.pairsScored());
        details.put("record_pairs", out.recordPairs());
        details.put("chained_split", out.chainedSplit());
        details.put("component_rounds", out.componentRounds());
        StringBuilder steps = new StringBuilder();
        out.stepSeconds().forEach((step, sec) -> steps.append(steps.isEmpty() ? "" : ", ").append(step).append(String.format(" %.1f", sec)));
        details.put("steps", "[" + steps + "]");
        if (accuracy != null) {
            details.put("truth_precision", accuracy.precision());
            details.put("truth_recall", accuracy.recall());
            details.put("truth_f1", accuracy.f1());
        }
        return new StageResult(NAME, out.records(), out.records(), seconds(start), details);
    }

    /** &lt;input&gt;-truth/record_person.csv beside the input (where the generator writes it), or null. */
    static StoragePath truthFile(Storage storage, StoragePath input) {
        if (input == null || input.getParent() == null) {
            return null;
        }
        StoragePath f = input.resolveSibling(input.getFileName() + "-truth").resolve(TRUTH_FILE);
        return storage.isFile(f) ? f : null;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
