package org.lcjp.reoffending.jobs.results;

import java.time.LocalDate;
import java.util.List;

/**
 * What the measure stage did.
 *
 * @param provenOffences     proven offences counted (the rows read)
 * @param cells              proven_reoffending rows published
 * @param effectiveDate      the last day every dataset proving offences covers; null when none
 * @param limitingDataset    the dataset that holds the effective date back; null when the as-of date does
 * @param firstCohort        the first cohort published
 * @param finalCohorts       cohorts published FINAL
 * @param provisionalCohorts cohorts published PROVISIONAL
 * @param curveRows          time_to_reoffence rows
 */
public record MeasureResult(
        long provenOffences,
        long cells,
        double seconds,
        LocalDate effectiveDate,
        String limitingDataset,
        LocalDate firstCohort,
        long finalCohorts,
        long provisionalCohorts,
        long indexEvents,
        long curveRows,
        StageCost cost)
        implements StageSummary {
    public static final String STAGE = "measure";

    @Override
    public String stage() {
        return STAGE;
    }

    @Override
    public long rowsIn() {
        return provenOffences;
    }

    @Override
    public long rowsOut() {
        return cells;
    }

    @Override
    public MeasureResult withCost(StageCost cost) {
        return new MeasureResult(
                provenOffences,
                cells,
                seconds,
                effectiveDate,
                limitingDataset,
                firstCohort,
                finalCohorts,
                provisionalCohorts,
                indexEvents,
                curveRows,
                cost);
    }

    /** The effective date as the line says it ("none" when no date is covered). */
    public String effectiveDateText() {
        return effectiveDate == null ? "none" : effectiveDate.toString();
    }

    /** What limits the effective date: a dataset, or the as-of date. */
    public String limitedByText() {
        return limitingDataset == null ? "as-of date" : limitingDataset;
    }

    @Override
    public List<Figure> figures() {
        return Figure.list()
                .add("effective_date", effectiveDateText())
                .add("limited_by", limitedByText())
                .add("first_cohort", String.valueOf(firstCohort))
                .add("final_cohorts", finalCohorts)
                .add("provisional_cohorts", provisionalCohorts)
                .add("proven_offences", provenOffences)
                .add("index_events", indexEvents)
                .add("curve_rows", curveRows)
                .build();
    }
}
