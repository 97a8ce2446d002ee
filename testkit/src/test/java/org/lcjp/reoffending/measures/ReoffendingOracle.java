package org.lcjp.reoffending.measures;

import static org.lcjp.reoffending.measures.GeneratedExtracts.code;
import static org.lcjp.reoffending.measures.GeneratedExtracts.date;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;

/**
 * Methodology sections 1-4 in plain Java, written apart from the Spark stages, over the current records and the
 * generator's true record -> person map. Gives cells "cohort_start/population/dimension/category" ->
 * [offenders, reoffenders, reoffences] for the ALL, SEX, INDEX_DISPOSAL and PREVIOUS_OFFENCES dimensions.
 */
final class ReoffendingOracle {
    record Offence(
            String person,
            String source,
            String code,
            LocalDate offence,
            LocalDate disposal,
            String disposalCode,
            int level,
            double harm) {}

    record Event(String person, LocalDate date, int level, double harm, String code) {}

    private static final List<String> LEVELS = List.of("CUSTODY", "COURT_ORDER", "OTHER_COURT", "CAUTION");
    private static final Set<String> CAUTIONS =
            Set.of("ADULT_CAUTION", "CONDITIONAL_CAUTION", "YOUTH_CAUTION", "YOUTH_CONDITIONAL_CAUTION");

    static int level(String disposal) {
        return switch (disposal) {
            case "IMMEDIATE_CUSTODY", "DETENTION_AND_TRAINING_ORDER" -> 0;
            case "SUSPENDED_SENTENCE_ORDER", "COMMUNITY_ORDER", "YOUTH_REHABILITATION_ORDER", "REFERRAL_ORDER" -> 1;
            case "ADULT_CAUTION", "CONDITIONAL_CAUTION", "YOUTH_CAUTION", "YOUTH_CONDITIONAL_CAUTION" -> 3;
            default -> 2;
        };
    }

