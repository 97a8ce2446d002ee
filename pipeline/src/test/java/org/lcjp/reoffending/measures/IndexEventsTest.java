package org.lcjp.reoffending.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.settings.CohortSettings;

class IndexEventsTest {

    private static Dataset<Row> index(MeasureFixtures f, CohortSettings settings) {
        Dataset<Row> proven = f.proven(settings);
        Dataset<Row> attributes =
                new PersonAttributes().build(List.of(f.courts(), f.police(), f.yos(), f.prisons()), f.recordPerson());
        return new IndexEvents(settings, MeasureFixtures.CIPHER)
                .build(proven, f.prisons(), f.recordPerson(), attributes, MeasureFixtures.areas());
    }

    private static List<String> index(MeasureFixtures f) {
        return describe(index(f, CohortSettings.defaults()));
    }

    /** person cohort_start index_date index_disposal offence_code. */
    private static List<String> describe(Dataset<Row> events) {
        return events.orderBy("person_id", "cohort_start").collectAsList().stream()
                .map(r -> r.getAs("person_id") + " " + r.getAs("cohort_start") + " " + r.getAs("index_date") + " "
                        + r.getAs("index_disposal") + " " + r.getAs("offence_code"))
                .collect(Collectors.toList());
    }

    private static Row only(MeasureFixtures f) {
        List<Row> rows = index(f, CohortSettings.defaults()).collectAsList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void theEarliestEventOfEachQuarterIsTheIndexEvent() {
        MeasureFixtures f = new MeasureFixtures()
                .court("P", "T1", "2024-01-01", "2024-02-01", "FINE")
                .police("P", "D1", "2024-01-01", "2024-01-10", "ADULT_CAUTION")
                .police("P", "D1", "2024-04-01", "2024-05-05", "ADULT_CAUTION");
        assertThat(index(f))
                .containsExactly("P 2024-01-01 2024-01-10 CAUTION D1", "P 2024-04-01 2024-05-05 CAUTION D1");
    }

    @Test
    void cohortsAreYearsWhenTheSettingSaysYear() {
        MeasureFixtures f = new MeasureFixtures()
                .police("P", "D1", "2024-01-01", "2024-01-10", "ADULT_CAUTION")
                .police("P", "D1", "2024-04-01", "2024-05-05", "ADULT_CAUTION");
        Dataset<Row> years = index(f, MeasureFixtures.settings("YEAR", true));
        assertThat(describe(years)).containsExactly("P 2024-01-01 2024-01-10 CAUTION D1");
        assertThat(years.first().getAs("cohort_end").toString()).isEqualTo("2024-12-31");
        Dataset<Row> quarters = index(f, CohortSettings.defaults());
        assertThat(quarters.orderBy("cohort_start").first().getAs("cohort_end").toString())
                .isEqualTo("2024-03-31");
    }

    @Test
    void onOneDayTheMoreSevereDisposalWins() {
        MeasureFixtures f = new MeasureFixtures()
                .police("A", "V1", "2024-01-01", "2024-02-01", "ADULT_CAUTION")
                .court("A", "D1", "2024-01-01", "2024-02-01", "FINE")
                .court("B", "V1", "2024-01-01", "2024-02-01", "FINE")
                .court("B", "D1", "2024-01-01", "2024-02-01", "COMMUNITY_ORDER")
                .court("C", "V1", "2024-01-01", "2024-02-01", "COMMUNITY_ORDER")
                .release("C", "2024-02-01", 3.0);
        assertThat(index(f))
                .containsExactly(
                        "A 2024-01-01 2024-02-01 OTHER_COURT D1",
                        "B 2024-01-01 2024-02-01 COURT_ORDER D1",
                        "C 2024-01-01 2024-02-01 CUSTODY UNKNOWN");
    }

    @Test
    void theIndexOffenceIsTheMostHarmfulThenTheLowestCode() {
        MeasureFixtures f = new MeasureFixtures()
                .court("A", "T1", "2024-01-01", "2024-02-01", "FINE")
                .court("A", "V2", "2024-01-01", "2024-02-01", "FINE")
                .court("A", "V1", "2024-01-01", "2024-02-01", "FINE")
                .court("B", "D1", "2024-01-01", "2024-02-01", "FINE")
                .court("B", "T1", "2024-01-01", "2024-02-01", "FINE");
        assertThat(index(f))
                .containsExactly("A 2024-01-01 2024-02-01 OTHER_COURT V1", "B 2024-01-01 2024-02-01 OTHER_COURT T1");
    }

    @Test
    void aReleaseTakesTheOffenceOfTheLatestCustodialConvictionOnOrBeforeIt() {
        MeasureFixtures f = new MeasureFixtures()
                .court("A", "V2", "2023-01-01", "2023-06-01", "IMMEDIATE_CUSTODY", 24.0)
                .court("A", "T1", "2023-08-01", "2023-09-01", "IMMEDIATE_CUSTODY", 12.0)
                .court("A", "V1", "2023-08-01", "2023-09-01", "FINE")
                .court("A", "D1", "2024-02-01", "2024-03-01", "IMMEDIATE_CUSTODY", 6.0)
                .release("A", "2024-02-01", 12.0)
                .court("B", "D1", "2023-12-01", "2024-02-01", "DETENTION_AND_TRAINING_ORDER", 4.0)
                .release("B", "2024-02-01", 4.0)
                .release("C", "2024-02-01", 48.0)
                .release("D", "2024-02-01", 48.0, "REMAND")
                .release("D", "2024-02-02", 48.0, "RECALL");
        List<Row> rows = index(f, CohortSettings.defaults())
                .filter("index_disposal = 'CUSTODY'")
                .orderBy("person_id")
                .collectAsList();
        assertThat(rows)
                .extracting(r -> r.getAs("person_id") + " " + r.getAs("offence_code") + " " + r.getAs("offence_group")
                        + " " + r.getAs("sentence_band"))
                .containsExactly("A T1 Theft 12-48M", "B D1 Drugs 0-6M", "C UNKNOWN UNKNOWN 48M+");
    }

    @Test
    void aCourtConvictionOnTheDayOfACustodialSentenceIsNotAnIndexEvent() {
        MeasureFixtures f = new MeasureFixtures()
                .court("A", "V1", "2024-01-01", "2024-01-15", "IMMEDIATE_CUSTODY", 3.0)
                .court("A", "T1", "2024-01-01", "2024-01-15", "FINE")
                .release("A", "2024-03-01", 3.0)
                .court("B", "T1", "2024-01-01", "2024-01-14", "FINE")
                .court("B", "V1", "2024-01-01", "2024-01-15", "IMMEDIATE_CUSTODY", 3.0)
                .yos("C", "T1", "2024-01-01", "2024-01-15", "DETENTION_AND_TRAINING_ORDER")
                .yos("C", "V1", "2024-01-01", "2024-01-15", "REFERRAL_ORDER");
        assertThat(index(f))
                .containsExactly("A 2024-01-01 2024-03-01 CUSTODY V1", "B 2024-01-01 2024-01-14 OTHER_COURT T1");
    }

    @Test
    void sentenceBandsHaveExclusiveUpperBounds() {
        MeasureFixtures f = new MeasureFixtures()
                .release("A", "2024-02-01", 5.9)
                .release("B", "2024-02-01", 6.0)
                .release("C", "2024-02-01", 12.0)
                .release("D", "2024-02-01", 47.9)
                .release("E", "2024-02-01", 48.0);
        assertThat(index(f, CohortSettings.defaults()).orderBy("person_id").collectAsList())
                .extracting(r -> (String) r.getAs("sentence_band"))
                .containsExactly("0-6M", "6-12M", "12-48M", "12-48M", "48M+");
    }

    @Test
    void eventsUnderTenAreDroppedBeforeTheEarliestIsChosen() {
        MeasureFixtures f = new MeasureFixtures()
                .person("K", "2014-03-01", "M", "WHITE", "DH1")
                .yos("K", "T1", "2024-01-01", "2024-02-29", "YOUTH_CAUTION")
                .yos("K", "D1", "2024-01-01", "2024-03-01", "YOUTH_CAUTION");
        Row r = only(f);
        assertThat(r.getAs("index_date").toString()).isEqualTo("2024-03-01");
        assertThat((Integer) r.getAs("age")).isEqualTo(10);
        assertThat((String) r.getAs("age_band")).isEqualTo("10-14");
        assertThat((String) r.getAs("population")).isEqualTo("JUVENILE");
    }

    @Test
    void ageIsWholeYearsAtTheIndexDateAndEighteenIsAdult() {
        MeasureFixtures f = new MeasureFixtures()
                .person("J", "2006-02-15", "M", "WHITE", "DH1")
                .person("A", "2006-02-15", "M", "WHITE", "DH1")
                .police("J", "T1", "2024-01-01", "2024-02-14", "YOUTH_CAUTION")
                .police("A", "T1", "2024-01-01", "2024-02-15", "ADULT_CAUTION");
        List<Row> rows =
                index(f, CohortSettings.defaults()).orderBy("person_id").collectAsList();
        assertThat(rows)
                .extracting(r -> r.getAs("person_id") + " " + r.getAs("age") + " " + r.getAs("age_band") + " "
                        + r.getAs("population"))
                .containsExactly("A 18 18-20 ADULT", "J 17 15-17 JUVENILE");
    }

    @Test
    void localAuthorityComesFromTheIndexRecordThenTheLatestPostcode() {
        MeasureFixtures f = new MeasureFixtures()
                .person("A", "1990-01-01", "M", "WHITE", "TS1")
                .police("A", "T1", "2024-01-01", "2024-02-01", "ADULT_CAUTION")
                .person("B", "1990-01-01", "M", "WHITE", "TS1")
                .court("B", "T1", "2023-01-01", "2023-02-01", "FINE")
                .release("B", "2024-02-01", 6.0)
                .person("C", "1990-01-01", "M", "WHITE", "XX9")
                .police("C", "T1", "2024-01-01", "2024-02-01", "ADULT_CAUTION")
                .person("D", "1990-01-01", "M", "WHITE", null)
                .police("D", "T1", "2024-01-01", "2024-02-01", "ADULT_CAUTION");
        List<Row> rows = index(f, CohortSettings.defaults())
                .filter("cohort_start = '2024-01-01'")
                .orderBy("person_id")
                .collectAsList();
        assertThat(rows)
                .extracting(r -> r.getAs("person_id") + " " + r.getAs("local_authority"))
                .containsExactly("A Middlesbrough", "B Middlesbrough", "C OUT_OF_AREA", "D UNKNOWN");
    }

    @Test
    void previousOffencesAreThoseDisposedOfBeforeTheIndexDate() {
        MeasureFixtures f = new MeasureFixtures()
                .police("A", "T1", "2020-01-01", "2020-01-02", "ADULT_CAUTION")
                .police("A", "T1", "2020-02-01", "2020-02-02", "ADULT_CAUTION")
                .police("A", "BR", "2020-02-01", "2020-02-02", "ADULT_CAUTION")
                .court("A", "T1", "2023-12-01", "2024-01-31", "FINE")
                .court("A", "V1", "2024-01-01", "2024-02-01", "FINE")
                .court("A", "D1", "2024-01-01", "2024-02-01", "FINE");
        Row r = index(f, CohortSettings.defaults())
                .filter("cohort_start = '2024-01-01'")
                .first();
        assertThat(r.getAs("index_date").toString()).isEqualTo("2024-01-31");
        assertThat((Long) r.getAs("previous_offences")).isEqualTo(2);
        assertThat((String) r.getAs("previous_offences_band")).isEqualTo("1-2");
    }

    @Test
    void breachesAreNeverIndexEvents() {
        MeasureFixtures f = new MeasureFixtures()
                .court("A", "BR", "2024-01-01", "2024-01-10", "FINE")
                .court("A", "T1", "2024-01-01", "2024-02-10", "FINE");
        assertThat(index(f)).containsExactly("A 2024-01-01 2024-02-10 OTHER_COURT T1");
    }

    @Test
    void personAttributesAreTheMostFrequentKnownValueLatestBreakingTies() {
        MeasureFixtures f = new MeasureFixtures()
                .person("A", "1990-01-01", "F", "ASIAN", "DH1")
                .police("A", "T1", "2023-01-01", "2023-01-02", "ADULT_CAUTION")
                .person("A", "1990-01-01", "M", "BLACK", "TS1")
                .police("A", "T1", "2023-06-01", "2023-06-02", "ADULT_CAUTION")
                .person("A", "1991-01-01", "U", "UNKNOWN", "DH1")
                .police("A", "T1", "2023-07-01", "2023-07-02", "ADULT_CAUTION")
                .police("A", "T1", "2023-08-01", "2023-08-02", "ADULT_CAUTION")
                .person("A", "1991-01-01", "U", "UNKNOWN", null)
                .police("A", "T1", "2024-01-01", "2024-02-01", "ADULT_CAUTION");
        Row r = index(f, CohortSettings.defaults())
                .filter("cohort_start = '2024-01-01'")
                .first();
        // sex: F once, M once (later) -> M; U is not a known value. Ethnicity likewise BLACK.
        assertThat((String) r.getAs("sex")).isEqualTo("M");
        assertThat((String) r.getAs("ethnicity")).isEqualTo("BLACK");
        // date of birth 1991-01-01 on 3 records beats 1990-01-01 on 2: 33 at 2024-02-01
        assertThat((Integer) r.getAs("age")).isEqualTo(33);
        // the index record has no postcode: the latest known (DH1, 2023-08-02) gives County Durham
        assertThat((String) r.getAs("local_authority")).isEqualTo("County Durham");
        assertThat(List.of(r.schema().fieldNames()))
                .containsExactlyElementsOf(IndexEvents.COLUMNS)
                .doesNotContain("dob_cipher");
    }
}
