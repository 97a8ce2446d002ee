package org.lcjp.reoffending.reports.pack;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.lcjp.reoffending.reports.pack.PackData.BalanceRow;
import org.lcjp.reoffending.reports.pack.PackData.ComparisonRow;
import org.lcjp.reoffending.reports.pack.PackData.CrossTabRow;
import org.lcjp.reoffending.reports.pack.PackData.DataQualityRow;
import org.lcjp.reoffending.reports.pack.PackData.IomRow;
import org.lcjp.reoffending.reports.pack.PackData.LinkageQualityRow;
import org.lcjp.reoffending.reports.pack.PackData.ReoffendingRow;
import org.lcjp.reoffending.reports.performance.PerformanceFramework;
import org.lcjp.reoffending.reports.performance.PerformanceRow;
import org.lcjp.reoffending.reports.performance.SourceTable;
import org.lcjp.reoffending.reports.performance.Targets;

/**
 * Pack data made from simulated index events, aggregated the way proven_reoffending is (every dimension of every
 * population of every quarterly cohort, and the cross-tabulations), so all the pack's totals tie up exactly as in a
 * real run. Seeded; small cohorts give many small cells.
 */
public final class PackFixtures {
    public static final Path LABELS = Path.of("../conf/labels.yaml");
    public static final Path TARGETS = Path.of("../conf/targets.yaml");
    static final LocalDate FIRST = LocalDate.of(2016, 4, 1);
    private static final Labels LABELS_LOADED = Labels.load(LABELS);
    private static final List<org.lcjp.reoffending.reports.performance.Target> TARGETS_LOADED = Targets.load(TARGETS);

    /** One simulated index event. */
    record Event(LocalDate cohort, String population, Map<String, String> categories, int reoffences, double harm) {}

    private static final String[] SEX = {"M", "M", "M", "F", "U"};
    private static final String[] ETHNICITY = {"WHITE", "WHITE", "WHITE", "ASIAN", "BLACK", "MIXED", "OTHER", "UNKNOWN"
    };
    private static final String[] GROUPS = {
        "Theft offences", "Violence against the person", "Drug offences", "Public order offences", "Summary motoring"
    };
    private static final String[] PREVIOUS = {"0", "1-2", "3-6", "7-10", "11+"};
    private static final String[] DISPOSALS = {"CUSTODY", "COURT_ORDER", "OTHER_COURT", "CAUTION"};
    private static final String[] SENTENCES = {"0-6M", "6-12M", "12-48M", "48M+"};
    private static final String[][] AREAS = {
        {"County Durham", "DURHAM"},
        {"Darlington", "DURHAM"},
        {"Hartlepool", "CLEVELAND"},
        {"Middlesbrough", "CLEVELAND"},
        {"Stockton-on-Tees", "CLEVELAND"},
        {"UNKNOWN", "UNKNOWN"},
        {"OUT_OF_AREA", "OUT_OF_AREA"}
    };

    private PackFixtures() {}

    /** The usual fixture: twelve final quarters (three financial years) and two provisional, 40-90 people a quarter. */
    public static PackData full() {
        return generated(new Random(42), 40, 90, 5);
    }

