package org.lcjp.reoffending.jobs.results;

import java.util.List;
import java.util.Map;

/**
 * What the sensitivity stage did.
 *
 * @param mainPersons        persons at the main threshold (the rows read)
 * @param rows               linkage_sensitivity rows published
 * @param thresholds         every threshold measured, the main one included
 * @param persons            persons at each threshold
 * @param recordsReclustered records re-clustered at each other threshold
 * @param rateTolerance      linkage.sensitivity.rate_tolerance when a headline FINAL rate moved by more than it; else null
 */
public record SensitivityResult(
        long mainPersons,
        long rows,
        double seconds,
        List<Double> thresholds,
        Map<Double, Long> persons,
        Map<Double, Long> recordsReclustered,
        Double rateTolerance,
        StageCost cost)
        implements StageSummary {
    public static final String STAGE = "sensitivity";

    @Override
    public String stage() {
        return STAGE;
    }

    @Override
    public long rowsIn() {
        return mainPersons;
    }

    @Override
    public long rowsOut() {
        return rows;
    }

    @Override
    public SensitivityResult withCost(StageCost cost) {
        return new SensitivityResult(
                mainPersons, rows, seconds, thresholds, persons, recordsReclustered, rateTolerance, cost);
    }

    @Override
    public List<Figure> figures() {
        return Figure.list()
                .add("thresholds", thresholds)
                .add("persons", persons)
                .add("records_reclustered", recordsReclustered)
                .addIfPresent(
                        "rate_moves",
                        rateTolerance == null
                                ? null
                                : "a headline FINAL rate moves by more than linkage.sensitivity.rate_tolerance "
                                        + rateTolerance + " between thresholds (see linkage_sensitivity)")
                .build();
    }
}
