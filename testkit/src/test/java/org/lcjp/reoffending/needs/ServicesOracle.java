package org.lcjp.reoffending.needs;

import static org.lcjp.reoffending.measures.GeneratedExtracts.code;
import static org.lcjp.reoffending.measures.GeneratedExtracts.date;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.measures.FinancialYear;
import org.lcjp.reoffending.measures.GeneratedExtracts;

/**
 * Methodology.md section 10 in plain Java, written apart from the Spark stages, over the current records of a generated
 * input and the generator's true record -> person map: needs and gaps, IOM reach and Checkpoint activity.
 */
final class ServicesOracle {
    /** An index event as the measures give it. */
    record Event(String person, LocalDate date, String area, String sex) {}

    private record Dated(LocalDate date, String key, Map<String, String> row) {}

    private final TruthLinkedInput in;
    private final Map<String, String> areaOf = new HashMap<>();
    private final Set<String> breaches = new HashSet<>();

    ServicesOracle(TruthLinkedInput in) throws Exception {
        this.in = in;
        for (CSVRecord r : TruthLinkedInput.csv(TruthLinkedInput.REFERENCE.resolve("areas.csv"))) {
            areaOf.put(
                    r.get("postcode_district").trim().toUpperCase(Locale.ROOT),
                    r.get("local_authority").trim());
        }
        for (CSVRecord r : TruthLinkedInput.csv(TruthLinkedInput.REFERENCE.resolve("offences.csv"))) {
            if ("Y".equals(r.get("is_breach").trim())) {
                breaches.add(r.get("offence_code").trim().toUpperCase(Locale.ROOT));
            }
        }
    }

    private Map<String, List<Dated>> byPerson(DatasetId id, String dateColumn) {
        Map<String, List<Dated>> m = new HashMap<>();
        for (Map<String, String> r : in.rows.get(id)) {
            m.computeIfAbsent(in.person(id, r), k -> new ArrayList<>())
                    .add(new Dated(date(r.get(dateColumn)), r.get("record_id"), r));
        }
        return m;
    }

    /** The latest of the rows dated from..to (both included), the greater record id breaking a tie. */
    private static Dated latest(List<Dated> rows, LocalDate from, LocalDate to) {
        return rows == null
                ? null
                : rows.stream()
                        .filter(d -> !d.date().isBefore(from) && !d.date().isAfter(to))
                        .max(Comparator.comparing(Dated::date).thenComparing(Dated::key))
                        .orElse(null);
    }

    /** A spell (start_date, else referral_date, to end_date) active at some time from..to. */
    private static boolean active(Map<String, String> r, LocalDate from, LocalDate to) {
        LocalDate start = date(r.get("start_date") != null ? r.get("start_date") : r.get("referral_date"));
        LocalDate end = date(r.get("end_date"));
        return !start.isAfter(to) && (end == null || !end.isBefore(from));
    }

    /**
     * "FY2019-20/area/sex/NEED" -> {people assessed, with the need, with it and no service (gap needs)}, finest cells;
     * and "POOLED/area/sex/NEED" over the years up to the last final one, each person at their latest.
     */
    Map<String, long[]> gaps(List<Event> events, String lastFinalYear) {
        Map<String, List<Dated>> assessments = byPerson(Datasets.PROBATION_ASSESSMENTS, "assessment_date");
        Map<String, List<Dated>> substance = byPerson(Datasets.SUBSTANCE_TREATMENT, "referral_date");
        Map<String, List<Dated>> housing = byPerson(Datasets.HOUSING_SUPPORT, "referral_date");
        Map<String, Event> first = new HashMap<>();
        Map<String, Dated> theirs = new HashMap<>();
        for (Event e : events) {
            Dated a = latest(assessments.get(e.person()), e.date().minusMonths(12), e.date());
            String key = e.person() + "|" + FinancialYear.of(e.date()).label();
            if (a != null
                    && (first.get(key) == null
                            || e.date().isBefore(first.get(key).date()))) {
                first.put(key, e);
                theirs.put(key, a);
            }
        }
        Map<String, String> pooled = new HashMap<>();
        first.forEach((key, e) -> {
            String person = e.person();
            String year = FinancialYear.of(e.date()).label();
            if (year.compareTo(lastFinalYear) <= 0
                    && (pooled.get(person) == null
                            || year.compareTo(FinancialYear.of(first.get(pooled.get(person))
                                                    .date())
                                            .label())
                                    > 0)) {
                pooled.put(person, key);
            }
        });
        Map<String, long[]> cells = new TreeMap<>();
        first.forEach((key, e) -> count(
                cells, FinancialYear.of(e.date()).label(), e, theirs.get(key).row(), substance, housing));
        pooled.values()
                .forEach(key -> count(
                        cells,
                        ProvisionGaps.POOLED,
                        first.get(key),
                        theirs.get(key).row(),
                        substance,
                        housing));
        return cells;
    }

