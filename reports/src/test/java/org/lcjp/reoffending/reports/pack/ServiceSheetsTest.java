package org.lcjp.reoffending.reports.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.reports.PanelPack;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Periods;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.performance.PerformanceRow;

/**
 * The sheets of the service tables: present with their tables and chart, and no small count recoverable from the
 * ties they declare (local authorities and sexes add up to All; a row's parts to its whole).
 */
class ServiceSheetsTest {
    @Test
    void needsGapsIomReachAndCheckpointActivityAreInThePackBesideTheirComparisons() {
        List<Sheet> sheets = PanelPack.build(PackFixtures.full());
        List<String> names = sheets.stream().map(Sheet::name).toList();
        assertThat(names)
                .containsSubsequence(
                        "Checkpoint", "Checkpoint_activity", "Women_needs", "Needs_and_gaps", "IOM", "IOM_reach");
        Sheet gaps = sheet(sheets, "Needs_and_gaps");
        assertThat(gaps.table().rows()).isNotEmpty();
        assertThat(gaps.charts()).singleElement().satisfies(c -> {
            assertThat(c.title()).contains("April 2018 to March 2019");
            assertThat(c.categories()).contains("Hartlepool").doesNotContain("All");
        });
        assertThat(gaps.table().rows())
                .extracting(r -> r.get(0))
                .contains("April 2016 to March 2017", "April 2019 to March 2020");
        assertThat(sheet(sheets, "IOM_reach").table().rows())
                .extracting(r -> r.get(1))
                .contains("Any route", "High risk of serious harm");
        assertThat(sheet(sheets, "Checkpoint_activity").table().rows()).hasSize(4);
        assertThat(cells(gaps, 5)).as("the fixture has small counts to protect").contains(Figure.CONFIDENTIAL);
    }

    @Test
    void noSuppressedCountIsTheOnlyUnknownOfASumOrADifference() {
        for (long seed = 1; seed <= 30; seed++) {
            Random rnd = new Random(seed);
            int threshold = 2 + rnd.nextInt(4);
            PackData data = PackFixtures.generated(rnd, rnd.nextInt(5), 5 + rnd.nextInt(40), threshold);
            List<Sheet> sheets = PanelPack.build(data);
            PackScan.scanModel(sheets, threshold);
            String where = "seed " + seed + ", threshold " + threshold;
            Sheet gaps = sheet(sheets, "Needs_and_gaps");
            for (int count : new int[] {5, 6, 8}) {
                sums(gaps, count, new int[] {0, 3, 2}, 1, where); // local authorities add up to All
                sums(gaps, count, new int[] {0, 3, 1}, 2, where); // and sexes
            }
            differences(gaps, 5, 6, threshold, where);
            differences(gaps, 6, 8, threshold, where);
            Sheet reach = sheet(sheets, "IOM_reach");
            for (int count : new int[] {3, 4}) {
                sums(reach, count, new int[] {0, 1}, 2, where);
            }
            differences(reach, 3, 4, threshold, where);
            Sheet checkpoint = sheet(sheets, "Checkpoint_activity");
            differences(checkpoint, 1, 3, threshold, where);
            differences(checkpoint, 6, 7, threshold, where);
        }
    }

