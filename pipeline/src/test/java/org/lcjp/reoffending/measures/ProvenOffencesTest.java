package org.lcjp.reoffending.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ProvenOffencesTest {

    private static List<String> describe(MeasureFixtures f, boolean excludeBreaches) {
        return f
                .proven(MeasureFixtures.settings("QUARTER", excludeBreaches))
                .orderBy("person_id", "offence_code", "disposal_date", "source", "record_id")
                .collectAsList()
                .stream()
                .map(r -> r.getAs("person_id") + " " + r.getAs("source") + " " + r.getAs("offence_code") + " "
                        + r.getAs("disposal_date") + " " + r.getAs("disposal") + " " + r.getAs("disposal_level"))
                .collect(Collectors.toList());
    }

    @Test
    void provenOffencesAreConvictionsCautionsAndYosOutcomesButNotCommunityResolutions() {
        MeasureFixtures f = new MeasureFixtures()
                .court("P", "T1", "2024-01-01", "2024-02-01", "FINE")
                .court("P", "T1", "2024-01-02", "2024-02-02", "IMMEDIATE_CUSTODY", 6.0)
                .court("P", "T1", "2024-01-03", "2024-02-03", "SUSPENDED_SENTENCE_ORDER")
                .police("P", "D1", "2024-01-01", "2024-01-05", "ADULT_CAUTION")
                .police("P", "D1", "2024-01-02", "2024-01-06", "CONDITIONAL_CAUTION")
                .police("P", "D1", "2024-01-03", "2024-01-07", "CHARGED")
                .police("P", "D1", "2024-01-04", "2024-01-08", "PENALTY_NOTICE")
                .police("P", "D1", "2024-01-05", "2024-01-09", "COMMUNITY_RESOLUTION")
                .police("P", "D1", "2024-01-06", "2024-01-10", "NO_FURTHER_ACTION")
                .police("P", "D1", "2024-01-07", "2024-01-11", "DIVERTED_CHECKPOINT")
                .yos("P", "V1", "2024-01-01", "2024-03-01", "YOUTH_CAUTION")
                .yos("P", "V1", "2024-01-02", "2024-03-02", "COMMUNITY_RESOLUTION")
                .yos("P", "V1", "2024-01-03", "2024-03-03", "DETENTION_AND_TRAINING_ORDER")
                .yos("P", "V1", "2024-01-04", "2024-03-04", "REFERRAL_ORDER")
                .yos("P", "V1", "2024-01-05", "2024-03-05", "CONDITIONAL_DISCHARGE");
        assertThat(describe(f, true))
                .containsExactly(
                        "P police/outcomes D1 2024-01-05 ADULT_CAUTION CAUTION",
                        "P police/outcomes D1 2024-01-06 CONDITIONAL_CAUTION CAUTION",
                        "P courts/convictions T1 2024-02-01 FINE OTHER_COURT",
                        "P courts/convictions T1 2024-02-02 IMMEDIATE_CUSTODY CUSTODY",
                        "P courts/convictions T1 2024-02-03 SUSPENDED_SENTENCE_ORDER COURT_ORDER",
                        "P yos/outcomes V1 2024-03-01 YOUTH_CAUTION CAUTION",
                        "P yos/outcomes V1 2024-03-03 DETENTION_AND_TRAINING_ORDER CUSTODY",
                        "P yos/outcomes V1 2024-03-04 REFERRAL_ORDER COURT_ORDER",
                        "P yos/outcomes V1 2024-03-05 CONDITIONAL_DISCHARGE OTHER_COURT");
    }

    @Test
    void breachOffencesAreDroppedUnlessTheSettingKeepsThem() {
        MeasureFixtures f = new MeasureFixtures()
                .court("P", "BR", "2024-01-01", "2024-02-01", "FINE")
                .police("P", "BR", "2024-01-01", "2024-01-05", "ADULT_CAUTION")
                .yos("P", "BR", "2024-01-01", "2024-01-06", "REFERRAL_ORDER")
                .court("P", "T1", "2024-01-01", "2024-02-01", "FINE");
        assertThat(describe(f, true)).containsExactly("P courts/convictions T1 2024-02-01 FINE OTHER_COURT");
        assertThat(describe(f, false)).hasSize(4);
    }

    @Test
    void oneOffenceReportedByTwoDatasetsCountsOnceAndRowsWithinADatasetEachCount() {
        MeasureFixtures f = new MeasureFixtures()
                // same key: yos twice, police once -> 2 offences (largest per-dataset count), from yos
                .yos("P", "V1", "2024-01-10", "2024-02-01", "YOUTH_CAUTION")
                .yos("P", "V1", "2024-01-10", "2024-02-01", "YOUTH_CAUTION")
                .police("P", "V1", "2024-01-10", "2024-02-01", "YOUTH_CAUTION")
                // same key: courts once, yos once -> 1 offence, courts preferred on a tie
                .court("P", "T1", "2024-03-01", "2024-04-01", "REFERRAL_ORDER")
                .yos("P", "T1", "2024-03-01", "2024-04-01", "REFERRAL_ORDER")
                // a different disposal date is a different offence
                .yos("P", "T1", "2024-03-01", "2024-04-02", "REFERRAL_ORDER")
                // another person's identical offence is theirs
                .police("Q", "V1", "2024-01-10", "2024-02-01", "YOUTH_CAUTION");
        assertThat(describe(f, true))
                .containsExactly(
                        "P courts/convictions T1 2024-04-01 REFERRAL_ORDER COURT_ORDER",
                        "P yos/outcomes T1 2024-04-02 REFERRAL_ORDER COURT_ORDER",
                        "P yos/outcomes V1 2024-02-01 YOUTH_CAUTION CAUTION",
                        "P yos/outcomes V1 2024-02-01 YOUTH_CAUTION CAUTION",
                        "Q police/outcomes V1 2024-02-01 YOUTH_CAUTION CAUTION");
    }

    @Test
    void carriesOffenceGroupHarmAndCustodyMonths() {
        Row r = new MeasureFixtures()
                .court("P", "V2", "2024-01-01", "2024-02-01", "IMMEDIATE_CUSTODY", 18.0)
                .proven()
                .collectAsList()
                .get(0);
        assertThat((String) r.getAs("offence_group")).isEqualTo("Violence");
        assertThat((Double) r.getAs("harm_days")).isEqualTo(100.0);
        assertThat((Double) r.getAs("custody_months")).isEqualTo(18.0);
        assertThat((String) r.getAs("postcode_district")).isEqualTo("DH1");
        assertThat(List.of(r.schema().fieldNames())).containsExactlyElementsOf(ProvenOffences.COLUMNS);
    }
}
