package org.lcjp.reoffending.jobs.results;

import java.util.List;

/**
 * What the research release did.
 *
 * @param rowsIn  proven offences and index events read
 * @param rowsOut research events written
 */
public record ResearchResult(long rowsIn, long rowsOut, double seconds, StageCost cost) implements StageSummary {
    public static final String STAGE = "research";

    @Override
    public String stage() {
        return STAGE;
    }

    @Override
    public ResearchResult withCost(StageCost cost) {
        return new ResearchResult(rowsIn, rowsOut, seconds, cost);
    }

    @Override
    public List<Figure> figures() {
        return List.of();
    }
}
