package org.lcjp.reoffending.reports.pack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.lcjp.reoffending.reports.pack.PackData.CrossTabRow;
import org.lcjp.reoffending.reports.pack.PackData.ReoffendingRow;
import org.lcjp.reoffending.reports.pack.model.Periods;

/**
 * The pack's years: quarterly cohorts pooled into financial years (April to March), since a quarter's
 * breakdown is mostly too small to show. A year's counts add its quarterly cohorts (someone in two quarterly
 * cohorts counts twice, as in the national statistics' annual averages). A year is FINAL when all four of its
 * cohorts are; a year with any provisional cohort is provisional and spans the cohorts published so far. A FINAL
 * year with cohorts missing (before the first published cohort) is left out: it would not be a whole year.
 * Cohorts that are not quarters (setting cohort.period YEAR) are years of their own.
 */
public final class ReportingYears {
    /** A reporting year. {@code key} is its first day. */
    public record Period(LocalDate start, LocalDate end, boolean isFinal, int cohorts) {
        public String label() {
            return Periods.label(start, end);
        }

        public Optional<Periods.FinancialYear> financialYear() {
            Periods.FinancialYear fy = Periods.FinancialYear.of(start);
            return fy.start().equals(start) ? Optional.of(fy) : Optional.empty();
        }
    }

    /** A proven_reoffending cell pooled over a year. */
    public record YearRow(
            Period period,
            String population,
            String dimension,
            String category,
            long offenders,
            long reoffenders,
            long reoffences,
            Double harmDays) {}

    /** A cross-tabulated cell pooled over a year. */
    public record CrossRow(
            Period period,
            String rowDimension,
            String rowCategory,
            String columnDimension,
            String columnCategory,
            long offenders,
            long reoffenders,
            long reoffences) {}

    private final List<Period> periods;
    private final List<YearRow> rows;
    private final List<CrossRow> crossRows;

    private ReportingYears(List<Period> periods, List<YearRow> rows, List<CrossRow> crossRows) {
        this.periods = periods;
        this.rows = rows;
        this.crossRows = crossRows;
    }

    public static ReportingYears of(List<ReoffendingRow> quarters, List<CrossTabRow> cross) {
        Map<LocalDate, List<ReoffendingRow>> byYear = new TreeMap<>();
        for (ReoffendingRow r : quarters) {
            byYear.computeIfAbsent(yearStart(r.cohortStart(), r.cohortEnd()), k -> new ArrayList<>())
                    .add(r);
        }
        Map<LocalDate, Period> periods = new LinkedHashMap<>();
        boolean seenWhole = false;
        for (Map.Entry<LocalDate, List<ReoffendingRow>> e : byYear.entrySet()) {
            List<ReoffendingRow> rs = e.getValue();
            long cohorts =
                    rs.stream().map(ReoffendingRow::cohortStart).distinct().count();
            boolean quarterly = isQuarter(rs.get(0).cohortStart(), rs.get(0).cohortEnd());
            boolean whole = !quarterly || cohorts == 4;
            boolean allFinal = rs.stream().allMatch(ReoffendingRow::isFinal);
            if (allFinal && !whole && !seenWhole) {
                continue;
            }
            seenWhole |= whole;
            LocalDate start = rs.stream()
                    .map(ReoffendingRow::cohortStart)
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            LocalDate end = rs.stream()
                    .map(ReoffendingRow::cohortEnd)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            periods.put(e.getKey(), new Period(start, end, allFinal && whole, (int) cohorts));
        }
        Map<List<Object>, long[]> sums = new LinkedHashMap<>();
        Map<List<Object>, Double> harm = new LinkedHashMap<>();
        for (ReoffendingRow r : quarters) {
            Period p = periods.get(yearStart(r.cohortStart(), r.cohortEnd()));
            if (p == null) {
                continue;
            }
            List<Object> key = List.of(p, r.population(), r.dimension(), r.category());
            long[] s = sums.computeIfAbsent(key, k -> new long[3]);
            s[0] += r.offenders();
            s[1] += r.reoffenders();
            s[2] += r.reoffences();
            // Harm is summed only while every cohort of the year has it (a table written before v2.0 has none).
            harm.merge(key, r.harmDays() == null ? Double.NaN : r.harmDays(), Double::sum);
        }
        List<YearRow> rows = new ArrayList<>();
        sums.forEach((k, s) -> {
            Double h = harm.get(k);
            rows.add(new YearRow(
                    (Period) k.get(0),
                    (String) k.get(1),
                    (String) k.get(2),
                    (String) k.get(3),
                    s[0],
                    s[1],
                    s[2],
                    h == null || h.isNaN() ? null : h));
        });
        Map<List<Object>, long[]> crossSums = new LinkedHashMap<>();
        for (CrossTabRow c : cross) {
            Period p = periods.get(yearStart(c.cohortStart(), c.cohortEnd()));
            if (p == null) {
                continue;
            }
            long[] s = crossSums.computeIfAbsent(
                    List.of(p, c.rowDimension(), c.rowCategory(), c.columnDimension(), c.columnCategory()),
                    k -> new long[3]);
            s[0] += c.offenders();
            s[1] += c.reoffenders();
            s[2] += c.reoffences();
        }
        List<CrossRow> crossRows = new ArrayList<>();
        crossSums.forEach((k, s) -> crossRows.add(new CrossRow(
                (Period) k.get(0),
                (String) k.get(1),
                (String) k.get(2),
                (String) k.get(3),
                (String) k.get(4),
                s[0],
                s[1],
                s[2])));
        return new ReportingYears(List.copyOf(periods.values()), rows, crossRows);
    }

    private static boolean isQuarter(LocalDate start, LocalDate end) {
        return start.getDayOfMonth() == 1 && end.equals(start.plusMonths(3).minusDays(1));
    }

    private static LocalDate yearStart(LocalDate start, LocalDate end) {
        return isQuarter(start, end) ? Periods.FinancialYear.of(start).start() : start;
    }

    /** Every year shown, oldest first. */
    public List<Period> periods() {
        return periods;
    }

    public List<YearRow> rows() {
        return rows;
    }

    public List<CrossRow> crossRows() {
        return crossRows;
    }

    /** The latest FINAL year and the FINAL year before it (newest first): the years the breakdowns show. */
    public List<Period> breakdownPeriods() {
        List<Period> finals = periods.stream().filter(Period::isFinal).toList();
        List<Period> out = new ArrayList<>();
        for (int i = finals.size() - 1; i >= 0 && out.size() < 2; i--) {
            out.add(finals.get(i));
        }
        return out;
    }

    public Optional<Period> latestFinal() {
        return periods.stream().filter(Period::isFinal).reduce((a, b) -> b);
    }

    /** The provisional years after the latest FINAL one. */
    public List<Period> provisional() {
        return periods.stream().filter(p -> !p.isFinal()).toList();
    }

    public Optional<YearRow> row(Period p, String population, String dimension, String category) {
        return rows.stream()
                .filter(r -> r.period().equals(p)
                        && r.population().equals(population)
                        && r.dimension().equals(dimension)
                        && r.category().equals(category))
                .findFirst();
    }
}
