package org.lcjp.reoffending.jobs.results;

import java.util.List;
import java.util.Map;
import org.lcjp.reoffending.linkage.quality.PairwiseAccuracy;

/**
 * What the link stage did.
 *
 * @param records          staged records linked (read and written)
 * @param datasets         staged tables read (0: nothing staged, nothing else is set)
 * @param pairs            profile pairs compared and scored
 * @param modelSource      where the model came from (a file, the model store, or trained tonight)
 * @param weightDriftPsi   tonight's match weights against the model's training ones (PSI, four decimals)
 * @param driftWarnPsi     linkage.model.drift_warn_psi when the drift exceeded it; null when it did not
 * @param steps            the linkage's steps and their seconds, in order
 * @param truth            accuracy against a truth file beside the input; null without one
 */
public record LinkResult(
        long records,
        double seconds,
        int datasets,
        long persons,
        long profiles,
        long pairs,
        long recordPairs,
        long chainedSplit,
        int componentRounds,
        String modelHash,
        String modelSource,
        String modelTrainedAt,
        double weightDriftPsi,
        Double driftWarnPsi,
        Map<Double, Long> sensitivityProfilesReclustered,
        List<Step> steps,
        PairwiseAccuracy.Figures truth,
        StageCost cost)
        implements StageSummary {
    public static final String STAGE = "link";

    /** A step of the linkage and its wall-clock seconds. */
    public record Step(String name, double seconds) {}

    /** Nothing staged: nothing linked. */
    public static LinkResult nothingStaged(double seconds) {
        return new LinkResult(
                0, seconds, 0, 0, 0, 0, 0, 0, 0, null, null, null, 0, null, Map.of(), List.of(), null, null);
    }

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
        return records;
    }

    @Override
    public LinkResult withCost(StageCost cost) {
        return new LinkResult(
                records,
                seconds,
                datasets,
                persons,
                profiles,
                pairs,
                recordPairs,
                chainedSplit,
                componentRounds,
                modelHash,
                modelSource,
                modelTrainedAt,
                weightDriftPsi,
                driftWarnPsi,
                sensitivityProfilesReclustered,
                steps,
                truth,
                cost);
    }

    /** The steps as the line prints them: "[step 1.2, step 3.4]". */
    public String stepsText() {
        StringBuilder b = new StringBuilder();
        steps.forEach(
                s -> b.append(b.isEmpty() ? "" : ", ").append(s.name()).append(String.format(" %.1f", s.seconds())));
        return "[" + b + "]";
    }

    @Override
    public List<Figure> figures() {
        if (datasets == 0) {
            return List.of(new Figure("datasets", datasets));
        }
        Figure.Builder f = Figure.list()
                .add("datasets", datasets)
                .add("persons", persons)
                .add("profiles", profiles)
                .add("pairs", pairs)
                .add("record_pairs", recordPairs)
                .add("chained_split", chainedSplit)
                .add("component_rounds", componentRounds)
                .add("model_hash", modelHash)
                .add("model_source", modelSource)
                .add("model_trained_at", modelTrainedAt)
                .add("weight_drift_psi", weightDriftPsi)
                .addIfPresent(
                        "drift_warning",
                        driftWarnPsi == null
                                ? null
                                : "match weights differ from the model's training ones beyond linkage.model.drift_warn_psi "
                                        + driftWarnPsi + ": consider `reoffending train-linkage`")
                .add("sensitivity_profiles_reclustered", sensitivityProfilesReclustered)
                .add("steps", stepsText());
        if (truth != null) {
            f.add("truth_precision", truth.precision())
                    .add("truth_recall", truth.recall())
                    .add("truth_f1", truth.f1());
        }
        return f.build();
    }
}
