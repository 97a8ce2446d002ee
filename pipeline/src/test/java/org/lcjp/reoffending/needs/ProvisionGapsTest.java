package org.lcjp.reoffending.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcjp.reoffending.needs.NeedsFixtures.assessment;
import static org.lcjp.reoffending.needs.NeedsFixtures.event;
import static org.lcjp.reoffending.needs.NeedsFixtures.frame;
import static org.lcjp.reoffending.needs.NeedsFixtures.spell;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.settings.NeedsSettings;

class ProvisionGapsTest {
    private static final ProvisionGaps GAPS = new ProvisionGaps(NeedsSettings.defaults(), 0.95);

    private static Dataset<Row> events() {
        return frame(
                NeedsFixtures.EVENTS,
                List.of(
                        event("A", "2019-05-01", "Hartlepool", "F"),
                        event("B", "2019-06-01", "Hartlepool", "M"),
                        event("C", "2019-04-10", "Darlington", "M"),
                        event("C", "2019-07-01", "Darlington", "M"),
                        event("D", "2019-05-20", "Hartlepool", "M"),
                        event("E", "2020-05-01", "Hartlepool", "F"),
                        event("E", "2019-05-01", "Hartlepool", "F")));
    }

    private static Dataset<Row> assessments() {
        return frame(
                NeedsFixtures.assessments(),
                List.of(
                        assessment("A", "a1", "2018-06-01", "HIGH", "drugs", "accommodation"),
                        assessment("B", "b1", "2018-05-31", null, "drugs"), // a day before the 12 months: not counted
                        assessment("B", "b2", "2019-06-02", null, "drugs"), // after the index date: not counted
                        assessment("C", "c1", "2019-06-01", null, "alcohol"), // only for C's second event of the year
                        assessment("D", "d1", "2019-01-01", null, "drugs"),
                        assessment("D", "d3", "2019-03-01", null, "finance"), // the latest: drugs N
                        assessment("D", "d2", "2019-03-01", null, "drugs"), // same date, lower record id: loses
                        assessment("E", "e1", "2020-04-01", null, "drugs"),
                        assessment("E", "e0", "2019-04-01", null, "lifestyle")));
    }

    private static Map<String, Dataset<Row>> spells() {
        Map<String, Dataset<Row>> m = new LinkedHashMap<>();
        m.put(
                ProvisionGaps.DRUGS_OR_ALCOHOL,
                frame(
                        NeedsFixtures.SPELLS,
                        List.of(
                                spell("A", "2018-04-01", "2018-05-01"), // ends the day the window opens: met
                                spell("C", "2019-10-01", null), // a referral on the last day of the window: met
                                spell("E", "2019-03-01", "2019-04-30"), // ended the day before E's window opened
                                spell("E", "2020-08-02", null)))); // started the day after it closed
        m.put(ProvisionGaps.ACCOMMODATION, frame(NeedsFixtures.SPELLS, List.of(spell("C", "2019-01-01", null))));
        return m;
    }

