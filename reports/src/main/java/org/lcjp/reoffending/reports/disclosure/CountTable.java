package org.lcjp.reoffending.reports.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * Disclosure control for a two-way table of counts shown with its row totals, column totals and grand total.
 * Row i with its total, column j with its total, the column totals with the grand total and the row totals with
 * the grand total are the additive groups. Totals are taken as given (a total may include people in no cell).
 * Margins are complements of last resort, so that totals stay visible wherever interior cells can protect.
 */
public final class CountTable {
    /** A cell of the table; row or column {@code TOTAL} marks a margin. */
    public record Cell(int row, int column) {}

    public static final int TOTAL = -1;

    /**
     * The suppressed pattern of a table.
     *
     * @param cells      interior cells, [row][column]
     * @param rowTotals  row totals
     * @param colTotals  column totals
     * @param grandTotal the grand total
     */
    public record Pattern(boolean[][] cells, boolean[] rowTotals, boolean[] colTotals, boolean grandTotal) {
        public int suppressedCount() {
            int n = grandTotal ? 1 : 0;
            for (boolean[] row : cells) {
                for (boolean b : row) {
                    n += b ? 1 : 0;
                }
            }
            for (boolean b : rowTotals) {
                n += b ? 1 : 0;
            }
            for (boolean b : colTotals) {
                n += b ? 1 : 0;
            }
            return n;
        }
    }

    private CountTable() {}

    /** Suppresses a table whose totals are the sums of its cells. */
    public static Pattern suppress(long[][] cells, int threshold) {
        int rows = cells.length;
        int cols = rows == 0 ? 0 : cells[0].length;
        long[] rowTotals = new long[rows];
        long[] colTotals = new long[cols];
        long grand = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                rowTotals[i] += cells[i][j];
                colTotals[j] += cells[i][j];
                grand += cells[i][j];
            }
        }
        return suppress(cells, rowTotals, colTotals, grand, threshold);
    }

    public static Pattern suppress(long[][] cells, long[] rowTotals, long[] colTotals, long grandTotal, int threshold) {
        int rows = cells.length;
        int cols = colTotals.length;
        SuppressionProblem<Cell> problem = new SuppressionProblem<>();
        for (int i = 0; i < rows; i++) {
            if (cells[i].length != cols) {
                throw new IllegalArgumentException("Cannot suppress table: row " + i + " has " + cells[i].length
                        + " cells, expected (" + cols + ")");
            }
            for (int j = 0; j < cols; j++) {
                problem.visible(new Cell(i, j), cells[i][j]);
            }
            problem.total(new Cell(i, TOTAL), rowTotals[i], 1);
        }
        for (int j = 0; j < cols; j++) {
            problem.total(new Cell(TOTAL, j), colTotals[j], 1);
        }
        problem.total(new Cell(TOTAL, TOTAL), grandTotal, 2);
        for (int i = 0; i <= rows; i++) {
            int r = i == rows ? TOTAL : i;
            List<Cell> group = new ArrayList<>();
            for (int j = 0; j <= cols; j++) {
                group.add(new Cell(r, j == cols ? TOTAL : j));
            }
            problem.group(group);
        }
        for (int j = 0; j <= cols; j++) {
            int c = j == cols ? TOTAL : j;
            List<Cell> group = new ArrayList<>();
            for (int i = 0; i <= rows; i++) {
                group.add(new Cell(i == rows ? TOTAL : i, c));
            }
            problem.group(group);
        }
        Suppression<Cell> s = problem.solve(threshold);
        boolean[][] in = new boolean[rows][cols];
        boolean[] rt = new boolean[rows];
        boolean[] ct = new boolean[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                in[i][j] = s.isSuppressed(new Cell(i, j));
            }
            rt[i] = s.isSuppressed(new Cell(i, TOTAL));
        }
        for (int j = 0; j < cols; j++) {
            ct[j] = s.isSuppressed(new Cell(TOTAL, j));
        }
        return new Pattern(in, rt, ct, s.isSuppressed(new Cell(TOTAL, TOTAL)));
    }
}
