package org.lcjp.reoffending.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every stage on one small hand-made input; the expected figures for the Q1 2024 cohort are worked out by hand below.
 *
 * <pre>
 * P1 adult M 1990-05-01 DH1 WHITE  FINE T1 convicted 2024-01-15 (index, OTHER_COURT, Theft, age 33, 30-34);
 *    previous: D1 convicted 2022-07-01 (1 -> 1-2); reoffences: caution V1 offence 2024-03-01, CO T1 offence
 *    2024-06-01 -> 2; first on day 46
 * P2 adult F 1985-01-01 TS1 BLACK  caution D1 2024-02-05 (index, CAUTION, Drugs, 39, 35-39, previous 0);
 *    CD T1 offence on the index day (never counts); FINE T1 offence 2025-02-05 (= +12 months) convicted
 *    2025-08-05 (= +18 months) -> 1 reoffence, day 366 (beyond the curve)
 * P3 juvenile M 2008-06-01 DH1 MIXED  youth caution V1 2024-03-01 from YOS and police (one offence; index,
 *    CAUTION, Violence, 15, 15-17, previous 0); referral order T1 offence 2024-04-01 twice in YOS and once in courts
 *    -> 2 reoffences; a breach reoffence is ignored; first on day 31
 * P4 adult M 1980-01-01 TS1 (no ethnicity anywhere)  custody V2 convicted 2023-06-01; released 2024-03-15 after
 *    12 months (index, CUSTODY, Violence, 44, 40-49, 12-48M, previous 1 -> 1-2, LA from latest postcode:
 *    Middlesbrough); a FINE for an offence of 2024-06-01 convicted 2025-10-01 is proven too late -> 0
 * P5 aged 9 at their only caution: not in the cohort
 * P6 adult U 1970-01-01 XX9 ASIAN  three cautions in 2020-21 (previous 3 -> 3-6); community order V1
 *    convicted 2024-02-10 (index, COURT_ORDER, Violence, 54, 50+, OUT_OF_AREA) -> 0
 * </pre>
 */
class MeasuresEndToEndTest {
    private static MeasureTables tables;
    private static Map<String, Row> cells;

    @BeforeAll
    static void run() {
        MeasureFixtures f = new MeasureFixtures()
                .person("P1", "1990-05-01", "M", "WHITE", "DH1")
                .court("P1", "D1", "2022-06-01", "2022-07-01", "FINE")
                .court("P1", "T1", "2023-12-01", "2024-01-15", "FINE")
                .police("P1", "V1", "2024-03-01", "2024-03-10", "ADULT_CAUTION")
                .court("P1", "T1", "2024-06-01", "2024-08-01", "COMMUNITY_ORDER")
                .person("P2", "1985-01-01", "F", "BLACK", "TS1")
                .police("P2", "D1", "2024-02-01", "2024-02-05", "ADULT_CAUTION")
                .court("P2", "T1", "2024-02-05", "2024-03-01", "CONDITIONAL_DISCHARGE")
                .court("P2", "T1", "2025-02-05", "2025-08-05", "FINE")
                .person("P3", "2008-06-01", "M", "MIXED", "DH1")
                .yos("P3", "V1", "2024-02-20", "2024-03-01", "YOUTH_CAUTION")
                .police("P3", "V1", "2024-02-20", "2024-03-01", "YOUTH_CAUTION")
                .yos("P3", "T1", "2024-04-01", "2024-05-01", "REFERRAL_ORDER")
                .yos("P3", "T1", "2024-04-01", "2024-05-01", "REFERRAL_ORDER")
                .court("P3", "T1", "2024-04-01", "2024-05-01", "REFERRAL_ORDER")
                .yos("P3", "BR", "2024-03-05", "2024-03-20", "FINE")
                .person("P4", "1980-01-01", "M", null, "TS1")
                .court("P4", "V2", "2023-05-01", "2023-06-01", "IMMEDIATE_CUSTODY", 12.0)
                .release("P4", "2024-03-15", 12.0)
                .court("P4", "D1", "2024-06-01", "2025-10-01", "FINE")
                .person("P5", "2015-01-01", "F", "WHITE", "DH1")
                .police("P5", "T1", "2024-01-20", "2024-02-01", "YOUTH_CAUTION")
                .person("P6", "1970-01-01", "U", "ASIAN", "XX9")
                .police("P6", "T1", "2020-01-01", "2020-01-01", "ADULT_CAUTION")
                .police("P6", "T1", "2020-06-01", "2020-06-01", "ADULT_CAUTION")
                .police("P6", "T1", "2021-01-01", "2021-01-01", "ADULT_CAUTION")
                .court("P6", "V1", "2024-01-01", "2024-02-10", "COMMUNITY_ORDER");
        tables = f.run("2026-01-01");
        cells = new HashMap<>();
        for (Row r :
                tables.provenReoffending().filter("cohort_start = '2024-01-01'").collectAsList()) {
            cells.put(r.getAs("population") + "/" + r.getAs("dimension") + "/" + r.getAs("category"), r);
        }
    }

