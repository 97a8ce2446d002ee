package org.lcjp.reoffending.jobs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.domain.DatasetId;
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
    public static final String NAME = "train-linkage";
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
    public StageResult run(SparkSession spark, RunContext context) {
        long start = System.nanoTime();
        Map<DatasetId, Dataset<Row>> staged = StagedInputs.present(spark, context.warehouse());
        if (staged.isEmpty()) {
            throw new SettingsException("Cannot train a linkage model: the warehouse holds no staged records ("
                    + context.warehouse().root().resolve("staged") + "). Run `reoffending ingest` with the same --output first");
        }
        Leftovers.checkpointUnder(spark, context.storage(), context.warehouse().scratch().resolve(Leftovers.CHECKPOINTS));
        LinkageModel model = JobDescriptions.describe(spark, NAME, "train the linkage model", () -> LinkageJob.linker(context).train(staged));
        StoragePath file = target == null ? LinkageModels.current(context) : StoragePath.local(target.toAbsolutePath().normalize());
        String hash = LinkageModels.write(context, model.toJson(), file);
        LOG.info("Linkage model {} trained on {} records and written to {}:\n{}", hash, model.training().records(), file, model.fs().describe());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model_hash", hash);
        details.put("written_to", file.toString());
        details.put("trained_at", model.trainedAt());
        details.put("profiles", model.training().profiles());
        details.put("pairs", model.training().candidatePairs());
        details.put("em_iterations", model.training().emIterations());
        details.put("prior", model.fs().lambda());
        if (target != null) {
            details.put("use_it", "set linkage.model.file in conf/pipeline.yaml to this file (relative to the conf folder), "
                    + "or copy it to " + LinkageModels.current(context));
        }
        return new StageResult(NAME, model.training().records(), 1, (System.nanoTime() - start) / 1e9, details);
    }
}
