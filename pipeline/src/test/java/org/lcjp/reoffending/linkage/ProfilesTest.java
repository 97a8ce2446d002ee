package org.lcjp.reoffending.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcjp.reoffending.linkage.ClearRecords.row;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.linkage.core.LinkageColumns;
import org.lcjp.reoffending.linkage.core.LinkageRecords;
import org.lcjp.reoffending.linkage.core.Profiles;
import org.lcjp.reoffending.settings.LinkageSettings;

class ProfilesTest {
    private static final String PNC = ComparisonLevelsTest.PNC_A;
    // row: record_id, custody_ref, pnc_id, forename, surname, dob, sex, postcode
    private final Profiles.Collapsed profiles = new Profiles()
            .apply(new LinkageRecords(LinkageSettings.defaults(), 8)
                    .apply(ClearRecords.police(
                            row("1", "C1", null, "ann", "lee", "1980-01-01", "F", null),
                            row("2", "C2", null, "ann", "lee", "1980-01-01", "F", null),
                            row("3", "C3", null, "ann", "lee", null, "F", null),
                            row("4", "C4", null, "ann", "lee", null, "F", null),
                            row("5", "C5", PNC, null, "ray", null, "M", null),
                            row("6", "C6", PNC, null, "ray", null, "M", null),
                            row("7", "C7", null, "ann", "lee", "1980-01-01", "F", "TS1 3BQ"))));

    @Test
    void recordsWithTheSameProfileAndEnoughEvidenceAreOneNode() {
        Map<String, Long> node = nodes();
        assertThat(node.get("1")).isEqualTo(node.get("2"));
        assertThat(node.get("5")).as("a shared PNC is evidence enough").isEqualTo(node.get("6"));
        assertThat(node.get("7")).as("one column differs").isNotEqualTo(node.get("1"));
        assertThat(profiles.nodes().count()).isEqualTo(5);
        Row shared = profiles.nodes()
                .where(profiles.nodes().col(LinkageColumns.NODE).equalTo(node.get("1")))
                .first();
        assertThat((long) shared.getAs(LinkageColumns.RECORDS)).isEqualTo(2);
    }

    @Test
    void aProfileWithoutDateOfBirthOrPncIsNotCollapsed() {
        Map<String, Long> node = nodes();
        assertThat(node.get("3")).isNotEqualTo(node.get("4"));
    }

    @Test
    void termFrequenciesCountRecordsNotNodes() {
        // names over the records: ann x5 (forename), lee x5, ray x2 (surname) = 12 name tokens, "ann" 5 of them
        Row ann = profiles.nodes()
                .where(profiles.nodes().col(LinkageColumns.NODE).equalTo(nodes().get("1")))
                .first();
        assertThat((double) ann.getAs(LinkageColumns.FORENAME_TF)).isEqualTo(5.0 / 12);
    }

    private Map<String, Long> nodes() {
        Map<String, Long> out = new HashMap<>();
        profiles.records().collectAsList().forEach(r -> out.put(r.getAs("record_id"), r.getAs(LinkageColumns.NODE)));
        return out;
    }
}
