package org.lcjp.reoffending.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.needs.CheckpointActivityRow;
import org.lcjp.reoffending.needs.IomReachRow;
import org.lcjp.reoffending.needs.NeedsAndGapsRow;
import org.lcjp.reoffending.reports.performance.Target;
import org.lcjp.reoffending.reports.performance.Targets;

/** The columns the targets file is checked against are the columns the services stage writes. */
class ServiceTablesAgreeWithTargetsTest {
    private static final Map<String, StructType> WRITTEN = Map.of(
            NeedsAndGapsTable.NAME, NeedsAndGapsRow.SCHEMA,
            IomReachTable.NAME, IomReachRow.SCHEMA,
            CheckpointActivityTable.NAME, CheckpointActivityRow.SCHEMA);

    @Test
    void eachServiceTableIsCheckedAgainstItsWrittenSchema() {
        WRITTEN.forEach((table, schema) -> assertThat(Targets.publishedColumns(table))
                .as(table)
                .hasValueSatisfying(cols -> assertThat(cols).containsExactlyInAnyOrder(schema.fieldNames())));
    }

    @Test
    void theShippedTargetsReadServiceTablesByColumnsTheyHave() {
        List<Target> shipped = Targets.load(Path.of("../conf/targets.yaml"));
        List<Target> services = shipped.stream()
                .filter(t -> WRITTEN.containsKey(t.figure().table()))
                .toList();
        assertThat(services)
                .extracting(Target::id)
                .containsExactlyInAnyOrder(
                        "checkpoint_completion_rate", "iom_highest_risk_share", "largest_gap_in_provision");
        for (Target t : services) {
            List<String> columns = List.of(WRITTEN.get(t.figure().table()).fieldNames());
            assertThat(columns)
                    .as(t.id())
                    .contains(
                            t.figure().column(),
                            t.figure().numerator(),
                            t.figure().denominator())
                    .containsAll(t.figure().filters().keySet());
        }
    }
}
