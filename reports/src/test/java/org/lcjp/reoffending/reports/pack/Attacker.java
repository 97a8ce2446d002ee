package org.lcjp.reoffending.reports.pack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/**
 * An independent attempt to recover withheld counts from what the pack shows, as a reader with a spreadsheet
 * would: it knows nothing of the suppression code, only the tables and how their totals tie up (categories add up
 * to the year's figure, adults and juveniles to all offenders, custody sentence lengths to custody, the
 * local-authority cross-tabulations to the breakdowns, offenders minus reoffenders, a rate times its offenders).
 * It solves every tie with exactly one unknown, again and again, and returns every count it could recover that
 * lies between 1 and threshold - 1.
 */
final class Attacker {
    private final Map<String, Double> known = new HashMap<>();
    private final Map<String, Boolean> withheld = new HashMap<>();
    private final List<List<String>> sums = new ArrayList<>();
    /** rate cells: {numerator var, denominator var, rate}. */
    private final List<Object[]> rates = new ArrayList<>();

    static List<String> attack(List<Sheet> sheets, Labels labels, int threshold) {
        Attacker a = new Attacker();
        a.read(sheets, labels);
        return a.solve(threshold);
    }

    private void read(List<Sheet> sheets, Labels labels) {
        String all = labels.of("population", "ALL");
        Map<String, String> dimensionOfTable = new LinkedHashMap<>();
        for (String d : org.lcjp.reoffending.reports.pack.sheets.BreakdownSheet.DIMENSIONS) {
            dimensionOfTable.put("Reoffending_by_" + d.toLowerCase(Locale.ROOT), d);
        }
        Map<String, List<String>> byDimension = new LinkedHashMap<>();
        for (Sheet s : sheets) {
            Table t = s.table();
            if (t == null) {
                continue;
            }
            if (t.name().equals("Reoffending_by_year")) {
                for (List<Object> r : t.rows()) {
                    cells(key(r.get(0), r.get(2), "ALL", "ALL"), r, 3);
                }
            } else if (dimensionOfTable.containsKey(t.name())) {
                String d = dimensionOfTable.get(t.name());
                for (List<Object> r : t.rows()) {
                    String base = key(r.get(0), r.get(1), d, r.get(2));
                    cells(base, r, 3);
                    byDimension
                            .computeIfAbsent(r.get(0) + "|" + r.get(1) + "|" + d, k -> new ArrayList<>())
                            .add(base);
                }
            } else if (t.name().startsWith("Local_authority_by_")) {
                String d = t.name().substring("Local_authority_by_".length()).toUpperCase(Locale.ROOT);
                Map<String, List<String>> rows = new LinkedHashMap<>();
                Map<String, List<String>> cols = new LinkedHashMap<>();
                for (List<Object> r : t.rows()) {
                    String base = key(r.get(0), all, "LA x " + d, r.get(1) + " x " + r.get(2));
                    put(base + "|offenders", r.get(3));
                    put(base + "|reoffenders", r.get(4));
                    rate(base + "|reoffenders", base + "|offenders", r.get(5));
                    rows.computeIfAbsent(key(r.get(0), all, "LOCAL_AUTHORITY", r.get(1)), k -> new ArrayList<>())
                            .add(base);
                    cols.computeIfAbsent(key(r.get(0), all, d, r.get(2)), k -> new ArrayList<>())
                            .add(base);
                }
                rows.forEach((total, parts) -> tie(total, parts, List.of("offenders", "reoffenders")));
                cols.forEach((total, parts) -> tie(total, parts, List.of("offenders", "reoffenders")));
            }
        }
        String custody = labels.of("INDEX_DISPOSAL", "CUSTODY");
        byDimension.forEach((k, parts) -> {
            String[] p = k.split("\\|");
            String total = p[2].equals("SENTENCE_LENGTH")
                    ? key(p[0], p[1], "INDEX_DISPOSAL", custody)
                    : key(p[0], p[1], "ALL", "ALL");
            tie(total, parts, List.of("offenders", "reoffenders", "reoffences"));
        });
        // Adults and juveniles make all offenders.
        String adult = labels.of("population", "ADULT");
        String juvenile = labels.of("population", "JUVENILE");
        for (String v : new ArrayList<>(known.keySet().stream().toList())) {
            String[] p = v.split("\\|", -1);
            if (p[1].equals(all)) {
                String a = String.join("|", p[0], adult, p[2], p[3], p[4]);
                String j = String.join("|", p[0], juvenile, p[2], p[3], p[4]);
                List<String> sum = new ArrayList<>(List.of(v));
                if (known.containsKey(a)) {
                    sum.add(a);
                }
                if (known.containsKey(j)) {
                    sum.add(j);
                }
                if (sum.size() > 1) {
                    sums.add(sum);
                }
            }
        }
    }