    /**
     * Simulated pack data: quarters from April 2016, {@code minPeople..maxPeople} index events a quarter, twelve
     * final quarters and two provisional ones; comparisons per financial year and pooled.
     */
    public static PackData generated(Random rnd, int minPeople, int maxPeople, int threshold) {
        List<Event> events = new ArrayList<>();
        int quarters = 14;
        for (int q = 0; q < quarters; q++) {
            LocalDate cohort = FIRST.plusMonths(3L * q);
            int n = minPeople + rnd.nextInt(maxPeople - minPeople + 1);
            for (int i = 0; i < n; i++) {
                events.add(event(rnd, cohort));
            }
        }
        LocalDate asOf = FIRST.plusMonths(3L * 12).plusMonths(18).plusDays(20);
        List<ReoffendingRow> reoffending = aggregate(events, asOf);
        List<CrossTabRow> cross = crossTabs(events);
        List<ComparisonRow> comparisons = comparisons(rnd);
        List<IomRow> iom = List.of(
                new IomRow(
                        "IOM",
                        "PROVEN_OFFENCES",
                        80L,
                        320.0,
                        200.0,
                        4.0,
                        2.5,
                        -1.5,
                        -2.0,
                        -1.0,
                        -0.6,
                        -1.1,
                        -0.1,
                        0.02,
                        "OK",
                        "matched 78 of 80"),
                new IomRow(
                        "COMPARISON",
                        "PROVEN_OFFENCES",
                        80L,
                        300.0,
                        228.0,
                        3.75,
                        2.85,
                        -0.9,
                        -1.3,
                        -0.5,
                        null,
                        null,
                        null,
                        null,
                        "OK",
                        ""),
                new IomRow(
                        "IOM",
                        "HARM_DAYS",
                        80L,
                        9000.0,
                        6000.0,
                        112.5,
                        75.0,
                        -37.5,
                        -50.0,
                        -25.0,
                        -10.0,
                        -20.0,
                        0.0,
                        0.05,
                        "OK",
                        ""),
                new IomRow(
                        "COMPARISON",
                        "HARM_DAYS",
                        3L,
                        200.0,
                        150.0,
                        66.7,
                        50.0,
                        -16.7,
                        -40.0,
                        5.0,
                        null,
                        null,
                        null,
                        null,
                        "TOO_SMALL",
                        "fewer than 60 (3)"));
        List<DataQualityRow> dq = List.of(
                new DataQualityRow(
                        "police/outcomes/outcomes_20190301.csv",
                        "police",
                        "outcomes",
                        LocalDate.of(2019, 3, 1),
                        1000,
                        997,
                        3,
                        10,
                        2,
                        1,
                        7,
                        Map.of("BAD_DATE", 2L, "UNKNOWN_OFFENCE_CODE", 1L),
                        "READ"),
                new DataQualityRow(
                        "=cmd|'/c calc'!A1.csv",
                        "courts",
                        "convictions",
                        LocalDate.of(2019, 3, 15),
                        500,
                        480,
                        20,
                        0,
                        0,
                        1,
                        0,
                        Map.of("BAD_DATE", 20L),
                        "READ"),
                new DataQualityRow(
                        "-rows.csv",
                        "yos",
                        "outcomes",
                        LocalDate.of(2019, 2, 15),
                        4,
                        4,
                        0,
                        0,
                        0,
                        0,
                        0,
                        Map.of(),
                        "READ"));
        Map<String, LocalDate> latest = new LinkedHashMap<>();
        dq.forEach(f -> latest.merge(f.agency(), f.extractDate(), (a, b) -> a.isAfter(b) ? a : b));
        PackData base = new PackData(
                asOf,
                "run-test",
                "Proven reoffending: test partnership",
                "Test team, test@example.org",
                threshold,
                30,
                18,
                LABELS_LOADED,
                latest,
                reoffending,
                Optional.of(cross),
                Optional.of(dq),
                Optional.of(List.of(
                        new LinkageQualityRow("SHARE_LINKED_TO_POLICE_OR_COURT", "police/outcomes", 0.98),
                        new LinkageQualityRow("CLUSTER_SIZE", "7", 3.0),
                        new LinkageQualityRow("PAIRS_SCORED", "ALL", 3.0))),
                Optional.of(comparisons),
                Optional.of(List.of(
                        new BalanceRow("DIVERSION", "age", 24.0, 29.0, 24.5, -0.45, -0.04, false),
                        new BalanceRow("RJ", "previous_offences", 2.0, 4.5, 2.1, -0.6, -0.03, false))),
                Optional.of(iom),
                Optional.empty(),
                Optional.of(List.of(
                        new PackData.LinkageSensitivityRow(
                                0.80,
                                false,
                                990,
                                40,
                                "ADULT",
                                LocalDate.of(2018, 1, 1),
                                LocalDate.of(2018, 3, 31),
                                400L,
                                120L,
                                0.30,
                                0.02,
                                true),
                        new PackData.LinkageSensitivityRow(
                                0.95,
                                true,
                                1000,
                                0,
                                "ADULT",
                                LocalDate.of(2018, 1, 1),
                                LocalDate.of(2018, 3, 31),
                                400L,
                                112L,
                                0.28,
                                0.0,
                                false))),
                Optional.of(ServiceFixtures.rjActivity(rnd)),
                Optional.of(ServiceFixtures.familyOffending(rnd)),
                PackData.ServiceTables.NONE);
        return withPerformance(base).withServices(services(new Random(rnd.nextLong()), minPeople, maxPeople));
    }

