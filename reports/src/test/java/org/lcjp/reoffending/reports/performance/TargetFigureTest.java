package org.lcjp.reoffending.reports.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published filters text is the same in every JVM: the targets file's order, not a hash order. */
class TargetFigureTest {
    @Test
    void filtersKeepTheTargetsFilesOrder() {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String k :
                new String[] {"measure", "group_name", "comparison", "method", "subgroup", "period", "category"}) {
            filters.put(k, k.toUpperCase(Locale.ROOT));
        }
        Target.Figure f = new Target.Figure(
                "cohort_comparison",
                filters,
                "value",
                Target.Statistic.ESTIMATE,
                null,
                null,
                null,
                null,
                Target.Aggregate.NONE,
                null);
        assertThat(PerformanceFramework.filters(f))
                .isEqualTo("measure=MEASURE; group_name=GROUP_NAME; "
                        + "comparison=COMPARISON; method=METHOD; subgroup=SUBGROUP; period=PERIOD; category=CATEGORY");
    }
}
