package org.lcjp.reoffending.reports.pack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.lcjp.reoffending.reports.pack.PackData.FamilyRow;
import org.lcjp.reoffending.reports.pack.PackData.RjActivityRow;
import org.lcjp.reoffending.reports.performance.SourceTable;

/**
 * rj_activity and family_offending rows as the services stage writes them, from simulated referrals and children,
 * so every total ties up; small years and groups give small counts to protect.
 */
final class ServiceFixtures {
    static final List<String> SOURCES = List.of("POLICE", "COURT", "PROBATION", "PRISON", "YOS", "VICTIM", "OTHER");
    static final List<String> STAGES = List.of("OUT_OF_COURT", "PRE_SENTENCE", "POST_SENTENCE");
    static final List<String> OUTCOMES =
            List.of("CONFERENCE", "INDIRECT", "VICTIM_DECLINED", "OFFENDER_DECLINED", "NOT_SUITABLE", "WITHDRAWN");

    private ServiceFixtures() {}

    /** Three final financial years from April 2016 and a provisional one, 15-60 referrals a year. */
    static List<RjActivityRow> rjActivity(Random rnd) {
        List<RjActivityRow> out = new ArrayList<>();
        for (int y = 0; y < 4; y++) {
            LocalDate start = LocalDate.of(2016 + y, 4, 1);
            LocalDate end = start.plusYears(1).minusDays(1);
            String period = "FY" + (2016 + y) + "-" + String.format("%02d", (2017 + y) % 100);
            String status = y < 3 ? "FINAL" : "PROVISIONAL";
            int n = 15 + rnd.nextInt(46);
            Map<String, Long> source = new LinkedHashMap<>();
            Map<String, Long> stage = new LinkedHashMap<>();
            Map<String, Long> outcome = new LinkedHashMap<>();
            SOURCES.forEach(c -> source.put(c, 0L));
            STAGES.forEach(c -> stage.put(c, 0L));
            OUTCOMES.forEach(c -> outcome.put(c, 0L));
            outcome.put("OPEN", 0L);
            long asked = 0;
            long consented = 0;
            long done = 0;
            long volunteerKnown = 0;
            long volunteer = 0;
            long satisfactionKnown = 0;
            long satisfied = 0;
            for (int i = 0; i < n; i++) {
                source.merge(SOURCES.get(rnd.nextInt(rnd.nextBoolean() ? 2 : SOURCES.size())), 1L, Long::sum);
                stage.merge(STAGES.get(rnd.nextInt(STAGES.size())), 1L, Long::sum);
                boolean ask = rnd.nextDouble() < 0.8;
                boolean consent = ask && rnd.nextDouble() < 0.6;
                asked += ask ? 1 : 0;
                consented += consent ? 1 : 0;
                String o = !consent
                        ? (rnd.nextBoolean() ? "VICTIM_DECLINED" : "OPEN")
                        : OUTCOMES.get(rnd.nextInt(OUTCOMES.size()));
                outcome.merge(o, 1L, Long::sum);
                if (o.equals("CONFERENCE") || o.equals("INDIRECT")) {
                    done++;
                    if (rnd.nextDouble() < 0.9) {
                        volunteerKnown++;
                        volunteer += rnd.nextDouble() < 0.4 ? 1 : 0;
                    }
                    if (rnd.nextDouble() < 0.8) {
                        satisfactionKnown++;
                        satisfied += rnd.nextDouble() < 0.85 ? 1 : 0;
                    }
                }
            }
            out.add(count(period, start, end, "REFERRALS", "ALL", n, status));
            source.forEach((c, k) -> out.add(count(period, start, end, "REFERRALS_BY_SOURCE", c, k, status)));
            stage.forEach((c, k) -> out.add(count(period, start, end, "REFERRALS_BY_STAGE", c, k, status)));
            out.add(share(period, start, end, "VICTIM_ASKED_SHARE", asked, n, status));
            out.add(share(period, start, end, "VICTIM_CONSENT_SHARE", consented, asked, status));
            outcome.forEach((c, k) -> out.add(count(period, start, end, "OUTCOMES", c, k, status)));
            out.add(count(period, start, end, "COMPLETED_PROCESSES", "ALL", done, status));
            out.add(share(period, start, end, "VOLUNTEER_SHARE", volunteer, volunteerKnown, status));
            out.add(share(period, start, end, "VICTIM_SATISFACTION_SHARE", satisfied, satisfactionKnown, status));
        }
        return out;
    }

