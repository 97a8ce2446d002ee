package org.lcjp.reoffending.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.research.ResearchRelease;
import org.lcjp.reoffending.settings.CohortSettings;

/**
 * The research release agrees with proven_reoffending: its index events counted by cohort and local authority (and
 * force area) give the published offenders and reoffenders, with the same status. P7's index record is in
 * Middlesbrough but their latest postcode is in Durham: placing people by their latest postcode (as the release once
 * did) would move them; cohorts before the first and too-provisional cohorts are in neither.
 */
class ResearchAgreesWithProvenReoffendingTest {
    @Test
    void researchCountsEqualPublishedCountsCellByCell() {
        MeasureFixtures f = new MeasureFixtures()
                .person("P1", "1990-05-01", "M", "WHITE", "DH1")
                .court("P1", "T1", "2023-12-01", "2024-01-15", "FINE")
                .police("P1", "V1", "2024-03-01", "2024-03-10", "ADULT_CAUTION")
                .person("P2", "1985-01-01", "F", "BLACK", "TS1")
                .police("P2", "D1", "2024-02-01", "2024-02-05", "ADULT_CAUTION")
                .person("P6", "1970-01-01", "U", "ASIAN", "XX9")
                .court("P6", "V1", "2024-01-01", "2024-02-10", "COMMUNITY_ORDER")
                .person("P7", "1992-01-01", "M", "WHITE", "TS1")
                .court("P7", "T1", "2024-04-01", "2024-05-02", "FINE")
                .person("P7", "1992-01-01", "M", "WHITE", "DH1")
                .police("P7", "T1", "2024-09-01", "2024-09-10", "ADULT_CAUTION")
                .person("P8", "1980-01-01", "F", "WHITE", "DH1")
                .police("P8", "T1", "1999-06-01", "1999-06-10", "ADULT_CAUTION") // before the first cohort
                .police("P8", "T1", "2025-11-01", "2025-11-10", "ADULT_CAUTION"); // too few months observed
        MeasureTables t = f.run(CohortSettings.defaults(), "2026-01-01");
        Dataset<Row> research = new ResearchRelease(
                        MeasureFixtures.KEY, "test", new FollowUpWindow(CohortSettings.defaults()))
                .build(t.provenOffences(), t.indexEvents(), t.personAttributes(), MeasureFixtures.areas())
                .filter(col(ResearchRelease.IS_INDEX_EVENT));

        for (String[] dimension :
                new String[][] {{"LOCAL_AUTHORITY", "local_authority"}, {"FORCE_AREA", "force_area"}}) {
            Map<String, String> published = new TreeMap<>();
            for (Row r : t.provenReoffending()
                    .filter("population = 'ALL' and dimension = '" + dimension[0] + "'")
                    .collectAsList()) {
                published.put(
                        r.getAs("cohort_start") + "/" + r.getAs("category"),
                        r.getAs("offenders") + " " + r.getAs("reoffenders") + " " + r.getAs("status"));
            }
            Map<String, String> released = new TreeMap<>();
            for (Row r : research.groupBy(col("cohort_start"), col(dimension[1]), col("status"))
                    .agg(
                            count(lit(1)).as("n"),
                            sum(when(col("is_reoffender"), 1L).otherwise(0L)).as("re"))
                    .collectAsList()) {
                released.put(r.get(0) + "/" + r.get(1), r.get(3) + " " + r.get(4) + " " + r.get(2));
            }
            assertThat(released).as(dimension[0]).isEqualTo(published);
        }
        assertThat(research.filter("cohort_start = '2024-04-01'")
                        .select("local_authority")
                        .first()
                        .getString(0))
                .as("P7 at their index record's district, not their latest")
                .isEqualTo("Middlesbrough");
        assertThat(research.filter("cohort_start < '2000-01-01' or cohort_start = '2025-10-01'")
                        .count())
                .isZero();
        assertThat(t.indexEvents()
                        .filter("cohort_start < '2000-01-01' or cohort_start = '2025-10-01'")
                        .count())
                .isEqualTo(2);
    }
}
