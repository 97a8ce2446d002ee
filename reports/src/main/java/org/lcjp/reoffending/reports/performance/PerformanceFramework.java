package org.lcjp.reoffending.reports.performance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.lcjp.reoffending.reports.pack.model.Periods;
import org.lcjp.reoffending.reports.pack.model.Periods.FinancialYear;

/**
 * Each outcome measure of {@code conf/targets.yaml} against its target, per FINAL period (methodology section 7):
 * plain Java over the published tables, which are small aggregates. Periods: the financial year for tables of
 * quarterly cohorts (four FINAL quarters pooled), the {@code period} (or {@code financial_year}) column of the
 * other tables, one period when a table has neither. A measure whose table or columns are not published yet
 * gives one row saying so (the pack shows it as [x]); it lights up when the table arrives.
 */
public final class PerformanceFramework {
    /** z for a 95% interval. */
    private static final double Z = 1.959963984540054;

    private static final List<String> PERIOD_COLUMNS = List.of("period", "financial_year", "year");

    private PerformanceFramework() {}

    /** A period of a measure; {@code year} is set for financial years (and so for the year-on-year change). */
    record Period(String label, LocalDate start, LocalDate end, FinancialYear year, boolean isFinal) {}

    /** A value with its parts and standard error (null when it has none). */
    record Estimate(double value, Double numerator, Double denominator, Double se) {}

    public static List<PerformanceRow> compute(List<Target> targets, Map<String, SourceTable> tables) {
        List<PerformanceRow> out = new ArrayList<>();
        for (Target t : targets) {
            try {
                out.addAll(measure(t, tables.get(t.figure().table())));
            } catch (RuntimeException e) {
                // A table of an unexpected shape makes its measure not available; it never stops the pack.
                out.add(unavailable(
                        t,
                        PerformanceRow.UNREADABLE,
                        "The table " + t.figure().table()
                                + " could not be read as this measure expects ("
                                + e.getClass().getSimpleName() + ": "
                                + e.getMessage() + ")."));
            }
        }
        return out;
    }

    static List<PerformanceRow> measure(Target t, SourceTable table) {
        Target.Figure f = t.figure();
        if (table == null) {
            return List.of(unavailable(
                    t, PerformanceRow.TABLE_ABSENT, "The table " + f.table() + " is not published by this run."));
        }
        List<String> missing = new ArrayList<>();
        List<String> needed = new ArrayList<>(f.filters().keySet());
        needed.add(f.column());
        for (String c : new String[] {f.numerator(), f.denominator(), f.ciLow(), f.ciHigh(), f.periodColumn()}) {
            if (c != null) {
                needed.add(c);
            }
        }
        needed.stream().filter(c -> !table.columns().contains(c)).distinct().forEach(missing::add);
        if (!missing.isEmpty()) {
            return List.of(unavailable(
                    t,
                    PerformanceRow.COLUMN_ABSENT,
                    "The table " + f.table() + " has no column " + String.join(", ", missing) + "."));
        }
        List<Map<String, Object>> rows =
                table.rows().stream().filter(r -> matches(r, f.filters())).toList();
        Map<Period, List<Map<String, Object>>> byPeriod = periods(rows, table, f);
        Map<Period, Estimate> estimates = new LinkedHashMap<>();
        byPeriod.forEach((p, rs) -> estimate(rs, f).ifPresent(e -> estimates.put(p, e)));
        List<Period> reported = f.aggregate() == Target.Aggregate.LATEST
                ? estimates.keySet().stream()
                        .max(Comparator.comparing(Period::start, Comparator.nullsFirst(Comparator.naturalOrder())))
                        .stream()
                        .toList()
                : estimates.keySet().stream().filter(Period::isFinal).toList();
        if (reported.isEmpty()) {
            return List.of(unavailable(
                    t,
                    PerformanceRow.NO_DATA,
                    "No " + (f.aggregate() == Target.Aggregate.LATEST ? "" : "FINAL ") + "period of " + f.table()
                            + " has this figure yet."));
        }
        Optional<Period> baseline = estimates.keySet().stream()
                .filter(p -> isBaseline(p, t.baseline()))
                .findFirst();
        List<PerformanceRow> out = new ArrayList<>();
        for (Period p : reported) {
            Estimate e = estimates.get(p);
            Optional<Period> previous = p.year() == null
                    ? Optional.empty()
                    : estimates.keySet().stream()
                            .filter(o -> p.year().previous().equals(o.year()) && o.isFinal())
                            .findFirst();
            Change onYear = previous.map(o -> change(e, estimates.get(o))).orElse(Change.NONE);
            Change onBaseline = baseline.filter(b -> !b.equals(p))
                    .map(b -> change(e, estimates.get(b)))
                    .orElse(Change.NONE);
            out.add(new PerformanceRow(
                    t.id(),
                    t.title(),
                    f.table(),
                    filters(f),
                    p.label(),
                    p.start(),
                    p.end(),
                    p.isFinal() ? "FINAL" : "PROVISIONAL",
                    e.value(),
                    e.numerator(),
                    e.denominator(),
                    t.target(),
                    t.direction().name(),
                    t.amberTolerance(),
                    rag(t, e.value()),
                    previous.map(Period::label).orElse(null),
                    onYear.value,
                    onYear.low,
                    onYear.high,
                    onYear.significant,
                    baseline.map(Period::label).orElse(null),
                    onBaseline.value,
                    onBaseline.low,
                    onBaseline.high,
                    onBaseline.significant,
                    f.statistic().name(),
                    t.format().name(),
                    PerformanceRow.AVAILABLE,
                    baseline.isEmpty() ? "The baseline period " + t.baseline() + " is not in the table." : null));
        }
        return out;
    }

