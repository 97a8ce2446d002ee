package org.lcjp.reoffending.needs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.impact.AssessedNeeds;
import org.lcjp.reoffending.measures.FinancialYear;
import org.lcjp.reoffending.settings.IomSettings;
import org.lcjp.reoffending.settings.NeedsSettings;

/**
 * Known truth, fast: on a small generated input linked by the generator's truth, needs and gaps, IOM reach and
 * Checkpoint activity from the library stages equal the counts of an independent plain-Java reading of the same
 * records (ServicesOracle). The 20,000-person check against the generator's planted gaps is NeedsGapValidationTest
 * (jobs, opt-in).
 */
class ServicesOracleTest {
    private static final LocalDate AS_OF = LocalDate.of(2020, 1, 7);
    private static TruthLinkedInput in;
    private static ServicesOracle oracle;

    @BeforeAll
    static void generate() throws Exception {
        in = new TruthLinkedInput(Long.getLong("services.oracle.people", 800), 2016, 2019, 23, AS_OF);
        oracle = new ServicesOracle(in);
    }

    @Test
    void needsAndGapsEqualTheOracle() {
        ProvisionGaps gaps = new ProvisionGaps(NeedsSettings.defaults(), 0.95);
        Map<String, Dataset<Row>> spells = new LinkedHashMap<>();
        spells.put(
                ProvisionGaps.DRUGS_OR_ALCOHOL,
                ServiceSpells.of(
                        in.staged.get(Datasets.SUBSTANCE_TREATMENT), Datasets.SUBSTANCE_TREATMENT, in.recordPerson));
        spells.put(
                ProvisionGaps.ACCOMMODATION,
                ServiceSpells.of(in.staged.get(Datasets.HOUSING_SUPPORT), Datasets.HOUSING_SUPPORT, in.recordPerson));
        Dataset<Row> events = in.measures.indexEvents();
        List<NeedsAndGapsRow> rows = gaps.table(
                gaps.people(
                        events,
                        AssessedNeeds.linked(in.staged.get(Datasets.PROBATION_ASSESSMENTS), in.recordPerson),
                        spells),
                in.coverage(LocalDate.of(2020, 1, 7)));

        Map<String, long[]> expected = oracle.gaps(
                events.collectAsList().stream()
                        .map(r -> new ServicesOracle.Event(
                                r.getAs("person_id"),
                                ((java.sql.Date) r.getAs("index_date")).toLocalDate(),
                                r.getAs("local_authority"),
                                r.getAs("sex")))
                        .toList(),
                "FY2018-19");
        Map<String, long[]> actual = new TreeMap<>();
        for (NeedsAndGapsRow r : rows) {
            if (!r.localAuthority().equals("ALL") && !r.sex().equals("ALL")) {
                actual.put(r.period() + "/" + r.localAuthority() + "/" + r.sex() + "/" + r.need(), new long[] {
                    r.peopleAssessed(),
                    r.peopleWithNeed(),
                    r.peopleWithoutService() == null ? 0 : r.peopleWithoutService()
                });
            }
        }
        long people = expected.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("POOLED") && e.getKey().endsWith("/FINANCE"))
                .mapToLong(e -> e.getValue()[0])
                .sum();
        long unmet = expected.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("POOLED") && e.getKey().endsWith("/DRUGS_OR_ALCOHOL"))
                .mapToLong(e -> e.getValue()[2])
                .sum();
        assertThat(expected.keySet()).anyMatch(k -> k.startsWith("POOLED/"));
        System.out.printf(
                "Needs oracle: %d cells, %d person-years assessed, %d with drugs or alcohol need unmet%n",
                expected.size(), people, unmet);
        assertThat(people).as("assessed person-years").isGreaterThan(100);
        assertThat(unmet).as("unmet substance needs").isGreaterThan(5);
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach(
                (cell, figures) -> assertThat(actual.get(cell)).as(cell).containsExactly(figures));
        // The ALL margins add up the cells.
        for (NeedsAndGapsRow r : rows) {
            if (r.localAuthority().equals("ALL")
                    && r.sex().equals("ALL")
                    && !r.period().equals(ProvisionGaps.POOLED)) {
                long sum = expected.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(r.period() + "/")
                                && e.getKey().endsWith("/" + r.need()))
                        .mapToLong(e -> e.getValue()[1])
                        .sum();
                assertThat(r.peopleWithNeed()).as(r.period() + " " + r.need()).isEqualTo(sum);
            }
        }
    }

    @Test
    void iomReachEqualsTheOracle() {
        IomReach reach = new IomReach(IomSettings.defaults(), 18, NeedsFixtures.CIPHER, 0.95);
        List<FinancialYear> years = new java.util.ArrayList<>();
        LocalDate first = in.rows.get(Datasets.IOM_COHORT).stream()
                .map(r -> LocalDate.parse(r.get("adopted_date")))
                .min(LocalDate::compareTo)
                .orElseThrow();
        for (FinancialYear y = FinancialYear.of(first); !y.start().isAfter(AS_OF); y = y.next()) {
            years.add(y);
        }
        Dataset<Row> people = reach.people(
                IomReach.years(org.lcjp.reoffending.testing.SparkTestSession.get(), years),
                AssessedNeeds.linked(in.staged.get(Datasets.PROBATION_ASSESSMENTS), in.recordPerson),
                IomReach.supervision(in.staged.get(Datasets.PROBATION_SUPERVISION), in.recordPerson),
                in.measures.provenOffences(),
                in.measures.personAttributes(),
                IomReach.caseload(in.staged.get(Datasets.IOM_COHORT), in.recordPerson));
        Dataset<Row> located = PersonDistricts.withLocalAuthority(
                people,
                IomReach.PERIOD_END,
                PersonDistricts.records(List.copyOf(in.staged.values()), in.recordPerson),
                in.measures.personAttributes(),
                in.areas);
        Map<String, long[]> actual = new TreeMap<>();
        reach.rows(reach.cells(located), in.coverage(AS_OF))
                .forEach(r -> actual.put(
                        r.period() + "/" + r.route() + "/" + r.localAuthority(),
                        new long[] {r.highestRiskAdults(), r.onIom()}));
        Map<String, long[]> expected = oracle.iomReach(IomSettings.defaults().prolificShare());
        System.out.println("IOM reach oracle: "
                + expected.keySet().stream()
                        .filter(k -> k.contains("/ANY/ALL"))
                        .map(k -> k + "=" + expected.get(k)[0] + "/" + expected.get(k)[1])
                        .toList());
        assertThat(expected.keySet())
                .anyMatch(k -> k.contains("/PROLIFIC/"))
                .anyMatch(k -> k.contains("/ROSH/"))
                .anyMatch(k -> k.contains("/ASSESSED_RISK/"));
        assertThat(expected.values().stream().mapToLong(v -> v[1]).sum())
                .as("people on IOM")
                .isPositive();
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach(
                (cell, figures) -> assertThat(actual.get(cell)).as(cell).containsExactly(figures));
    }

    @Test
    void checkpointActivityEqualsTheOracle() {
        Map<String, long[]> actual = new TreeMap<>();
        new CheckpointActivity(0.95)
                .build(in.staged.get(Datasets.CHECKPOINT_REFERRALS), in.recordPerson, in.coverage(AS_OF))
                .forEach(r -> actual.put(r.period(), new long[] {
                    r.referrals(),
                    r.peopleReferred(),
                    r.eligible(),
                    r.diverted(),
                    r.prosecuted(),
                    r.contractsEnded(),
                    r.completed(),
                    r.contractsOpen()
                }));
        Map<String, long[]> expected = oracle.checkpoint();
        assertThat(expected.values().stream().mapToLong(v -> v[5]).sum())
                .as("contracts ended")
                .isPositive();
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach(
                (year, figures) -> assertThat(actual.get(year)).as(year).containsExactly(figures));
    }
}