    private void tie(String total, List<String> parts, List<String> measures) {
        for (String m : measures) {
            List<String> sum = new ArrayList<>(List.of(total + "|" + m));
            parts.forEach(p -> sum.add(p + "|" + m));
            if (sum.stream().allMatch(known::containsKey)) {
                sums.add(sum);
            }
        }
    }

    private static String key(Object period, Object population, String dimension, Object category) {
        return period + "|" + population + "|" + dimension + "|" + category;
    }

    private void cells(String base, List<Object> r, int first) {
        put(base + "|offenders", r.get(first));
        put(base + "|reoffenders", r.get(first + 1));
        rate(base + "|reoffenders", base + "|offenders", r.get(first + 2));
        put(base + "|reoffences", r.get(first + 3));
        rate(base + "|reoffences", base + "|reoffenders", r.get(first + 4));
        rate(base + "|reoffences", base + "|offenders", r.get(first + 5));
        // Offenders = reoffenders + non-reoffenders (never shown).
        known.putIfAbsent(base + "|non", null);
        withheld.put(base + "|non", true);
        sums.add(List.of(base + "|offenders", base + "|reoffenders", base + "|non"));
    }

    private void put(String var, Object cell) {
        Object v = cell instanceof Formatted f ? f.value() : cell;
        Figure f = (Figure) v;
        known.put(var, f.isNumber() ? f.number() : null);
        withheld.put(var, !f.isNumber());
    }

    private void rate(String numerator, String denominator, Object cell) {
        Object v = cell instanceof Formatted f ? f.value() : cell;
        Figure f = (Figure) v;
        if (f.isNumber()) {
            rates.add(new Object[] {numerator, denominator, f.number()});
        }
    }

    private List<String> solve(int threshold) {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Object[] r : rates) {
                Double n = known.get((String) r[0]);
                Double d = known.get((String) r[1]);
                double rate = (Double) r[2];
                if (n == null && d != null) {
                    known.put((String) r[0], (double) Math.round(rate * d));
                    progress = true;
                } else if (d == null && n != null && rate > 0) {
                    known.put((String) r[1], (double) Math.round(n / rate));
                    progress = true;
                }
            }
            for (List<String> sum : sums) {
                // sum.get(0) = the rest added up.
                List<String> unknown =
                        sum.stream().filter(v -> known.get(v) == null).toList();
                if (unknown.size() != 1) {
                    continue;
                }
                String u = unknown.get(0);
                double rest = 0;
                for (int i = 1; i < sum.size(); i++) {
                    if (!sum.get(i).equals(u)) {
                        rest += known.get(sum.get(i));
                    }
                }
                double value = u.equals(sum.get(0)) ? rest : known.get(sum.get(0)) - rest;
                known.put(u, value);
                progress = true;
            }
        }
        List<String> out = new ArrayList<>();
        known.forEach((v, x) -> {
            if (x != null && Boolean.TRUE.equals(withheld.get(v)) && x >= 1 && x < threshold) {
                out.add(v + " = " + x);
            }
        });
        return out;
    }
}
