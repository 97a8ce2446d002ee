package org.lcjp.reoffending.jobs;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.io.Warehouse;
import org.lcjp.reoffending.io.WarehouseTables;
import org.lcjp.reoffending.jobs.results.LinkResult;
import org.lcjp.reoffending.linkage.LinkPeople;
import org.lcjp.reoffending.linkage.core.RecordGroups;
import org.lcjp.reoffending.linkage.quality.PairwiseAccuracy;
import org.lcjp.reoffending.linkage.quality.TruthAccuracy;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.spark.JobDescriptions;

/**
 * Links every staged record to a person: reads the staged tables present, last night's record_person and the
 * linkage model ({@link LinkageModels}: the configured file, else OUTPUT's model store; with none it trains one,
 * says so, and keeps it), runs {@link LinkPeople}, writes warehouse/linkage/record_person (via a sibling folder
 * swapped in, because the old table is read while the new one is computed) and warehouse/linkage/sensitivity (the
 * persons at the other thresholds), and publishes linkage_quality, with PRECISION / RECALL / F1 rows when a truth
 * folder lies beside the input (&lt;input&gt;-truth/record_person.csv, as the generator writes). The stage's result,
 * and so the run manifest, names the model's hash.
 */
public final class LinkageJob implements Stage {
    public static final String NAME = LinkResult.STAGE;
    public static final String QUALITY_TABLE = "linkage_quality";
    public static final String TRUTH_FILE = "record_person.csv";
    static final String SENSITIVITY_TABLE = "sensitivity";
    private static final org.apache.logging.log4j.Logger LOG =
            org.apache.logging.log4j.LogManager.getLogger(LinkageJob.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LinkResult run(SparkSession spark, RunContext context) {
        long start = System.nanoTime();
        Warehouse wh = context.warehouse();
        Map<DatasetId, Dataset<Row>> staged = StagedInputs.present(spark, wh);
        if (staged.isEmpty()) {
            return LinkResult.nothingStaged(seconds(start));
        }
        Leftovers.checkpointUnder(spark, wh.storage(), wh.scratch().resolve(Leftovers.CHECKPOINTS));
        StoragePath current = wh.recordPerson();
        WarehouseTables.recover(wh.storage(), current);
        Dataset<Row> previous = wh.storage().isDirectory(current) ? spark.read().parquet(current.toString()) : null;
        LinkageModels.Given given = LinkageModels.given(context);
        LinkPeople linker = linker(context);
        LinkPeople.Outcome out = JobDescriptions.describe(
                spark,
                NAME,
                "link records to persons",
                () -> linker.run(staged, previous, given == null ? null : given.model()));
        String modelHash;
        String modelSource;
        if (given == null) {
            byte[] json = out.model().toJson();
            StoragePath kept = LinkageModels.current(context);
            modelHash = LinkageModels.write(context, json, kept);
            modelSource = "trained tonight, kept at " + kept;
            LOG.warn(
                    "No linkage model was given (linkage.model.file unset and none in {}): trained one on tonight's {} records and "
                            + "kept it; later nights predict with it. Retrain explicitly with `reoffending train-linkage`",
                    kept.getParent(),
                    out.records());
        } else {
            modelHash = given.hash();
            modelSource = given.source();
            LinkageModels.archive(context, given.bytes(), modelHash);
        }
        StoragePath next = WarehouseTables.next(current);
        StoragePath truth = truthFile(wh.storage(), context.input());
        Dataset<Row> truthTable =
                truth == null ? null : spark.read().option("header", true).csv(truth.toString());
        PairwiseAccuracy.Figures accuracy = truth == null
                ? null
                : JobDescriptions.describe(
                        spark,
                        NAME,
                        "measure against truth",
                        () -> TruthAccuracy.measure(out.recordPerson(), truthTable));
        Dataset<Row> quality = accuracy == null
                ? out.quality()
                : out.quality()
                        .unionByName(TruthAccuracy.rows(spark, accuracy))
                        .unionByName(TruthAccuracy.byGroup(out.recordGroups(), truthTable));
        JobDescriptions.describe(spark, NAME, "write record_person", () -> {
            out.recordPerson().write().mode(SaveMode.Overwrite).parquet(next.toString());
            quality.coalesce(1)
                    .write()
                    .mode(SaveMode.Overwrite)
                    .parquet(context.published(QUALITY_TABLE).toString());
            out.sensitivity()
                    .coalesce(1)
                    .write()
                    .mode(SaveMode.Overwrite)
                    .parquet(sensitivity(context).toString());
            return null;
        });
        long persons = out.persons();
        out.release();
        WarehouseTables.switchTo(wh.storage(), next, current);
        double drift = Math.round(out.drift() * 1e4) / 1e4;
        Double driftWarnPsi = null;
        if (out.drift() > context.settings().linkage().model().driftWarnPsi()) {
            LOG.warn(
                    "Tonight's match weights differ from the linkage model's training ones: PSI {} above linkage.model.drift_warn_psi {} "
                            + "(model trained {}). The figures are still made with this model; consider retraining with `reoffending train-linkage`",
                    drift,
                    context.settings().linkage().model().driftWarnPsi(),
                    out.model().trainedAt());
            driftWarnPsi = context.settings().linkage().model().driftWarnPsi();
        }
        List<LinkResult.Step> steps = out.stepSeconds().entrySet().stream()
                .map(e -> new LinkResult.Step(e.getKey(), e.getValue()))
                .toList();
        return new LinkResult(
                out.records(),
                seconds(start),
                staged.size(),
                persons,
                out.profiles(),
                out.pairsScored(),
                out.recordPairs(),
                out.chainedSplit(),
                out.componentRounds(),
                modelHash,
                modelSource,
                out.model().trainedAt(),
                drift,
                driftWarnPsi,
                out.sensitivityNodes(),
                steps,
                accuracy,
                null);
    }

    /** The linkage as the settings configure it, with the records' quality groups (ages from the encrypted dates of birth). */
    static LinkPeople linker(RunContext context) {
        return new LinkPeople(
                context.settings().linkage(),
                context.settings().pseudonymise(),
                new RecordGroups(
                        new DateOfBirthCipher(context.key()),
                        context.settings().cohort().ageBandStarts()));
    }

    /** warehouse/linkage/sensitivity: the records re-clustered at the other thresholds and their persons there. */
    static StoragePath sensitivity(RunContext context) {
        return context.warehouse().linkage().resolve(SENSITIVITY_TABLE);
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
