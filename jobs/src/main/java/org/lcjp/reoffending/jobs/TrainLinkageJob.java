package org.lcjp.reoffending.jobs;

import java.nio.file.Path;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.jobs.results.TrainLinkageResult;
import org.lcjp.reoffending.linkage.model.LinkageModel;
import org.lcjp.reoffending.settings.SettingsException;
import org.lcjp.reoffending.spark.JobDescriptions;

/**
 * Retraining, explicitly (`reoffending train-linkage`): trains a linkage model on the warehouse's staged records as
 * the nightly run would link them (u from random pairs, m by EM, the prior from the deterministic rules) and writes
 * linkage-model.json to the given file, or to OUTPUT's model store as the model later nights predict with. Not a
 * nightly stage: the nightly run only predicts with the model it is given.
 */
public final class TrainLinkageJob implements Stage {
    public static final String NAME = TrainLinkageResult.STAGE;
    private static final Logger LOG = LogManager.getLogger(TrainLinkageJob.class);
    private final Path target;

    /** @param target the model file to write, or null for OUTPUT's model store */
    public TrainLinkageJob(Path target) {
        this.target = target;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TrainLinkageResult run(SparkSession spark, RunContext context) {
        long start = System.nanoTime();
        Map<DatasetId, Dataset<Row>> staged = StagedInputs.present(spark, context.warehouse());
        if (staged.isEmpty()) {
            throw new SettingsException("Cannot train a linkage model: the warehouse holds no staged records ("
                    + context.warehouse().root().resolve("staged")
                    + "). Run `reoffending ingest` with the same --output first");
        }
        Leftovers.checkpointUnder(
                spark, context.storage(), context.warehouse().scratch().resolve(Leftovers.CHECKPOINTS));
        LinkageModel model = JobDescriptions.describe(
                spark,
                NAME,
                "train the linkage model",
                () -> LinkageJob.linker(context).train(staged));
        StoragePath file = target == null
                ? LinkageModels.current(context)
                : StoragePath.local(target.toAbsolutePath().normalize());
        String hash = LinkageModels.write(context, model.toJson(), file);
        LOG.info(
                "Linkage model {} trained on {} records and written to {}:\n{}",
                hash,
                model.training().records(),
                file,
                model.fs().describe());
        return new TrainLinkageResult(
                model.training().records(),
                (System.nanoTime() - start) / 1e9,
                hash,
                file.toString(),
                model.trainedAt(),
                model.training().profiles(),
                model.training().candidatePairs(),
                model.training().emIterations(),
                model.fs().lambda(),
                target == null ? null : LinkageModels.current(context).toString(),
                null);
    }
}