    /** GREEN on the right side of the target, AMBER within the tolerance of it, RED otherwise. */
    static String rag(Target t, double value) {
        double shortfall = t.direction() == Target.Direction.LOWER_IS_BETTER ? value - t.target() : t.target() - value;
        // A hair's breadth of floating point (0.27 - 0.25 > 0.02) must not turn a boundary value red.
        double eps = 1e-9 * Math.max(1, Math.abs(t.target()));
        return shortfall <= eps ? "GREEN" : shortfall <= t.amberTolerance() + eps ? "AMBER" : "RED";
    }

    private record Change(Double value, Double low, Double high, Boolean significant) {
        static final Change NONE = new Change(null, null, null, null);
    }

    private static Change change(Estimate now, Estimate then) {
        double d = now.value() - then.value();
        if (now.se() == null || then.se() == null) {
            return new Change(d, null, null, null);
        }
        double se = Math.sqrt(now.se() * now.se() + then.se() * then.se());
        double low = d - Z * se;
        double high = d + Z * se;
        return new Change(d, low, high, low > 0 || high < 0);
    }

    private static boolean isBaseline(Period p, String baseline) {
        if (baseline.equals("POOLED") || baseline.equals("ALL")) {
            return p.year() == null;
        }
        return p.year() != null && p.year().equals(FinancialYear.parse(baseline).orElse(null));
    }

