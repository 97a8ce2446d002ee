package org.lcjp.reoffending.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.family.FamilyOffendingRow;
import org.lcjp.reoffending.reports.performance.Target;
import org.lcjp.reoffending.reports.performance.Targets;
import org.lcjp.reoffending.rj.RjActivity;
import org.lcjp.reoffending.rj.RjActivityRow;

/**
 * The performance framework reads rj_activity and family_offending by the columns the services stage publishes: the
 * targets check's settled schemas are exactly the written ones, and the shipped measures filter on codes those tables
 * hold (no Spark: schemas and the shipped file only).
 */
class ServiceTablesContractTest {
    @Test
    void theTargetsCheckKnowsExactlyThePublishedColumns() {
        assertThat(Targets.settledColumns("rj_activity")).contains(names(RjActivityRow.SCHEMA));
        assertThat(Targets.settledColumns("family_offending")).contains(names(FamilyOffendingRow.SCHEMA));
    }

    @Test
    void theShippedRjAndThinkFamilyMeasuresReadCodesTheTablesHold() {
        List<Target> shipped = Targets.load(Path.of("..", "conf", "targets.yaml"));
        Target conferences = find(shipped, "rj_conferences");
        assertThat(conferences.figure().filters())
                .containsEntry("measure", RjActivity.OUTCOMES)
                .containsEntry("category", "CONFERENCE");
        Target satisfaction = find(shipped, "rj_victim_satisfaction");
        assertThat(satisfaction.figure().filters()).containsEntry("measure", RjActivity.VICTIM_SATISFACTION_SHARE);
        Target children = find(shipped, "intergenerational_offending_rate");
        assertThat(children.figure().filters())
                .containsEntry("measure_set", FamilyOffendingRow.CHILDREN_BY_YEAR)
                .containsEntry("group_name", FamilyOffendingRow.EXPOSED)
                .containsEntry("measure", FamilyOffendingRow.OFFENDING_SHARE);
    }

    private static Target find(List<Target> targets, String id) {
        return targets.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static Set<String> names(StructType schema) {
        return Set.of(schema.fieldNames());
    }
}
