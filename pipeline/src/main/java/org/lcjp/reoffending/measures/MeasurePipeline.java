package org.lcjp.reoffending.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.settings.MeasuresSettings;

/**
 * Chains the measure stages: inputs to every measure table. The one Spark job of its own is the earliest disposal
 * date (for the first cohort) unless measures.first_cohort is set. Where a later step reuses a table, the caller's
 * {@link Materialise} may write it and read it back (the job) or checkpoint it (tests).
 */
public final class MeasurePipeline {
    /** Breaks lineage at a reused table; the identity is always correct, only slower. */
    @FunctionalInterface
    public interface Materialise {
        Dataset<Row> apply(String table, Dataset<Row> rows);
    }

    private final CohortSettings cohort;
    private final MeasuresSettings measures;
    private final DateOfBirthCipher cipher;

    public MeasurePipeline(CohortSettings cohort, MeasuresSettings measures, DateOfBirthCipher cipher) {
        this.cohort = cohort;
        this.measures = measures;
        this.cipher = cipher;
    }

    public MeasureTables run(MeasureInputs in, DataCoverage coverage, Materialise materialise) {
        Dataset<Row> proven = materialise.apply(
                MeasureTables.PROVEN_OFFENCES,
                new ProvenOffences(cohort).build(in.courts(), in.police(), in.yos(), in.recordPerson(), in.offences()));
        Dataset<Row> attributes = materialise.apply(
                MeasureTables.PERSON_ATTRIBUTES, new PersonAttributes().build(in.allStaged(), in.recordPerson()));
        Dataset<Row> index =
                new IndexEvents(cohort, cipher).build(proven, in.prisons(), in.recordPerson(), attributes, in.areas());
        Dataset<Row> followed = new FollowUpWindow(cohort).withReoffences(index, proven);
        LocalDate first = firstCohort(cohort, measures, proven);
        CohortCalendar calendar = CohortCalendar.of(cohort, measures, first, coverage);
        Dataset<Row> events = materialise.apply(MeasureTables.INDEX_EVENTS, calendar.classify(followed));
        Dataset<Row> published = MeasureTables.published(events);
        LocalDate censoring = measures.censorAt().equals(MeasuresSettings.AS_OF)
                ? coverage.asOf()
                : coverage.effectiveDate().orElse(coverage.asOf());
        return new MeasureTables(
                proven,
                attributes,
                events,
                calendar,
                new ProvenReoffending().build(published),
                new TimeToReoffence(cohort).build(published, censoring));
    }

    /**
     * The first cohort published ({@link CohortCalendar#firstCohort}), for every stage that needs it: proven offences
     * are read (one Spark job) only when measures.first_cohort is blank.
     */
    public static LocalDate firstCohort(CohortSettings cohort, MeasuresSettings measures, Dataset<Row> proven) {
        return CohortCalendar.firstCohort(
                cohort, measures, measures.firstCohort() != null ? null : earliestDisposal(proven));
    }

    /** The earliest disposal date of any proven offence; null when there is none. */
    public static LocalDate earliestDisposal(Dataset<Row> proven) {
        Row r = proven.agg(min(col(MeasureColumns.DISPOSAL_DATE))).first();
        Object v = r.get(0);
        return v == null ? null : v instanceof LocalDate d ? d : ((java.sql.Date) v).toLocalDate();
    }
}