    @Test
    void thePerformanceSheetWithholdsAShareItsServiceSheetWithholds() {
        int fromTies = 0;
        // Three contracts still open: a complement is withheld with them, and may be the contracts ended, which the
        // completion rate (40 of 47) would give back.
        java.time.LocalDate fy = java.time.LocalDate.of(2018, 4, 1);
        PackData.ServiceTables open = new PackData.ServiceTables(
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.of(List.of(new PackData.CheckpointRow(
                        "FY2018-19",
                        fy,
                        fy.plusYears(1).minusDays(1),
                        60,
                        60,
                        60,
                        50,
                        10,
                        47,
                        40,
                        3,
                        40.0 / 47,
                        0.7,
                        0.93,
                        90.0,
                        "FINAL"))));
        List<PackData> packs = new ArrayList<>(List.of(PackFixtures.full().withServices(open)));
        for (long seed = 1; seed <= 30; seed++) {
            Random rnd = new Random(seed);
            int threshold = 2 + rnd.nextInt(4);
            packs.add(PackFixtures.generated(rnd, rnd.nextInt(5), 5 + rnd.nextInt(40), threshold));
        }
        for (PackData data : packs) {
            int threshold = data.threshold();
            PackContext ctx = new PackContext(data);
            List<Sheet> sheets = PanelPack.build(data);
            Map<PerformanceRow, Object> reads = new LinkedHashMap<>();
            for (PackData.CheckpointRow r : data.services().checkpointActivity().orElseThrow()) {
                reads.put(
                        perf(
                                "checkpoint_activity",
                                "",
                                r.periodStart(),
                                r.completionRate(),
                                r.completed(),
                                r.contractsEnded()),
                        shownIn(sheet(sheets, "Checkpoint_activity"), 9, r.periodStart()));
            }
            for (PackData.ReachRow r : data.services().iomReach().orElse(List.of())) {
                if (r.route().equals("ANY") && r.localAuthority().equals("ALL")) {
                    reads.put(
                            perf(
                                    "iom_reach",
                                    "route=ANY; local_authority=ALL",
                                    r.periodStart(),
                                    r.shareOnIom(),
                                    r.onIom(),
                                    r.highestRiskAdults()),
                            shownIn(sheet(sheets, "IOM_reach"), 5, r.periodStart(), "Any route", "All"));
                }
            }
            for (PackData.NeedsRow r : data.services().needsAndGaps().orElse(List.of())) {
                if (r.localAuthority().equals("ALL") && r.sex().equals("ALL")) {
                    reads.put(
                            perf(
                                    "needs_and_gaps",
                                    "local_authority=ALL; sex=ALL",
                                    r.periodStart(),
                                    r.shareWithoutService(),
                                    r.peopleWithoutService(),
                                    r.peopleWithNeed()),
                            shownIn(
                                    sheet(sheets, "Needs_and_gaps"),
                                    9,
                                    r.periodStart(),
                                    "All",
                                    "All",
                                    data.labels().of("need", r.need())));
                }
            }
            for (Map.Entry<PerformanceRow, Object> e : reads.entrySet()) {
                if (Figure.CONFIDENTIAL.equals(e.getValue())) {
                    PerformanceRow p = e.getKey();
                    assertThat(org.lcjp.reoffending.reports.pack.sheets.PerformanceSheet.value(ctx, p))
                            .as("%s %s", p.sourceTable(), p.period())
                            .isEqualTo(Figure.CONFIDENTIAL);
                    if (!small(p.numerator(), threshold)
                            && !small(p.denominator(), threshold)
                            && !small(p.denominator() - p.numerator(), threshold)) {
                        fromTies++;
                    }
                }
            }
        }
        assertThat(fromTies)
                .as("shares withheld for a tie, not for a small count of their own")
                .isPositive();
    }

    private static boolean small(double v, int threshold) {
        return v >= 1 && v < threshold;
    }

    private static PerformanceRow perf(
            String table, String filters, java.time.LocalDate start, Double value, long numerator, long denominator) {
        return new PerformanceRow(
                "m",
                "t",
                table,
                filters,
                Periods.label(start, start.plusYears(1).minusDays(1)),
                start,
                start.plusYears(1).minusDays(1),
                "FINAL",
                value,
                (double) numerator,
                (double) denominator,
                0.5,
                "HIGHER_IS_BETTER",
                0.05,
                "GREEN",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "PROPORTION",
                "PERCENT",
                PerformanceRow.AVAILABLE,
                null);
    }

    /** The figure in {@code column} of the sheet's row for the year starting {@code start} and these words. */
    private static Object shownIn(Sheet s, int column, java.time.LocalDate start, String... words) {
        String year = Periods.label(start, start.plusYears(1).minusDays(1));
        return s.table().rows().stream()
                .filter(r -> year.equals(r.get(0)) && r.containsAll(List.of(words)))
                .map(r -> value(r.get(column)))
                .findFirst()
                .orElseThrow();
    }

    /** Within each set of rows alike but in the column {@code varying}, with an All row: never one withheld count. */
    private static void sums(Sheet s, int count, int[] alike, int varying, String where) {
        Map<List<Object>, List<Object>> sets = new LinkedHashMap<>();
        for (List<Object> row : s.table().rows()) {
            List<Object> k = new ArrayList<>();
            for (int a : alike) {
                k.add(row.get(a));
            }
            sets.computeIfAbsent(k, x -> new ArrayList<>()).add(row);
        }
        sets.forEach((k, rows) -> {
            boolean hasAll = rows.stream().anyMatch(r -> "All".equals(((List<?>) r).get(varying)));
            long withheld = rows.stream()
                    .filter(r -> Figure.CONFIDENTIAL.equals(value(((List<?>) r).get(count))))
                    .count();
            if (hasAll && rows.size() > 1) {
                assertThat(withheld)
                        .as("%s: %s %s column %d", where, s.name(), k, count)
                        .isNotEqualTo(1);
            }
        });
    }

    /** Where a row shows both a whole and a part, what they leave is not a small count. */
    private static void differences(Sheet s, int whole, int part, int threshold, String where) {
        for (List<Object> row : s.table().rows()) {
            if (value(row.get(whole)) instanceof Figure w
                    && w.isNumber()
                    && value(row.get(part)) instanceof Figure p
                    && p.isNumber()) {
                double rest = w.number() - p.number();
                assertThat(rest).as("%s: %s %s", where, s.name(), row).matches(v -> v == 0 || v >= threshold);
            }
        }
    }

    private static Object value(Object cell) {
        return cell instanceof Formatted f ? f.value() : cell;
    }

    private static List<Object> cells(Sheet s, int column) {
        return s.table().rows().stream().map(r -> value(r.get(column))).toList();
    }

    private static Sheet sheet(List<Sheet> sheets, String name) {
        return sheets.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
