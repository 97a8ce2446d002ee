package org.lcjp.reoffending.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcjp.reoffending.linkage.ClearRecords.row;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.linkage.blocking.CandidatePairs;
import org.lcjp.reoffending.linkage.core.LinkageColumns;
import org.lcjp.reoffending.linkage.core.LinkageRecords;
import org.lcjp.reoffending.linkage.core.Profiles;
import org.lcjp.reoffending.settings.LinkageSettings;

class CandidatePairsTest {
    // Record 3 differs from record 1 only by its postcode (else the two would be one identity profile, one node).
    private final Profiles.Collapsed profiles = new Profiles()
            .apply(new LinkageRecords(LinkageSettings.defaults(), 8)
                    .apply(ClearRecords.police(
                            row("1", "C1", null, "ann", "lee", "1980-01-01", "F", null),
                            row("2", "C2", null, "lee", "ann", "1975-06-01", "F", null),
                            row("3", "C3", null, "ann", "lee", "1980-01-01", "F", "TS1 3BQ"),
                            row("4", "C4", null, "bob", "ray", "1960-02-02", "M", null),
                            row("5", "C5", null, "ann", "lee", "1999-09-09", "F", null))));

    @Test
    void sameNamesAndDobMakeOnePairEach() {
        assertThat(pairs(List.of("forename_token,dob_token"), 100)).containsExactly("1-3");
    }

    @Test
    void crossedRuleFindsSwappedNamesInEitherOrder() {
        assertThat(pairs(List.of("forename_token=surname_token,surname_token=forename_token"), 100))
                .containsExactlyInAnyOrder("1-2", "2-3", "2-5");
    }

    @Test
    void unionOfRulesHasNoDuplicates() {
        assertThat(pairs(List.of("forename_token,surname_token", "dob_token"), 100))
                .containsExactlyInAnyOrder("1-3", "1-5", "3-5");
    }

    @Test
    void oversizedBlocksAreSkipped() {
        assertThat(pairs(List.of("forename_token,surname_token", "dob_token"), 2))
                .containsExactly("1-3");
    }

    private List<String> pairs(List<String> rules, int maxBlock) {
        Map<Long, String> ids = new HashMap<>();
        profiles.records().collectAsList().forEach(r -> ids.put(r.getAs(LinkageColumns.NODE), r.getAs("record_id")));
        return new CandidatePairs(org.lcjp.reoffending.settings.BlockingRule.parseAll(rules), maxBlock)
                .apply(profiles.nodes()).collectAsList().stream()
                        .map(r -> ids.get(r.getLong(0)) + "-" + ids.get(r.getLong(1)))
                        .map(p -> p.compareTo(p.substring(2) + "-" + p.substring(0, 1)) <= 0
                                ? p
                                : p.substring(2) + "-" + p.substring(0, 1))
                        .sorted()
                        .toList();
    }
}
