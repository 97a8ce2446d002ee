package org.lcjp.reoffending.jobs.results;

import java.util.List;

/**
 * What train-linkage did.
 *
 * @param records     staged records trained on
 * @param writtenTo   the model file written
 * @param pairs       candidate pairs compared
 * @param prior       the probability that two random records match
 * @param modelStore  where later nights look for the model, when it was written elsewhere (--model); else null
 */
public record TrainLinkageResult(
        long records,
        double seconds,
        String modelHash,
        String writtenTo,
        String trainedAt,
        long profiles,
        long pairs,
        int emIterations,
        double prior,
        String modelStore,
        StageCost cost)
        implements StageSummary {
    public static final String STAGE = "train-linkage";

    @Override
    public String stage() {
        return STAGE;
    }

    @Override
    public long rowsIn() {
        return records;
    }

    @Override
    public long rowsOut() {
        return 1;
    }

    @Override
    public TrainLinkageResult withCost(StageCost cost) {
        return new TrainLinkageResult(
                records,
                seconds,
                modelHash,
                writtenTo,
                trainedAt,
                profiles,
                pairs,
                emIterations,
                prior,
                modelStore,
                cost);
    }

    @Override
    public List<Figure> figures() {
        return Figure.list()
                .add("model_hash", modelHash)
                .add("written_to", writtenTo)
                .add("trained_at", trainedAt)
                .add("profiles", profiles)
                .add("pairs", pairs)
                .add("em_iterations", emIterations)
                .add("prior", prior)
                .addIfPresent(
                        "use_it",
                        modelStore == null
                                ? null
                                : "set linkage.model.file in conf/pipeline.yaml to this file (relative to the conf folder), or copy it to "
                                        + modelStore)
                .build();
    }
}
