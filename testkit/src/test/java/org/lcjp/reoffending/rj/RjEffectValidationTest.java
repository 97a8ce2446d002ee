package org.lcjp.reoffending.rj;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.impact.ComparisonPeriods;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.testing.GeneratedPopulation;

/**
 * Known truth, fast: the generator's RJ Hub (6,000 simulated offenders, clean identities) on true links through the
 * RJ sample. The treated are exactly the people the generator treated, indexed at the same disposal, and their
 * reoffending is what the generator says it was with the process. The full check through the nightly run on 20,000
 * people and five seeds is StrategyTruthValidationTest in jobs (opt-in).
 */
class RjEffectValidationTest {
    static GeneratedPopulation population;
    static Dataset<Row> sample;
    static Map<String, Integer> truthTreated = new HashMap<>();

    @BeforeAll
    static void build() throws Exception {
        population = GeneratedPopulation.of(Long.getLong("truth.people", 6000), 20261207L);
        Dataset<Row> referrals = population.table(Datasets.RJ_REFERRALS, "record_id", "referral_date", "outcome");
        // The generator's last extract date (2014-2019 inputs): the truth's complete follow-up is judged against it.
        ComparisonPeriods periods = new ComparisonPeriods(CohortSettings.defaults(), LocalDate.of(2020, 1, 7), 4, null);
        sample = new RjSample(CohortSettings.defaults(), GeneratedPopulation.CIPHER)
                .build(referrals, population.recordPerson(), population.attributes(), population.proven(), periods)
                .sample()
                .cache();
        for (CSVRecord r : GeneratedPopulation.csv(population.truth().resolve("rj_referrals.csv"))) {
            if (Boolean.parseBoolean(r.get("treated")) && Boolean.parseBoolean(r.get("follow_up_complete"))) {
                truthTreated.put(
                        r.get("person_id") + "@" + r.get("index_date"),
                        Integer.parseInt(r.get("reoffended_with_process")));
            }
        }
    }

    @Test
    void theTreatedAreThoseTheGeneratorTreatedAtTheSameDisposal() {
        Map<String, Integer> treated = new TreeMap<>();
        sample.filter("group_name = 'COMPLETED'")
                .collectAsList()
                .forEach(r -> treated.put(r.getAs("person_id"), r.<Integer>getAs("reoffended")));
        assertThat(truthTreated).hasSizeGreaterThan(100);
        assertThat(treated).isEqualTo(new TreeMap<>(truthTreated));
    }

    @Test
    void controlsAndReferralsEndedOtherwiseAreThere() {
        assertThat(sample.filter("group_name = 'NOT_REFERRED'").count()).isGreaterThan(10L * truthTreated.size());
        assertThat(sample.filter("group_name = 'ENDED_OTHERWISE'").count()).isPositive();
    }
}