    static Map<String, long[]> cells(
            Map<DatasetId, List<Map<String, String>>> rows,
            Map<String, String> personOf,
            Map<String, String[]> offenceRef) {
        // Section 1: proven offences, breaches out, one offence per key per the largest per-dataset count
        List<Offence> raw = new ArrayList<>();
        String src;
        for (Map<String, String> r : rows.get(Datasets.COURTS_CONVICTIONS)) {
            raw.add(offence(
                    personOf, "courts/convictions", r, r.get("conviction_date"), code(r.get("disposal")), offenceRef));
        }
        for (Map<String, String> r : rows.get(Datasets.POLICE_OUTCOMES)) {
            if (CAUTIONS.contains(code(r.get("outcome_type")))) {
                raw.add(offence(
                        personOf,
                        "police/outcomes",
                        r,
                        r.get("outcome_date"),
                        code(r.get("outcome_type")),
                        offenceRef));
            }
        }
        for (Map<String, String> r : rows.get(Datasets.YOS_OUTCOMES)) {
            if (!"COMMUNITY_RESOLUTION".equals(code(r.get("outcome_type")))) {
                raw.add(offence(
                        personOf, "yos/outcomes", r, r.get("outcome_date"), code(r.get("outcome_type")), offenceRef));
            }
        }
        raw.removeIf(o -> "Y".equals(offenceRef.get(o.code())[1]));
        List<String> priority = List.of("courts/convictions", "police/outcomes", "yos/outcomes");
        List<Offence> proven = new ArrayList<>();
        Map<List<Object>, List<Offence>> byKey = raw.stream()
                .collect(Collectors.groupingBy(o -> List.of(o.person(), o.code(), o.offence(), o.disposal())));
        for (List<Offence> same : byKey.values()) {
            Map<String, List<Offence>> bySource = same.stream().collect(Collectors.groupingBy(Offence::source));
            String best = bySource.keySet().stream()
                    .min(Comparator.<String>comparingInt(s -> -bySource.get(s).size())
                            .thenComparingInt(priority::indexOf))
                    .orElseThrow();
            proven.addAll(bySource.get(best));
        }
        Map<String, List<Offence>> provenOf = proven.stream().collect(Collectors.groupingBy(Offence::person));

        // Attributes: most frequent known value over all records, latest event date breaking ties
        Map<String, Map<String, long[]>> dobVotes = new HashMap<>();
        Map<String, Map<String, long[]>> sexVotes = new HashMap<>();
        rows.forEach((id, list) -> {
            String eventColumn = Datasets.spec(id).eventDateColumn();
            for (Map<String, String> r : list) {
                String person = personOf.get(id.agency() + "/" + id.dataset() + "/" + r.get("record_id"));
                long event = date(r.get(eventColumn)).toEpochDay();
                vote(
                        dobVotes,
                        person,
                        date(r.get("date_of_birth")) == null
                                ? null
                                : date(r.get("date_of_birth")).toString(),
                        event);
                String sex = GeneratedExtracts.sex(r.get("sex"));
                vote(sexVotes, person, "U".equals(sex) ? null : sex, event);
            }
        });

        // Section 2: index candidates
        Set<List<Object>> custodyDays = proven.stream()
                .filter(o -> o.level() == 0)
                .map(o -> List.<Object>of(o.person(), o.disposal()))
                .collect(Collectors.toSet());
        List<Event> candidates = new ArrayList<>();
        for (Offence o : proven) {
            boolean court = o.source().startsWith("courts") && o.level() != 0
                    || o.source().startsWith("yos")
                            && Set.of("REFERRAL_ORDER", "YOUTH_REHABILITATION_ORDER", "FINE", "CONDITIONAL_DISCHARGE")
                                    .contains(o.disposalCode());
            if (court && !custodyDays.contains(List.of(o.person(), o.disposal())) || o.level() == 3) {
                candidates.add(new Event(o.person(), o.disposal(), o.level(), o.harm(), o.code()));
            }
        }
        for (Map<String, String> r : rows.get(Datasets.PRISONS_RELEASES)) {
            if ("SENTENCED".equals(code(r.get("release_type")))) {
                String person = personOf.get("prisons/releases/" + r.get("record_id"));
                LocalDate released = date(r.get("release_date"));
                Offence behind = provenOf.getOrDefault(person, List.of()).stream()
                        .filter(o -> o.level() == 0 && !o.disposal().isAfter(released))
                        .min(Comparator.comparing(Offence::disposal)
                                .reversed()
                                .thenComparing(Comparator.comparingDouble(Offence::harm)
                                        .reversed())
                                .thenComparing(Offence::code))
                        .orElse(null);
                candidates.add(new Event(
                        person,
                        released,
                        0,
                        behind == null ? 0 : behind.harm(),
                        behind == null ? "UNKNOWN" : behind.code()));
            }
        }
        Map<String, Event> index = new HashMap<>();
        for (Event e : candidates) {
            String dob = winner(dobVotes.get(e.person()));
            if (dob == null || Period.between(LocalDate.parse(dob), e.date()).getYears() < 10) {
                continue;
            }
            String key = e.person() + "|" + quarterStart(e.date());
            Event held = index.get(key);
            Comparator<Event> order = Comparator.comparing(Event::date)
                    .thenComparingInt(Event::level)
                    .thenComparing(Comparator.comparingDouble(Event::harm).reversed())
                    .thenComparing(Event::code);
            if (held == null || order.compare(e, held) < 0) {
                index.put(key, e);
            }
        }

        // Sections 3-4
        Map<String, long[]> cells = new TreeMap<>();
        for (Event e : index.values()) {
            List<Offence> theirs = provenOf.getOrDefault(e.person(), List.of());
            long previous =
                    theirs.stream().filter(o -> o.disposal().isBefore(e.date())).count();
            long reoffences = theirs.stream()
                    .filter(o -> o.offence().isAfter(e.date())
                            && !o.offence().isAfter(e.date().plusMonths(12))
                            && !o.disposal().isAfter(e.date().plusMonths(18)))
                    .count();
            int age = Period.between(LocalDate.parse(winner(dobVotes.get(e.person()))), e.date())
                    .getYears();
            String sex = winner(sexVotes.get(e.person()));
            String band = previous == 0
                    ? "0"
                    : previous <= 2 ? "1-2" : previous <= 6 ? "3-6" : previous <= 10 ? "7-10" : "11+";
            for (String population : List.of(age >= 18 ? "ADULT" : "JUVENILE", "ALL")) {
                String prefix = quarterStart(e.date()) + "/" + population + "/";
                for (String cell : List.of(
                        "ALL/ALL",
                        "SEX/" + (sex == null ? "U" : sex),
                        "INDEX_DISPOSAL/" + LEVELS.get(e.level()),
                        "PREVIOUS_OFFENCES/" + band)) {
                    long[] c = cells.computeIfAbsent(prefix + cell, k -> new long[3]);
                    c[0]++;
                    c[1] += reoffences > 0 ? 1 : 0;
                    c[2] += reoffences;
                }
            }
        }
        return cells;
    }

    private static Offence offence(
            Map<String, String> personOf,
            String source,
            Map<String, String> r,
            String disposalDate,
            String disposal,
            Map<String, String[]> ref) {
        String code = code(r.get("offence_code"));
        return new Offence(
                personOf.get(source + "/" + r.get("record_id")),
                source,
                code,
                date(r.get("offence_date")),
                date(disposalDate),
                disposal,
                level(disposal),
                Double.parseDouble(ref.get(code)[2]));
    }

    /** votes: value -> [records, latest event day]. */
    private static void vote(Map<String, Map<String, long[]>> votes, String person, String value, long event) {
        if (value == null) {
            return;
        }
        long[] v = votes.computeIfAbsent(person, k -> new HashMap<>())
                .computeIfAbsent(value, k -> new long[] {0, Long.MIN_VALUE});
        v[0]++;
        v[1] = Math.max(v[1], event);
    }

    private static String winner(Map<String, long[]> votes) {
        if (votes == null) {
            return null;
        }
        return votes.entrySet().stream()
                .max(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> e.getValue()[0])
                        .thenComparingLong(e -> e.getValue()[1])
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    static LocalDate quarterStart(LocalDate d) {
        return LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
    }
}