    private static boolean matches(Map<String, Object> row, Map<String, String> filters) {
        for (Map.Entry<String, String> e : filters.entrySet()) {
            Object v = row.get(e.getKey());
            if (v == null || !String.valueOf(v).equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Rows by period, oldest first. */
    private static Map<Period, List<Map<String, Object>>> periods(
            List<Map<String, Object>> rows, SourceTable table, Target.Figure f) {
        Map<Object, List<Map<String, Object>>> grouped = new TreeMap<>(Comparator.comparing(Object::toString));
        String periodColumn = f.periodColumn() != null
                ? f.periodColumn()
                : PERIOD_COLUMNS.stream()
                        .filter(table.columns()::contains)
                        .findFirst()
                        .orElse(null);
        boolean cohorts = periodColumn == null
                && table.columns().contains("cohort_start")
                && table.columns().contains("cohort_end");
        Map<Period, List<Map<String, Object>>> out = new LinkedHashMap<>();
        if (cohorts) {
            List<Map<String, Object>> undated = rows.stream()
                    .filter(r -> r.get("cohort_start") == null || r.get("cohort_end") == null)
                    .toList();
            if (!undated.isEmpty()) {
                out.put(new Period("All years", null, null, null, allFinal(undated)), undated);
            }
            for (Map<String, Object> r : rows) {
                if (r.get("cohort_start") == null || r.get("cohort_end") == null) {
                    continue;
                }
                LocalDate start = (LocalDate) r.get("cohort_start");
                LocalDate end = (LocalDate) r.get("cohort_end");
                boolean quarter = start.getDayOfMonth() == 1
                        && end.equals(start.plusMonths(3).minusDays(1));
                Object key = f.aggregate() == Target.Aggregate.LATEST || !quarter
                        ? start
                        : FinancialYear.of(start).start();
                grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
            grouped.forEach((k, rs) -> {
                LocalDate start = rs.stream()
                        .map(r -> (LocalDate) r.get("cohort_start"))
                        .min(Comparator.naturalOrder())
                        .orElseThrow();
                LocalDate end = rs.stream()
                        .map(r -> (LocalDate) r.get("cohort_end"))
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
                long cohortsIn =
                        rs.stream().map(r -> r.get("cohort_start")).distinct().count();
                LocalDate first = (LocalDate) rs.get(0).get("cohort_start");
                boolean pooledQuarters = !k.equals(first)
                        || cohortsIn > 1
                        || ((LocalDate) rs.get(0).get("cohort_end"))
                                        .equals(first.plusMonths(3).minusDays(1))
                                && f.aggregate() != Target.Aggregate.LATEST;
                boolean whole = !pooledQuarters || cohortsIn == 4;
                boolean allFinal = rs.stream().allMatch(r -> "FINAL".equals(r.get("status")));
                FinancialYear fy = FinancialYear.of(start);
                boolean isYear = fy.start().equals(start) && fy.end().equals(end);
                out.put(new Period(Periods.label(start, end), start, end, isYear ? fy : null, allFinal && whole), rs);
            });
            return out;
        }
        if (periodColumn == null) {
            out.put(new Period("All years", null, null, null, allFinal(rows)), rows);
            return out;
        }
        for (Map<String, Object> r : rows) {
            grouped.computeIfAbsent(String.valueOf(r.get(periodColumn)), k -> new ArrayList<>())
                    .add(r);
        }
        grouped.forEach((k, rs) -> {
            String text = (String) k;
            Optional<FinancialYear> fy =
                    text.equals("POOLED") || text.equals("ALL") ? Optional.empty() : FinancialYear.parse(text);
            Period p = fy.map(y -> new Period(y.label(), y.start(), y.end(), y, allFinal(rs)))
                    .orElse(new Period(
                            text.equals("POOLED") ? "All years pooled" : text, null, null, null, allFinal(rs)));
            out.put(p, rs);
        });
        return out;
    }

    /** Tables without a FINAL/PROVISIONAL status count every row as final (their rows wait for complete data). */
    private static boolean allFinal(List<Map<String, Object>> rows) {
        return rows.stream()
                .map(r -> r.get("status"))
                .filter(Objects::nonNull)
                .map(String::valueOf)
                .noneMatch("PROVISIONAL"::equals);
    }

    private static Optional<Estimate> estimate(List<Map<String, Object>> rows, Target.Figure f) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (f.aggregate() == Target.Aggregate.MAX) {
            return rows.stream()
                    .map(r -> estimate(
                            List.of(r),
                            new Target.Figure(
                                    f.table(),
                                    f.filters(),
                                    f.column(),
                                    f.statistic(),
                                    f.numerator(),
                                    f.denominator(),
                                    f.ciLow(),
                                    f.ciHigh(),
                                    Target.Aggregate.NONE,
                                    f.periodColumn())))
                    .flatMap(Optional::stream)
                    .max(Comparator.comparingDouble(Estimate::value));
        }
        switch (f.statistic()) {
            case PROPORTION, RATE, RATIO -> {
                Double num = sum(rows, f.numerator());
                Double den = sum(rows, f.denominator());
                if (num == null || den == null || den == 0) {
                    return Optional.empty();
                }
                double v = num / den;
                Double se = switch (f.statistic()) {
                    case PROPORTION -> Math.sqrt(Math.max(0, v * (1 - v)) / den);
                    case RATE -> Math.sqrt(num) / den;
                    default -> null;
                };
                return Optional.of(new Estimate(v, num, den, se));
            }
            case COUNT -> {
                Double v = sum(rows, f.column());
                return v == null
                        ? Optional.empty()
                        : Optional.of(new Estimate(v, null, null, Math.sqrt(Math.max(v, 0))));
            }
            default -> {
                if (rows.size() != 1) {
                    return Optional.empty();
                }
                Double v = number(rows.get(0).get(f.column()));
                if (v == null) {
                    return Optional.empty();
                }
                Double lo = f.ciLow() == null ? null : number(rows.get(0).get(f.ciLow()));
                Double hi = f.ciHigh() == null ? null : number(rows.get(0).get(f.ciHigh()));
                Double se = lo == null || hi == null ? null : (hi - lo) / (2 * Z);
                return Optional.of(new Estimate(v, null, null, se));
            }
        }
    }

    private static Double sum(List<Map<String, Object>> rows, String column) {
        double s = 0;
        for (Map<String, Object> r : rows) {
            Double v = number(r.get(column));
            if (v == null) {
                return null;
            }
            s += v;
        }
        return s;
    }

    private static Double number(Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isNaN(d) ? null : d;
        }
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        return null;
    }

    static String filters(Target.Figure f) {
        List<String> parts = new ArrayList<>();
        f.filters().forEach((k, v) -> parts.add(k + "=" + v));
        return String.join("; ", parts);
    }

    private static PerformanceRow unavailable(Target t, String availability, String note) {
        return new PerformanceRow(
                t.id(),
                t.title(),
                t.figure().table(),
                filters(t.figure()),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                t.target(),
                t.direction().name(),
                t.amberTolerance(),
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
                null,
                t.figure().statistic().name(),
                t.format().name(),
                availability,
                note);
    }
}