    /**
     * Needs and gaps, IOM reach and Checkpoint activity for three final years and one provisional, each local
     * authority and sex a fine cell (small ones included), the ALL rows their sums as the services stage writes them.
     */
    static PackData.ServiceTables services(Random rnd, int minPeople, int maxPeople) {
        List<PackData.NeedsRow> needs = new ArrayList<>();
        List<PackData.ReachRow> reach = new ArrayList<>();
        List<PackData.CheckpointRow> checkpoint = new ArrayList<>();
        int span = Math.max(1, (maxPeople - minPeople) / 4);
        for (int y = 2016; y <= 2019; y++) {
            String period = "FY" + y + "-" + String.format("%02d", (y + 1) % 100);
            LocalDate start = LocalDate.of(y, 4, 1);
            LocalDate end = start.plusYears(1).minusDays(1);
            String status = y < 2019 ? "FINAL" : "PROVISIONAL";
            for (String need : List.of("DRUGS_OR_ALCOHOL", "ACCOMMODATION")) {
                String service = need.equals("ACCOMMODATION") ? "housing/support" : "substance/treatment";
                Map<List<String>, long[]> cells = new LinkedHashMap<>();
                for (String[] area : AREAS) {
                    for (String sex : List.of("F", "M", "U")) {
                        long assessed = rnd.nextInt(span + 1) + (sex.equals("U") ? 0L : minPeople / 4);
                        long with = assessed == 0 ? 0 : rnd.nextInt((int) assessed + 1);
                        long without = with == 0 ? 0 : rnd.nextInt((int) with + 1);
                        for (String a : List.of(area[0], "ALL")) {
                            for (String x : List.of(sex, "ALL")) {
                                long[] c = cells.computeIfAbsent(List.of(a, x), k -> new long[3]);
                                c[0] += assessed;
                                c[1] += with;
                                c[2] += without;
                            }
                        }
                    }
                }
                cells.forEach((k, c) -> {
                    if (c[0] > 0) {
                        needs.add(new PackData.NeedsRow(
                                period,
                                start,
                                end,
                                k.get(0),
                                k.get(1),
                                need,
                                service,
                                c[0],
                                c[1],
                                (double) c[1] / c[0],
                                c[2],
                                c[1] == 0 ? null : (double) c[2] / c[1],
                                c[1] == 0 ? null : 0.0,
                                c[1] == 0 ? null : 1.0,
                                status));
                    }
                });
            }
            for (String route : List.of("ANY", "ASSESSED_RISK", "ROSH", "PROLIFIC")) {
                long allAdults = 0;
                long allOn = 0;
                for (String[] area : AREAS) {
                    long adults = rnd.nextInt(span + 1);
                    long on = adults == 0 ? 0 : rnd.nextInt((int) adults + 1);
                    allAdults += adults;
                    allOn += on;
                    if (adults > 0) {
                        reach.add(new PackData.ReachRow(
                                period,
                                start,
                                end,
                                route,
                                area[0],
                                adults,
                                on,
                                (double) on / adults,
                                0.0,
                                1.0,
                                status));
                    }
                }
                reach.add(new PackData.ReachRow(
                        period,
                        start,
                        end,
                        route,
                        "ALL",
                        allAdults,
                        allOn,
                        allAdults == 0 ? null : (double) allOn / allAdults,
                        0.0,
                        1.0,
                        status));
            }
            long diverted = (long) rnd.nextInt(span + 1) + minPeople / 2;
            long prosecuted = rnd.nextInt(span + 1);
            long ended = diverted == 0 ? 0 : rnd.nextInt((int) diverted + 1);
            long completed = ended == 0 ? 0 : rnd.nextInt((int) ended + 1);
            checkpoint.add(new PackData.CheckpointRow(
                    period,
                    start,
                    end,
                    diverted + prosecuted,
                    diverted + prosecuted,
                    Math.max(0, diverted + prosecuted - rnd.nextInt(2)),
                    diverted,
                    prosecuted,
                    ended,
                    completed,
                    diverted - ended,
                    ended == 0 ? null : (double) completed / ended,
                    0.0,
                    1.0,
                    90.0,
                    status));
        }
        return new PackData.ServiceTables(Optional.of(needs), Optional.of(reach), Optional.of(checkpoint));
    }