    private static void assertCell(String key, long offenders, long reoffenders, long reoffences) {
        Row r = cells.get(key);
        assertThat(r).as(key).isNotNull();
        assertThat(List.of((Long) r.getAs("offenders"), (Long) r.getAs("reoffenders"), (Long) r.getAs("reoffences")))
                .as(key)
                .containsExactly(offenders, reoffenders, reoffences);
        assertThat((Double) r.getAs("reoffending_rate"))
                .as(key)
                .isCloseTo((double) reoffenders / offenders, within(1e-12));
        assertThat((Double) r.getAs("reoffences_per_offender"))
                .as(key)
                .isCloseTo((double) reoffences / offenders, within(1e-12));
        if (reoffenders == 0) {
            assertThat((Object) r.getAs("reoffences_per_reoffender")).as(key).isNull();
        } else {
            assertThat((Double) r.getAs("reoffences_per_reoffender"))
                    .as(key)
                    .isCloseTo((double) reoffences / reoffenders, within(1e-12));
        }
        assertThat((String) r.getAs("status")).isEqualTo("FINAL");
    }

    @Test
    void headlineFiguresPerPopulation() {
        assertCell("ALL/ALL/ALL", 5, 3, 5);
        assertCell("ADULT/ALL/ALL", 4, 2, 3);
        assertCell("JUVENILE/ALL/ALL", 1, 1, 2);
        assertThat(cells.get("ALL/ALL/ALL").getAs("cohort_end").toString()).isEqualTo("2024-03-31");
    }

    @Test
    void everyBreakdownOfTheAllPopulation() {
        assertCell("ALL/SEX/M", 3, 2, 4);
        assertCell("ALL/SEX/F", 1, 1, 1);
        assertCell("ALL/SEX/U", 1, 0, 0);
        assertCell("ALL/INDEX_DISPOSAL/CAUTION", 2, 2, 3);
        assertCell("ALL/INDEX_DISPOSAL/OTHER_COURT", 1, 1, 2);
        assertCell("ALL/INDEX_DISPOSAL/COURT_ORDER", 1, 0, 0);
        assertCell("ALL/INDEX_DISPOSAL/CUSTODY", 1, 0, 0);
        assertCell("ALL/LOCAL_AUTHORITY/County Durham", 2, 2, 4);
        assertCell("ALL/LOCAL_AUTHORITY/Middlesbrough", 2, 1, 1);
        assertCell("ALL/LOCAL_AUTHORITY/OUT_OF_AREA", 1, 0, 0);
        assertCell("ALL/PREVIOUS_OFFENCES/0", 2, 2, 3);
        assertCell("ALL/PREVIOUS_OFFENCES/1-2", 2, 1, 2);
        assertCell("ALL/PREVIOUS_OFFENCES/3-6", 1, 0, 0);
        assertCell("ALL/OFFENCE_GROUP/Theft", 1, 1, 2);
        assertCell("ALL/OFFENCE_GROUP/Drugs", 1, 1, 1);
        assertCell("ALL/OFFENCE_GROUP/Violence", 3, 1, 2);
        assertCell("ALL/SENTENCE_LENGTH/12-48M", 1, 0, 0);
        assertCell("ALL/AGE_BAND/30-34", 1, 1, 2);
        assertCell("ALL/AGE_BAND/35-39", 1, 1, 1);
        assertCell("ALL/AGE_BAND/15-17", 1, 1, 2);
        assertCell("ALL/AGE_BAND/40-49", 1, 0, 0);
        assertCell("ALL/AGE_BAND/50+", 1, 0, 0);
        assertCell("ALL/ETHNICITY/WHITE", 1, 1, 2);
        assertCell("ALL/ETHNICITY/BLACK", 1, 1, 1);
        assertCell("ALL/ETHNICITY/MIXED", 1, 1, 2);
        assertCell("ALL/ETHNICITY/ASIAN", 1, 0, 0);
        assertCell("ALL/ETHNICITY/UNKNOWN", 1, 0, 0);
        assertThat(cells.keySet().stream().filter(k -> k.startsWith("ALL/"))).hasSize(31);
    }