    private static Map<String, Row> people() {
        return GAPS.people(events(), assessments(), spells()).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<String>getAs("person_id") + "@" + r.getAs("period_start"), r -> r));
    }

    @Test
    void eachPersonYearIsTheirFirstAssessedIndexEventWithTheLatestAssessment() {
        Map<String, Row> p = people();
        assertThat(p).containsOnlyKeys("A@2019-04-01", "C@2019-04-01", "D@2019-04-01", "E@2020-04-01", "E@2019-04-01");
        assertThat(p.get("C@2019-04-01").<java.sql.Date>getAs("index_date").toString())
                .isEqualTo("2019-07-01");
        assertThat(p.get("D@2019-04-01").<Integer>getAs("need_drugs")).isZero();
        assertThat(p.get("D@2019-04-01").<Integer>getAs("need_finance")).isOne();
        assertThat(p.get("A@2019-04-01").<Integer>getAs("need_drugs_or_alcohol"))
                .isOne();
        assertThat(p.get("C@2019-04-01").<Integer>getAs("need_drugs_or_alcohol"))
                .isOne();
    }

    @Test
    void aNeedIsUnmetWithoutASpellActiveFromTwelveMonthsBeforeToThreeAfter() {
        Map<String, Row> p = people();
        assertThat(p.get("A@2019-04-01").<Integer>getAs("unmet_drugs_or_alcohol"))
                .isZero();
        assertThat(p.get("A@2019-04-01").<Integer>getAs("unmet_accommodation")).isOne();
        assertThat(p.get("C@2019-04-01").<Integer>getAs("unmet_drugs_or_alcohol"))
                .isZero();
        assertThat(p.get("E@2020-04-01").<Integer>getAs("unmet_drugs_or_alcohol"))
                .isOne();
        assertThat(p.get("D@2019-04-01").<Integer>getAs("unmet_drugs_or_alcohol"))
                .as("no need, nothing unmet")
                .isZero();
    }

    private static Coverage coverage(LocalDate upTo, boolean housing) {
        Map<DatasetId, Optional<LocalDate>> dates = new LinkedHashMap<>();
        ProvisionGaps.sources().forEach(id -> dates.put(id, Optional.of(upTo.plusYears(1))));
        dates.put(Datasets.PROBATION_ASSESSMENTS, Optional.of(upTo));
        if (!housing) {
            dates.put(Datasets.HOUSING_SUPPORT, Optional.empty());
        }
        return new Coverage(LocalDate.of(2022, 1, 1), dates);
    }

    private static NeedsAndGapsRow row(
            List<NeedsAndGapsRow> rows, String period, String area, String sex, String need) {
        return rows.stream()
                .filter(r -> r.period().equals(period)
                        && r.localAuthority().equals(area)
                        && r.sex().equals(sex)
                        && r.need().equals(need))
                .findFirst()
                .orElseThrow(() -> new AssertionError(period + area + sex + need));
    }

    @Test
    void rowsCountPeopleWithMarginsAndPoolOnlyFinalYears() {
        // 2019-20 ends 31 March 2020; its gaps need data to 30 June 2020, which the coverage (1 July 2020) reaches;
        // 2020-21 is provisional.
        List<NeedsAndGapsRow> rows =
                GAPS.table(GAPS.people(events(), assessments(), spells()), coverage(LocalDate.of(2020, 7, 1), true));
        NeedsAndGapsRow all = row(rows, "FY2019-20", "ALL", "ALL", ProvisionGaps.DRUGS_OR_ALCOHOL);
        assertThat(all.peopleAssessed()).isEqualTo(4);
        assertThat(all.peopleWithNeed()).isEqualTo(2);
        assertThat(all.peopleWithoutService()).isZero();
        assertThat(all.service()).isEqualTo("substance/treatment");
        assertThat(all.status()).isEqualTo(Coverage.FINAL);
        NeedsAndGapsRow hartlepool = row(rows, "FY2019-20", "Hartlepool", "F", ProvisionGaps.ACCOMMODATION);
        assertThat(hartlepool.peopleAssessed()).isEqualTo(2);
        assertThat(hartlepool.peopleWithNeed()).isEqualTo(1);
        assertThat(hartlepool.peopleWithoutService()).isEqualTo(1);
        assertThat(hartlepool.shareWithoutService()).isEqualTo(1.0);
        assertThat(hartlepool.withoutServiceCiHigh()).isEqualTo(1.0);
        assertThat(hartlepool.withoutServiceCiLow()).isBetween(0.0, 0.5);
        NeedsAndGapsRow later = row(rows, "FY2020-21", "ALL", "ALL", ProvisionGaps.DRUGS_OR_ALCOHOL);
        assertThat(later.status()).isEqualTo(Coverage.PROVISIONAL);
        assertThat(later.statusReason()).isEqualTo("DATA_INCOMPLETE:probation/assessments");
        assertThat(later.peopleWithoutService()).isEqualTo(1);
        NeedsAndGapsRow pooled = row(rows, "POOLED", "ALL", "ALL", ProvisionGaps.DRUGS_OR_ALCOHOL);
        assertThat(pooled.peopleAssessed()).isEqualTo(4);
        assertThat(pooled.periodStart()).isEqualTo(LocalDate.of(2019, 4, 1));
        assertThat(pooled.periodEnd()).isEqualTo(LocalDate.of(2020, 3, 31));
        assertThat(row(rows, "FY2019-20", "ALL", "ALL", "FINANCE").service()).isNull();
        assertThat(row(rows, "FY2019-20", "ALL", "ALL", "FINANCE").peopleWithoutService())
                .isNull();
        assertThat(row(rows, "FY2019-20", "ALL", "ALL", "FINANCE").peopleWithNeed())
                .isEqualTo(1);
        assertThat(rows)
                .noneMatch(
                        r -> r.localAuthority().equals("Darlington") && r.sex().equals("F"));
    }

    @Test
    void aServiceNeverDeliveredGivesNoGapRatherThanEveryoneUnserved() {
        Map<String, Dataset<Row>> substanceOnly = new LinkedHashMap<>(spells());
        substanceOnly.remove(ProvisionGaps.ACCOMMODATION);
        List<NeedsAndGapsRow> rows = GAPS.table(
                GAPS.people(events(), assessments(), substanceOnly), coverage(LocalDate.of(2021, 7, 1), false));
        NeedsAndGapsRow accommodation = row(rows, "FY2019-20", "ALL", "ALL", ProvisionGaps.ACCOMMODATION);
        assertThat(accommodation.peopleWithNeed()).isEqualTo(1);
        assertThat(accommodation.peopleWithoutService()).isNull();
        assertThat(accommodation.shareWithoutService()).isNull();
        assertThat(accommodation.statusReason()).isEqualTo("DATA_INCOMPLETE:housing/support");
        assertThat(rows)
                .noneMatch(
                        r -> r.period().equals(ProvisionGaps.POOLED) && r.need().equals(ProvisionGaps.ACCOMMODATION));
        // Both years are FINAL for the needs without a service; E, assessed in both, counts once, at 2020-21.
        assertThat(row(rows, "POOLED", "ALL", "ALL", "FINANCE").peopleAssessed())
                .isEqualTo(4);
        assertThat(row(rows, "POOLED", "ALL", "ALL", "DRUGS").peopleWithNeed()).isEqualTo(2);
        assertThat(row(rows, "POOLED", "ALL", "ALL", "LIFESTYLE").peopleWithNeed())
                .isZero();
        assertThat(row(rows, "POOLED", "ALL", "ALL", "DRUGS").periodEnd()).isEqualTo(LocalDate.of(2021, 3, 31));
    }
}