    /** The pack data with the performance table computed from its own tables against conf/targets.yaml. */
    public static PackData withPerformance(PackData d) {
        Map<String, SourceTable> sources = new LinkedHashMap<>();
        sources.put("proven_reoffending", provenReoffendingTable(d.provenReoffending()));
        d.rjActivity().ifPresent(rows -> sources.put("rj_activity", ServiceFixtures.rjActivityTable(rows)));
        d.familyOffending()
                .ifPresent(rows -> sources.put("family_offending", ServiceFixtures.familyOffendingTable(rows)));
        List<PerformanceRow> perf = PerformanceFramework.compute(TARGETS_LOADED, sources);
        return new PackData(
                d.asOf(),
                d.runId(),
                d.title(),
                d.contact(),
                d.threshold(),
                d.lowReliabilityBelow(),
                d.finalAfterMonths(),
                d.labels(),
                d.latestExtracts(),
                d.provenReoffending(),
                d.crossTabs(),
                d.dataQuality(),
                d.linkageQuality(),
                d.comparisons(),
                d.balance(),
                d.iomPrePost(),
                Optional.of(perf),
                d.linkageSensitivity(),
                d.rjActivity(),
                d.familyOffending(),
                d.services());
    }

    static SourceTable provenReoffendingTable(List<ReoffendingRow> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReoffendingRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cohort_start", r.cohortStart());
            m.put("cohort_end", r.cohortEnd());
            m.put("population", r.population());
            m.put("dimension", r.dimension());
            m.put("category", r.category());
            m.put("offenders", r.offenders());
            m.put("reoffenders", r.reoffenders());
            m.put("reoffences", r.reoffences());
            m.put("reoffending_rate", r.offenders() == 0 ? null : (double) r.reoffenders() / r.offenders());
            m.put("reoffences_per_offender", r.offenders() == 0 ? null : (double) r.reoffences() / r.offenders());
            m.put("harm_days", r.harmDays());
            m.put("months_observed", r.monthsObserved());
            m.put("status", r.status());
            out.add(m);
        }
        return new SourceTable(
                "proven_reoffending",
                List.of(
                        "cohort_start",
                        "cohort_end",
                        "population",
                        "dimension",
                        "category",
                        "offenders",
                        "reoffenders",
                        "reoffences",
                        "reoffending_rate",
                        "reoffences_per_offender",
                        "harm_days",
                        "months_observed",
                        "status"),
                out);
    }

    private static Event event(Random rnd, LocalDate cohort) {
        boolean adult = rnd.nextDouble() < 0.8;
        Map<String, String> c = new LinkedHashMap<>();
        c.put("SEX", SEX[rnd.nextInt(SEX.length)]);
        c.put(
                "AGE_BAND",
                adult
                        ? new String[] {"18-20", "21-24", "25-29", "30-34", "35-39", "40-49", "50+"}[rnd.nextInt(7)]
                        : new String[] {"10-14", "15-17"}[rnd.nextInt(2)]);
        c.put("ETHNICITY", ETHNICITY[rnd.nextInt(ETHNICITY.length)]);
        c.put("OFFENCE_GROUP", GROUPS[rnd.nextInt(GROUPS.length)]);
        c.put("PREVIOUS_OFFENCES", PREVIOUS[rnd.nextInt(PREVIOUS.length)]);
        String disposal = DISPOSALS[rnd.nextInt(DISPOSALS.length)];
        c.put("INDEX_DISPOSAL", disposal);
        if (disposal.equals("CUSTODY")) {
            c.put("SENTENCE_LENGTH", SENTENCES[rnd.nextInt(SENTENCES.length)]);
        }
        String[] area = AREAS[rnd.nextInt(AREAS.length)];
        c.put("LOCAL_AUTHORITY", area[0]);
        c.put("FORCE_AREA", area[1]);
        int reoffences = rnd.nextDouble() < 0.7 ? 0 : 1 + rnd.nextInt(4);
        return new Event(cohort, adult ? "ADULT" : "JUVENILE", c, reoffences, reoffences * (10 + rnd.nextInt(200)));
    }

    static List<ReoffendingRow> aggregate(List<Event> events, LocalDate asOf) {
        Map<List<Object>, double[]> cells = new LinkedHashMap<>();
        for (Event e : events) {
            for (String population : List.of("ALL", e.population())) {
                add(cells, List.of(e.cohort(), population, "ALL", "ALL"), e);
                e.categories().forEach((d, c) -> add(cells, List.of(e.cohort(), population, d, c), e));
            }
        }
        List<ReoffendingRow> rows = new ArrayList<>();
        cells.forEach((k, v) -> {
            LocalDate start = (LocalDate) k.get(0);
            LocalDate end = start.plusMonths(3).minusDays(1);
            boolean fin = !end.plusMonths(18).isAfter(asOf);
            int months = (int) Math.min(18, java.time.temporal.ChronoUnit.MONTHS.between(end, asOf));
            rows.add(new ReoffendingRow(
                    start,
                    end,
                    (String) k.get(1),
                    (String) k.get(2),
                    (String) k.get(3),
                    (long) v[0],
                    (long) v[1],
                    (long) v[2],
                    v[3],
                    months,
                    fin ? "FINAL" : "PROVISIONAL",
                    fin ? null : "FOLLOW_UP_NOT_ELAPSED"));
        });
        return rows;
    }

    private static void add(Map<List<Object>, double[]> cells, List<Object> key, Event e) {
        double[] v = cells.computeIfAbsent(key, k -> new double[4]);
        v[0]++;
        v[1] += e.reoffences() > 0 ? 1 : 0;
        v[2] += e.reoffences();
        v[3] += e.harm();
    }

    static List<CrossTabRow> crossTabs(List<Event> events) {
        Map<List<Object>, long[]> cells = new LinkedHashMap<>();
        for (Event e : events) {
            for (String d : List.of("SEX", "AGE_BAND")) {
                long[] v = cells.computeIfAbsent(
                        List.of(
                                e.cohort(),
                                e.categories().get("LOCAL_AUTHORITY"),
                                d,
                                e.categories().get(d)),
                        k -> new long[3]);
                v[0]++;
                v[1] += e.reoffences() > 0 ? 1 : 0;
                v[2] += e.reoffences();
            }
        }
        List<CrossTabRow> rows = new ArrayList<>();
        cells.forEach((k, v) -> {
            LocalDate start = (LocalDate) k.get(0);
            rows.add(new CrossTabRow(
                    start,
                    start.plusMonths(3).minusDays(1),
                    "LOCAL_AUTHORITY",
                    (String) k.get(1),
                    (String) k.get(2),
                    (String) k.get(3),
                    v[0],
                    v[1],
                    v[2]));
        });
        return rows;
    }

    /** Checkpoint and women/men rows per financial year and pooled, years adding up to the pooled row. */
    static List<ComparisonRow> comparisons(Random rnd) {
        List<ComparisonRow> rows = new ArrayList<>();
        String[][] comparisons = {
            {"DIVERSION", "DIVERTED", "PROSECUTED"}, {"SEX", "F", "M"}, {"RJ", "COMPLETED", "NOT_REFERRED"}
        };
        for (String[] c : comparisons) {
            for (String method : c[0].equals("SEX") ? List.of("OBSERVED") : List.of("OBSERVED", "MATCHED")) {
                long[] pooled = new long[4];
                for (String year : List.of("2016-17", "2017-18", "2018-19")) {
                    long treated = rnd.nextInt(90);
                    long treatedRe = treated == 0 ? 0 : rnd.nextInt((int) treated + 1);
                    long reference = 5L + rnd.nextInt(200);
                    long referenceRe = rnd.nextInt((int) reference + 1);
                    pooled[0] += treated;
                    pooled[1] += treatedRe;
                    pooled[2] += reference;
                    pooled[3] += referenceRe;
                    rows.addAll(pair(c, method, year, treated, treatedRe, reference, referenceRe));
                }
                rows.addAll(pair(c, method, "POOLED", pooled[0], pooled[1], pooled[2], pooled[3]));
            }
        }
        return rows;
    }

    private static List<ComparisonRow> pair(
            String[] c, String method, String period, long treated, long treatedRe, long reference, long referenceRe) {
        boolean ok = treated >= 60 && reference >= 60;
        Double p1 = treated == 0 ? null : (double) treatedRe / treated;
        Double p0 = (double) referenceRe / reference;
        Double d = p1 == null ? null : p1 - p0;
        return List.of(
                new ComparisonRow(
                        c[0],
                        period,
                        null,
                        null,
                        method,
                        c[1],
                        "ALL",
                        "REOFFENDING_RATE",
                        treated,
                        ok ? p1 : null,
                        ok ? p1 - 0.05 : null,
                        ok ? p1 + 0.05 : null,
                        c[2],
                        ok ? d : null,
                        ok ? d - 0.08 : null,
                        ok ? d + 0.08 : null,
                        ok ? 0.2 : null,
                        ok ? false : null,
                        ok ? 900L : null,
                        ok ? "OK" : "TOO_SMALL",
                        ok ? "" : "fewer than 60 people (" + c[1] + " " + treated + ")"),
                new ComparisonRow(
                        c[0],
                        period,
                        null,
                        null,
                        method,
                        c[2],
                        "ALL",
                        "REOFFENDING_RATE",
                        reference,
                        ok ? p0 : null,
                        ok ? p0 - 0.04 : null,
                        ok ? p0 + 0.04 : null,
                        c[2],
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        ok ? "OK" : "TOO_SMALL",
                        ""));
    }
}