    @Test
    void juvenileCellsHoldOnlyTheJuvenile() {
        assertCell("JUVENILE/AGE_BAND/15-17", 1, 1, 2);
        assertCell("JUVENILE/INDEX_DISPOSAL/CAUTION", 1, 1, 2);
        assertThat(cells.keySet().stream().filter(k -> k.startsWith("JUVENILE/")))
                .hasSize(9);
    }

    @Test
    void timeToFirstReoffenceCurve() {
        List<Row> curve = tables.timeToReoffence()
                .filter("cohort_start = '2024-01-01' and population = 'ALL'")
                .orderBy("day")
                .collectAsList();
        assertThat(curve).hasSize(366);
        // events: P3 day 31, P1 day 46; P2's (day 366) lies beyond the curve; P4 censored at 365, P6 at 366
        assertThat(curve.get(31).<Long>getAs("at_risk")).isEqualTo(5);
        assertThat(curve.get(31).<Double>getAs("survival")).isCloseTo(0.8, within(1e-9));
        assertThat(curve.get(46).<Long>getAs("at_risk")).isEqualTo(4);
        assertThat(curve.get(46).<Double>getAs("survival")).isCloseTo(0.6, within(1e-9));
        assertThat(curve.get(365).<Long>getAs("at_risk")).isEqualTo(3);
        assertThat(curve.get(365).<Long>getAs("censored")).isEqualTo(1);
        assertThat(curve.get(365).<Double>getAs("survival")).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void aProvisionalCohortWithTooFewObservedMonthsIsNotPublished() {
        // P4's FINE convicted 2025-10-01 opens a Q4 2025 cohort: as of 2026-01-01 it has 0 of the 3 months it needs
        assertThat(tables.provenReoffending()
                        .filter("cohort_start = '2025-10-01'")
                        .count())
                .isZero();
        assertThat(tables.timeToReoffence()
                        .filter("cohort_start = '2025-10-01'")
                        .count())
                .isZero();
        assertThat(tables.indexEvents().filter("cohort_start = '2025-10-01'").collectAsList())
                .extracting(r ->
                        r.getAs("status") + " " + r.getAs("months_observed") + " " + r.getAs("in_published_cohort"))
                .containsExactly("PROVISIONAL 0 false");
    }

    @Test
    void harmOfTheReoffencesAndTheForceArea() {
        // P1: V1 (100) + T1 (50); P2: T1 (50); P3: T1 twice (50 + 50); P4, P6: none
        assertThat(cells.get("ALL/ALL/ALL").<Double>getAs("harm_days")).isEqualTo(300.0);
        assertThat(cells.get("JUVENILE/ALL/ALL").<Double>getAs("harm_days")).isEqualTo(100.0);
        assertThat(cells.get("ALL/FORCE_AREA/DURHAM").<Long>getAs("offenders")).isEqualTo(2L);
        assertThat(cells.get("ALL/FORCE_AREA/DURHAM").<Double>getAs("harm_days"))
                .isEqualTo(250.0);
        assertThat(cells.get("ALL/FORCE_AREA/CLEVELAND").<Long>getAs("offenders"))
                .isEqualTo(2L);
        assertThat(cells.get("ALL/FORCE_AREA/OUT_OF_AREA").<Long>getAs("offenders"))
                .isEqualTo(1L);
        assertThat(cells.get("ALL/ALL/ALL").<Integer>getAs("months_observed")).isEqualTo(18);
        assertThat((Object) cells.get("ALL/ALL/ALL").getAs("status_reason")).isNull();
    }
}
