package org.lcjp.reoffending.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.impact.AssessedNeeds;
import org.lcjp.reoffending.needs.NeedsAndGapsRow;
import org.lcjp.reoffending.needs.ProvisionGaps;
import org.lcjp.reoffending.needs.ServiceSpells;

/** needs_and_gaps (methodology.md section 10): assessed needs and gaps in provision; needs probation/assessments. */
final class NeedsAndGapsTable implements ServiceTable {
    static final String NAME = "needs_and_gaps";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DatasetId source() {
        return Datasets.PROBATION_ASSESSMENTS;
    }

    @Override
    public Dataset<Row> build(ServiceInputs in, Dataset<Row> assessments) {
        RunContext context = in.context();
        Dataset<Row> recordPerson = in.recordPerson();
        Map<String, Dataset<Row>> spells = new LinkedHashMap<>();
        ProvisionGaps.SERVICES.forEach((need, service) ->
                in.staged(service).ifPresent(t -> spells.put(need, ServiceSpells.of(t, service, recordPerson))));
        ProvisionGaps gaps = new ProvisionGaps(
                context.settings().needs(), context.settings().comparison().confidence());
        // Every index event, as the comparisons take them: a gap needs no offending history, so the years before the
        // first published cohort (held back for previous-offence counts) count too.
        Dataset<Row> people = gaps.people(
                in.measures(MeasuresJob.INDEX_EVENTS), AssessedNeeds.linked(assessments, recordPerson), spells);
        List<NeedsAndGapsRow> rows = gaps.table(people, in.coverage(ProvisionGaps.sources()));
        return in.frame(rows, NeedsAndGapsRow::toRow, NeedsAndGapsRow.SCHEMA);
    }
}