    private static void count(
            Map<String, long[]> cells,
            String period,
            Event e,
            Map<String, String> a,
            Map<String, List<Dated>> substance,
            Map<String, List<Dated>> housing) {
        String cell = period + "/" + e.area() + "/" + e.sex() + "/";
        for (String need : ProvisionGaps.NEEDS) {
            boolean has = need.equals(ProvisionGaps.DRUGS_OR_ALCOHOL)
                    ? "Y".equals(code(a.get("drugs"))) || "Y".equals(code(a.get("alcohol")))
                    : "Y".equals(code(a.get(need.toLowerCase(Locale.ROOT))));
            long[] c = cells.computeIfAbsent(cell + need, k -> new long[3]);
            c[0]++;
            boolean gap = ProvisionGaps.SERVICES.containsKey(need);
            if (has) {
                c[1]++;
                List<Dated> spells =
                        (need.equals(ProvisionGaps.DRUGS_OR_ALCOHOL) ? substance : housing).get(e.person());
                boolean met = spells != null
                        && spells.stream()
                                .anyMatch(s -> active(
                                        s.row(),
                                        e.date().minusMonths(12),
                                        e.date().plusMonths(3)));
                c[2] += gap && !met ? 1 : 0;
            }
        }
    }

    /** Proven offences (methodology section 1) as person -> disposal dates. */
    private Map<String, List<LocalDate>> provenDisposals() {
        record Offence(String person, String source, String code, LocalDate offence, LocalDate disposal) {}
        List<Offence> raw = new ArrayList<>();
        Set<String> cautions =
                Set.of("ADULT_CAUTION", "CONDITIONAL_CAUTION", "YOUTH_CAUTION", "YOUTH_CONDITIONAL_CAUTION");
        for (Map<String, String> r : in.rows.get(Datasets.COURTS_CONVICTIONS)) {
            raw.add(new Offence(
                    in.person(Datasets.COURTS_CONVICTIONS, r),
                    "C",
                    code(r.get("offence_code")),
                    date(r.get("offence_date")),
                    date(r.get("conviction_date"))));
        }
        for (Map<String, String> r : in.rows.get(Datasets.POLICE_OUTCOMES)) {
            if (cautions.contains(code(r.get("outcome_type")))) {
                raw.add(new Offence(
                        in.person(Datasets.POLICE_OUTCOMES, r),
                        "P",
                        code(r.get("offence_code")),
                        date(r.get("offence_date")),
                        date(r.get("outcome_date"))));
            }
        }
        for (Map<String, String> r : in.rows.get(Datasets.YOS_OUTCOMES)) {
            if (!"COMMUNITY_RESOLUTION".equals(code(r.get("outcome_type")))) {
                raw.add(new Offence(
                        in.person(Datasets.YOS_OUTCOMES, r),
                        "Y",
                        code(r.get("offence_code")),
                        date(r.get("offence_date")),
                        date(r.get("outcome_date"))));
            }
        }
        Map<String, List<LocalDate>> out = new HashMap<>();
        raw.stream()
                .filter(o -> !breaches.contains(o.code()))
                .collect(Collectors.groupingBy(o -> List.of(o.person(), o.code(), o.offence(), o.disposal())))
                .forEach((key, same) -> {
                    long n = same.stream()
                            .collect(Collectors.groupingBy(Offence::source, Collectors.counting()))
                            .values()
                            .stream()
                            .mapToLong(Long::longValue)
                            .max()
                            .orElse(0);
                    for (long i = 0; i < n; i++) {
                        out.computeIfAbsent(same.get(0).person(), k -> new ArrayList<>())
                                .add(same.get(0).disposal());
                    }
                });
        return out;
    }

