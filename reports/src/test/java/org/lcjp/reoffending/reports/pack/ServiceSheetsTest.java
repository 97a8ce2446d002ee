package org.lcjp.reoffending.reports.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Sheet;

/**
 * The sheets of the service tables: present with their tables and chart, and no small count recoverable from the
 * ties they declare (local authorities and sexes add up to All; a row's parts to its whole).
 */
class ServiceSheetsTest {
    @Test
    void needsGapsIomReachAndCheckpointActivityAreInThePackBesideTheirComparisons() {
        List<Sheet> sheets = PanelPack.build(PackFixtures.full());
        List<String> names = sheets.stream().map(Sheet::name).toList();
        assertThat(names).containsSubsequence("Checkpoint", "Checkpoint_activity", "Women_needs", "Needs_and_gaps",
                "IOM", "IOM_reach");
        Sheet gaps = sheet(sheets, "Needs_and_gaps");
        assertThat(gaps.table().rows()).isNotEmpty();
        assertThat(gaps.charts()).singleElement().satisfies(c -> {
            assertThat(c.title()).contains("April 2018 to March 2019");
            assertThat(c.categories()).contains("Hartlepool").doesNotContain("All");
        });
        assertThat(gaps.table().rows()).extracting(r -> r.get(0)).contains("April 2016 to March 2017", "April 2019 to March 2020");
        assertThat(sheet(sheets, "IOM_reach").table().rows()).extracting(r -> r.get(1))
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
                sums(gaps, count, new int[] {0, 3, 2}, 1, where);    // local authorities add up to All
                sums(gaps, count, new int[] {0, 3, 1}, 2, where);    // and sexes
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
            long withheld = rows.stream().filter(r -> Figure.CONFIDENTIAL.equals(value(((List<?>) r).get(count)))).count();
            if (hasAll && rows.size() > 1) {
                assertThat(withheld).as("%s: %s %s column %d", where, s.name(), k, count).isNotEqualTo(1);
            }
        });
    }

    /** Where a row shows both a whole and a part, what they leave is not a small count. */
    private static void differences(Sheet s, int whole, int part, int threshold, String where) {
        for (List<Object> row : s.table().rows()) {
            if (value(row.get(whole)) instanceof Figure w && w.isNumber() && value(row.get(part)) instanceof Figure p
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