    private static RjActivityRow count(
            String period, LocalDate start, LocalDate end, String measure, String category, long n, String status) {
        return new RjActivityRow(period, start, end, measure, category, n, null, null, null, null, status);
    }

    private static RjActivityRow share(
            String period, LocalDate start, LocalDate end, String measure, long with, long of, String status) {
        Double v = of == 0 ? null : (double) with / of;
        double se = v == null ? 0 : Math.sqrt(v * (1 - v) / of);
        return new RjActivityRow(
                period,
                start,
                end,
                measure,
                "ALL",
                with,
                of,
                v,
                v == null ? null : Math.max(0, v - 2 * se),
                v == null ? null : Math.min(1, v + 2 * se),
                status);
    }

    /**
     * Children by year (exposed 20-90, not exposed 100-300 a year) and pooled; offenders who are parents in two
     * cohorts and pooled; families with offending in two generations (a handful: a small count).
     */
    static List<FamilyRow> familyOffending(Random rnd) {
        List<FamilyRow> out = new ArrayList<>();
        long[] pooled = new long[4];
        for (int y = 0; y < 3; y++) {
            LocalDate start = LocalDate.of(2016 + y, 4, 1);
            String period = "FY" + (2016 + y) + "-" + String.format("%02d", (2017 + y) % 100);
            long e = 20L + rnd.nextInt(71);
            long n = 100L + rnd.nextInt(201);
            long ew = binomial(rnd, e, 0.12);
            long nw = binomial(rnd, n, 0.05);
            out.addAll(pair(
                    "CHILDREN_BY_YEAR",
                    period,
                    start,
                    start.plusYears(1).minusDays(1),
                    "EXPOSED",
                    "NOT_EXPOSED",
                    "OFFENDING_SHARE",
                    "CHILDREN",
                    e,
                    ew,
                    n,
                    nw));
            pooled[0] += e;
            pooled[1] += ew;
            pooled[2] += n;
            pooled[3] += nw;
        }
        out.addAll(pair(
                "CHILDREN_BY_YEAR",
                "POOLED",
                LocalDate.of(2016, 4, 1),
                LocalDate.of(2019, 3, 31),
                "EXPOSED",
                "NOT_EXPOSED",
                "OFFENDING_SHARE",
                "CHILD_YEARS",
                pooled[0],
                pooled[1],
                pooled[2],
                pooled[3]));
        long[] cohorts = new long[4];
        for (int q = 0; q < 2; q++) {
            LocalDate start = LocalDate.of(2017, 1 + 3 * q, 1);
            LocalDate end = start.plusMonths(3).minusDays(1);
            String period = "2017Q" + (q + 1);
            long offenders = 150L + rnd.nextInt(100);
            long parents = 60L + rnd.nextInt(40);
            long pr = binomial(rnd, parents, 0.3);
            long nr = binomial(rnd, offenders - parents, 0.25);
            out.add(one("OFFENDER_PARENTS", period, start, end, "PARENT_SHARE", "OFFENDERS", offenders, parents));
            out.addAll(pair(
                    "OFFENDER_PARENTS",
                    period,
                    start,
                    end,
                    "PARENT",
                    "NOT_PARENT",
                    "REOFFENDING_RATE",
                    "OFFENDERS",
                    parents,
                    pr,
                    offenders - parents,
                    nr));
            cohorts[0] += parents;
            cohorts[1] += pr;
            cohorts[2] += offenders - parents;
            cohorts[3] += nr;
        }
        LocalDate first = LocalDate.of(2017, 1, 1);
        LocalDate last = LocalDate.of(2017, 6, 30);
        out.add(one(
                "OFFENDER_PARENTS",
                "POOLED",
                first,
                last,
                "PARENT_SHARE",
                "OFFENDER_COHORTS",
                cohorts[0] + cohorts[2],
                cohorts[0]));
        out.addAll(pair(
                "OFFENDER_PARENTS",
                "POOLED",
                first,
                last,
                "PARENT",
                "NOT_PARENT",
                "REOFFENDING_RATE",
                "OFFENDER_COHORTS",
                cohorts[0],
                cohorts[1],
                cohorts[2],
                cohorts[3]));
        out.add(one(
                "TWO_GENERATIONS",
                "ALL",
                null,
                null,
                "TWO_GENERATION_SHARE",
                "FAMILIES",
                120 + rnd.nextInt(50),
                1 + rnd.nextInt(3)));
        return out;
    }

