package org.lcjp.reoffending.reports.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CountTableTest {

    record Case(String description, long[][] cells, int threshold, String expected) {
        @Override
        public String toString() {
            return description;
        }
    }

    /** Expected patterns: one line per row then the totals row; 'x' suppressed, '.' shown; last column the total. */
    static Stream<Case> cases() {
        return Stream.of(
                new Case("no small cells: nothing suppressed", new long[][] {{10, 20}, {30, 40}}, 5, "...|...|..."),
                new Case("zero is a true zero, not suppressed", new long[][] {{0, 20}, {30, 0}}, 5, "...|...|..."),
                new Case("threshold 1 suppresses nothing", new long[][] {{1, 2}, {3, 4}}, 1, "...|...|..."),
                new Case(
                        "the only small cell in its row takes the smallest complements with it",
                        new long[][] {{3, 10, 12}, {8, 9, 15}},
                        5,
                        "xx..|xx..|...."),
                new Case(
                        "two small cells in one row protect each other but not their columns",
                        new long[][] {{2, 3, 40}, {20, 30, 50}},
                        5,
                        "xx..|xx..|...."),
                new Case("counts equal to the threshold are shown", new long[][] {{5, 6}, {7, 8}}, 5, "...|...|..."),
                new Case(
                        "a small row total takes a second row total with it; a zero is not used as a complement",
                        new long[][] {{2, 0}, {10, 30}, {12, 31}},
                        5,
                        "x.x|xxx|xx.|..."),
                new Case(
                        "interior cells protect before margins do",
                        new long[][] {{3, 40}, {50, 60}},
                        5,
                        "xx.|xx.|..."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void suppressesTheExpectedPattern(Case c) {
        CountTable.Pattern p = CountTable.suppress(c.cells(), c.threshold());
        assertThat(render(p)).as(c.description()).isEqualTo(c.expected());
        assertSafe(c.cells(), p, c.threshold());
    }

    @Test
    void aMarginIsUsedOnlyWhenNoInteriorCellCanProtect() {
        // One column: the small cell's column can be protected only by another row, its row only by its total.
        long[][] cells = {{3}, {40}};
        CountTable.Pattern p = CountTable.suppress(cells, 5);
        assertThat(render(p)).isEqualTo("xx|xx|..");
        assertSafe(cells, p, 5);
    }

    @Test
    void aSmallTotalIsSuppressedAndCannotBeRecoveredFromTheGrandTotal() {
        // Row 0's total is 2: the total itself would reveal a small count, so it is primary, and the grand total
        // column then needs a second suppressed row total.
        long[][] cells = {{2, 0}, {0, 30}, {25, 30}};
        CountTable.Pattern p = CountTable.suppress(cells, 5);
        assertThat(p.rowTotals()[0]).isTrue();
        assertThat(p.rowTotals()[1] || p.rowTotals()[2] || p.grandTotal()).isTrue();
        assertSafe(cells, p, 5);
    }

    @Test
    void givenTotalsThatIncludeUnclassifiedPeopleAreProtectedToo() {
        long[][] cells = {{20, 30}};
        // Column total 53 > 50: 3 people in no row; the totals are shown as given.
        CountTable.Pattern p = CountTable.suppress(cells, new long[] {50}, new long[] {23, 30}, 53, 5);
        assertThat(p.suppressedCount()).isZero();
        CountTable.Pattern small =
                CountTable.suppress(new long[][] {{4, 30}}, new long[] {34}, new long[] {4, 30}, 34, 5);
        assertThat(small.cells()[0][0]).isTrue();
        assertThat(small.colTotals()[0]).isTrue();
        assertSafe(new long[][] {{4, 30}}, small, 5);
    }

    @Test
    void randomTablesAreAlwaysSafe() {
        Random random = new Random(42);
        for (int t = 0; t < 300; t++) {
            int rows = 1 + random.nextInt(5);
            int cols = 1 + random.nextInt(4);
            long[][] cells = new long[rows][cols];
            for (long[] row : cells) {
                for (int j = 0; j < cols; j++) {
                    row[j] = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(60);
                }
            }
            CountTable.Pattern p = CountTable.suppress(cells, 5);
            assertSafe(cells, p, 5);
        }
    }

    @Test
    void aLargeTableIsSolvedQuickly() {
        Random random = new Random(7);
        long[][] cells = new long[80][30];
        for (long[] row : cells) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextInt(10) == 0 ? 1 + random.nextInt(4) : random.nextInt(200);
            }
        }
        long started = System.nanoTime();
        CountTable.Pattern p = CountTable.suppress(cells, 5);
        assertThat((System.nanoTime() - started) / 1e9).as("seconds").isLessThan(5);
        assertSafe(cells, p, 5);
    }

    /** No visible count 1..threshold-1, and every row and column group holds 0 or at least 2 suppressed cells. */
    static void assertSafe(long[][] cells, CountTable.Pattern p, int threshold) {
        int rows = cells.length;
        int cols = cells[0].length;
        long[] rt = new long[rows];
        long[] ct = new long[cols];
        long grand = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                rt[i] += cells[i][j];
                ct[j] += cells[i][j];
                grand += cells[i][j];
                assertThat(visibleSmall(cells[i][j], p.cells()[i][j], threshold))
                        .as("cell %d,%d", i, j)
                        .isFalse();
            }
        }
        List<List<Boolean>> groups = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            List<Boolean> g = new ArrayList<>();
            for (int j = 0; j < cols; j++) {
                g.add(p.cells()[i][j]);
            }
            g.add(p.rowTotals()[i]);
            groups.add(g);
        }
        for (int j = 0; j < cols; j++) {
            List<Boolean> g = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                g.add(p.cells()[i][j]);
            }
            g.add(p.colTotals()[j]);
            groups.add(g);
        }
        List<Boolean> totalsRow = new ArrayList<>();
        for (boolean b : p.colTotals()) {
            totalsRow.add(b);
        }
        totalsRow.add(p.grandTotal());
        groups.add(totalsRow);
        List<Boolean> totalsCol = new ArrayList<>();
        for (boolean b : p.rowTotals()) {
            totalsCol.add(b);
        }
        totalsCol.add(p.grandTotal());
        groups.add(totalsCol);
        for (List<Boolean> g : groups) {
            assertThat(g.stream().filter(b -> b).count())
                    .as("suppressed cells in group %s", g)
                    .isNotEqualTo(1L);
        }
    }

    static boolean visibleSmall(long value, boolean suppressed, int threshold) {
        return !suppressed && value >= 1 && value < threshold;
    }

    /** Renders rows and the totals row; each line is the cells then the row total. */
    static String render(CountTable.Pattern p) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < p.cells().length; i++) {
            for (boolean x : p.cells()[i]) {
                b.append(x ? 'x' : '.');
            }
            b.append(p.rowTotals()[i] ? 'x' : '.').append('|');
        }
        for (boolean x : p.colTotals()) {
            b.append(x ? 'x' : '.');
        }
        return b.append(p.grandTotal() ? 'x' : '.').toString();
    }
}
