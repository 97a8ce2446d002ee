package org.lcjp.reoffending.jobs;

import static org.apache.spark.sql.functions.col;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.ProvenReoffendingColumns;
import org.lcjp.reoffending.family.FamilyOffendingRow;
import org.lcjp.reoffending.family.ThinkFamily;
import org.lcjp.reoffending.measures.CohortCalendar;
import org.lcjp.reoffending.measures.MeasureColumns;
import org.lcjp.reoffending.measures.MeasureTables;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.settings.CohortSettings;

/** family_offending (methodology.md section 9): Think Family, from family/links and the measure tables. */
final class FamilyOffendingTable implements ServiceTable {
    static final String NAME = "family_offending";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DatasetId source() {
        return Datasets.FAMILY_LINKS;
    }

    @Override
    public Dataset<Row> build(ServiceInputs in, Dataset<Row> links) {
        RunContext context = in.context();
        CohortSettings cohort = context.settings().cohort();
        Dataset<Row> proven = in.measures(MeasuresJob.PROVEN_OFFENCES);
        Dataset<Row> events = in.measures(MeasuresJob.INDEX_EVENTS);
        LocalDate effective = in.effectiveDate().orElse(null);
        List<FamilyOffendingRow> rows = new ThinkFamily(
                        context.settings().comparison(), cohort, new DateOfBirthCipher(context.key()))
                .build(new ThinkFamily.Inputs(
                        links,
                        in.recordPerson(),
                        proven,
                        in.measures(MeasuresJob.PERSON_ATTRIBUTES),
                        events,
                        in.historyStart(proven).orElse(null),
                        effective,
                        finalCohorts(events)));
        return in.frame(rows, FamilyOffendingRow::toRow, FamilyOffendingRow.SCHEMA);
    }

    /**
     * The FINAL cohorts proven_reoffending publishes (methodology.md section 4): the index events' own status, as the
     * measure stage classified them (first cohort and data coverage included).
     */
    static List<LocalDate> finalCohorts(Dataset<Row> events) {
        return MeasureTables.published(events)
                .filter(col(CohortCalendar.STATUS).equalTo(ProvenReoffendingColumns.STATUS_FINAL))
                .select(MeasureColumns.COHORT_START)
                .distinct()
                .collectAsList()
                .stream()
                .map(r -> r.<Date>getAs(MeasureColumns.COHORT_START).toLocalDate())
                .sorted()
                .toList();
    }
}