    private static long binomial(Random rnd, long n, double p) {
        long k = 0;
        for (long i = 0; i < n; i++) {
            k += rnd.nextDouble() < p ? 1 : 0;
        }
        return k;
    }

    private static FamilyRow one(
            String set, String period, LocalDate start, LocalDate end, String measure, String unit, long n, long with) {
        double v = (double) with / n;
        return new FamilyRow(
                set,
                period,
                start,
                end,
                "ALL",
                measure,
                unit,
                n,
                with,
                v,
                v * 0.8,
                Math.min(1, v * 1.2),
                null,
                null,
                null,
                null,
                null,
                null,
                "OK");
    }

    /** Both groups of a comparison, TOO_SMALL (no numerators or shares) when either has fewer than 60. */
    private static List<FamilyRow> pair(
            String set,
            String period,
            LocalDate start,
            LocalDate end,
            String group,
            String reference,
            String measure,
            String unit,
            long n,
            long with,
            long refN,
            long refWith) {
        boolean ok = Math.min(n, refN) >= 60;
        double v = (double) with / n;
        double r = (double) refWith / refN;
        double se = Math.sqrt(v * (1 - v) / n + r * (1 - r) / refN);
        FamilyRow g = ok
                ? new FamilyRow(
                        set,
                        period,
                        start,
                        end,
                        group,
                        measure,
                        unit,
                        n,
                        with,
                        v,
                        Math.max(0, v - 0.05),
                        v + 0.05,
                        reference,
                        v - r,
                        v - r - 2 * se,
                        v - r + 2 * se,
                        0.04,
                        v - r - 2 * se > 0 || v - r + 2 * se < 0,
                        "OK")
                : new FamilyRow(
                        set,
                        period,
                        start,
                        end,
                        group,
                        measure,
                        unit,
                        n,
                        null,
                        null,
                        null,
                        null,
                        reference,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "TOO_SMALL");
        FamilyRow ref = ok
                ? new FamilyRow(
                        set,
                        period,
                        start,
                        end,
                        reference,
                        measure,
                        unit,
                        refN,
                        refWith,
                        r,
                        Math.max(0, r - 0.03),
                        r + 0.03,
                        reference,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "OK")
                : new FamilyRow(
                        set,
                        period,
                        start,
                        end,
                        reference,
                        measure,
                        unit,
                        refN,
                        null,
                        null,
                        null,
                        null,
                        reference,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "TOO_SMALL");
        return List.of(g, ref);
    }

    static SourceTable rjActivityTable(List<RjActivityRow> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RjActivityRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("period", r.period());
            m.put("period_start", r.periodStart());
            m.put("period_end", r.periodEnd());
            m.put("measure", r.measure());
            m.put("category", r.category());
            m.put("count", r.count());
            m.put("denominator", r.denominator());
            m.put("value", r.value());
            m.put("ci_low", r.ciLow());
            m.put("ci_high", r.ciHigh());
            m.put("status", r.status());
            m.put("note", null);
            out.add(m);
        }
        return new SourceTable("rj_activity", List.copyOf(out.get(0).keySet()), out);
    }

    static SourceTable familyOffendingTable(List<FamilyRow> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FamilyRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("measure_set", r.measureSet());
            m.put("period", r.period());
            m.put("period_start", r.periodStart());
            m.put("period_end", r.periodEnd());
            m.put("group_name", r.groupName());
            m.put("measure", r.measure());
            m.put("unit", r.unit());
            m.put("denominator", r.denominator());
            m.put("numerator", r.numerator());
            m.put("value", r.value());
            m.put("ci_low", r.ciLow());
            m.put("ci_high", r.ciHigh());
            m.put("status", r.status());
            out.add(m);
        }
        return new SourceTable("family_offending", List.copyOf(out.get(0).keySet()), out);
    }
}