    /** The local authority of the postcode district of the person's latest record dated up to the date, else latest. */
    private String areaOn(List<String[]> records, LocalDate date) {
        if (records == null) {
            return "UNKNOWN";
        }
        String[] best = records.stream()
                .filter(r -> !LocalDate.parse(r[0]).isAfter(date))
                .max(Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[1]))
                .orElse(null);
        if (best == null) {
            best = records.stream()
                    .max(Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[2]))
                    .orElseThrow();
        }
        return areaOf.getOrDefault(best[3], "OUT_OF_AREA");
    }

    /** "FY2019-20/ROUTE/area" and "FY2019-20/ROUTE/ALL" -> {highest-risk adults, on IOM}. */
    Map<String, long[]> iomReach(double prolificShare) {
        // person -> records with a postcode: {event date, agency/dataset/record_id, record_id, district}
        Map<String, List<String[]>> records = new HashMap<>();
        in.rows.forEach((id, list) -> {
            for (Map<String, String> r : list) {
                String district = GeneratedExtracts.district(r.get("postcode"));
                if (district != null) {
                    records.computeIfAbsent(in.person(id, r), k -> new ArrayList<>())
                            .add(new String[] {
                                date(r.get(Datasets.spec(id).eventDateColumn())).toString(),
                                id.path() + "/" + r.get("record_id"),
                                r.get("record_id"),
                                district
                            });
                }
            }
        });
        Map<String, List<Dated>> assessments = byPerson(Datasets.PROBATION_ASSESSMENTS, "assessment_date");
        Map<String, List<Dated>> supervision = byPerson(Datasets.PROBATION_SUPERVISION, "start_date");
        Map<String, List<Dated>> iom = byPerson(Datasets.IOM_COHORT, "adopted_date");
        Map<String, List<LocalDate>> proven = provenDisposals();
        LocalDate firstAdoption = iom.values().stream()
                .flatMap(List::stream)
                .map(Dated::date)
                .min(LocalDate::compareTo)
                .orElseThrow();
        Set<String> high = Set.of("HIGH", "VERY_HIGH");
        Map<String, long[]> out = new TreeMap<>();
        for (FinancialYear y = FinancialYear.of(firstAdoption); !y.start().isAfter(in.asOf); y = y.next()) {
            FinancialYear year = y;
            Map<String, Set<String>> routes = new HashMap<>();
            for (String person : in.dateOfBirth.keySet()) {
                if (Period.between(in.dateOfBirth.get(person), year.start()).getYears() < 18) {
                    continue;
                }
                Dated a = latest(assessments.get(person), year.start().minusMonths(12), year.end());
                if (a != null && high.contains(String.valueOf(code(a.row().get("reoffending_risk"))))) {
                    routes.computeIfAbsent(IomReach.ASSESSED_RISK, k -> new HashSet<>())
                            .add(person);
                }
                if (supervision.getOrDefault(person, List.of()).stream()
                        .anyMatch(s -> high.contains(String.valueOf(code(s.row().get("rosh"))))
                                && active(s.row(), year.start(), year.end()))) {
                    routes.computeIfAbsent(IomReach.ROSH, k -> new HashSet<>()).add(person);
                }
            }
            Map<String, Long> offences = new HashMap<>();
            proven.forEach((person, dates) -> {
                long n = dates.stream()
                        .filter(d -> !d.isBefore(year.start().minusMonths(12)) && d.isBefore(year.start()))
                        .count();
                if (n > 0
                        && in.dateOfBirth.containsKey(person)
                        && Period.between(in.dateOfBirth.get(person), year.start())
                                        .getYears()
                                >= 18) {
                    offences.put(person, n);
                }
            });
            List<Long> sorted =
                    offences.values().stream().sorted(Comparator.reverseOrder()).toList();
            if (!sorted.isEmpty()) {
                long cut = sorted.get((int) Math.ceil(sorted.size() * prolificShare) - 1);
                offences.forEach((person, n) -> {
                    if (n >= cut) {
                        routes.computeIfAbsent(IomReach.PROLIFIC, k -> new HashSet<>())
                                .add(person);
                    }
                });
            }
            Set<String> any = routes.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
            routes.put(IomReach.ANY, any);
            routes.forEach((route, people) -> people.forEach(person -> {
                boolean onIom = iom.getOrDefault(person, List.of()).stream()
                        .anyMatch(r -> !date(r.row().get("adopted_date")).isAfter(year.end())
                                && (r.row().get("exit_date") == null
                                        || !date(r.row().get("exit_date")).isBefore(year.start())));
                for (String area : List.of(areaOn(records.get(person), year.end()), "ALL")) {
                    long[] c = out.computeIfAbsent(year.label() + "/" + route + "/" + area, k -> new long[2]);
                    c[0]++;
                    c[1] += onIom ? 1 : 0;
                }
            }));
        }
        return out;
    }

    /** "2019-20" -> {referrals, people, eligible, diverted, prosecuted, contracts ended, completed, open}. */
    Map<String, long[]> checkpoint() {
        Map<String, long[]> out = new TreeMap<>();
        Map<String, Set<String>> people = new HashMap<>();
        for (Map<String, String> r : in.rows.get(Datasets.CHECKPOINT_REFERRALS)) {
            String year = FinancialYear.of(date(r.get("decision_date"))).label();
            long[] c = out.computeIfAbsent(year, k -> new long[8]);
            people.computeIfAbsent(year, k -> new HashSet<>()).add(in.person(Datasets.CHECKPOINT_REFERRALS, r));
            boolean diverted = "DIVERTED".equals(code(r.get("decision")));
            boolean ended =
                    diverted && Set.of("COMPLETED", "FAILED").contains(String.valueOf(code(r.get("completion"))));
            c[0]++;
            c[2] += "Y".equals(code(r.get("eligible"))) ? 1 : 0;
            c[3] += diverted ? 1 : 0;
            c[4] += "PROSECUTED".equals(code(r.get("decision"))) ? 1 : 0;
            c[5] += ended ? 1 : 0;
            c[6] += ended && "COMPLETED".equals(code(r.get("completion"))) ? 1 : 0;
            c[7] += diverted && !ended ? 1 : 0;
        }
        people.forEach((year, who) -> out.get(year)[1] = who.size());
        return out;
    }
}
