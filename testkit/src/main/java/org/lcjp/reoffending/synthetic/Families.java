package org.lcjp.reoffending.synthetic;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVPrinter;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.synthetic.PersonHistory.Level;
import org.lcjp.reoffending.synthetic.PersonHistory.ProvenOffence;
import org.lcjp.reoffending.synthetic.ReferenceData.Offence;

/**
 * Think Family in the simulation: families known to children's services (family/links), some headed by a simulated
 * offender, some by parents who never offend, with the contract's awkward parts: children without a PNC ID, a child
 * moving to kinship care (a second family, the first membership ending), a parent with a second family, memberships
 * ending at 18. Each child is exposed exactly as methodology.md section 9 says, from what the data will show (a
 * parent's delivered proven offence disposed of before the child's 18th birthday), and in each financial year they
 * are 10-17 on 1 April has a proven offence disposed of that year with probability base (+ gradient if exposed): the
 * true difference the pipeline must recover. A family is generated right after its offender (or, for other families,
 * after a simulated offender as a clock), from a random stream of its own, so the core datasets are unchanged.
 */
final class Families {
    private static final long FAMILY_SALT = 0x46414D494C59L;
    private static final int YEAR = 365;

    /** A person in families: the simulated offender's history, or null for someone who never offends. */
    private static final class Member {
        final Person person;
        final PersonHistory history;
        final List<Membership> memberships = new ArrayList<>();
        Boolean exposed;

        Member(Person person, PersonHistory history) {
            this.person = person;
            this.history = history;
        }
    }

    /** One family row: ended is -1 while the membership lasts. */
    private record Membership(String familyRef, String role, int recorded, int ended) {}

    private final GeneratorSettings settings;
    private final StrategySettings strategy;
    private final ReferenceData reference;
    private final Deliveries out;
    private final CSVPrinter people;
    private final CSVPrinter members;
    private final Consumer<PersonHistory> calibration;
    private final int historyStart;
    private final int periodEnd;
    private long nextIndex;
    private long families;
    private long children;
    private long exposedChildren;

    /**
     * @param people      truth people.csv (the new people are added)
     * @param members     truth family_members.csv
     * @param calibration takes each child's proven offences (they are the population's too)
     */
    Families(
            GeneratorSettings settings,
            StrategySettings strategy,
            ReferenceData reference,
            Deliveries out,
            CSVPrinter people,
            CSVPrinter members,
            Consumer<PersonHistory> calibration) {
        this.settings = settings;
        this.strategy = strategy;
        this.reference = reference;
        this.out = out;
        this.people = people;
        this.members = members;
        this.calibration = calibration;
        this.historyStart = (int) LocalDate.of(settings.fromYear() - settings.historyYears(), 1, 1)
                .toEpochDay();
        this.periodEnd = (int) LocalDate.of(settings.toYear(), 12, 31).toEpochDay();
        this.nextIndex = settings.people();
    }

    static String[] truthHeader() {
        return new String[] {"family_ref", "person_id", "role", "recorded_date", "end_date", "exposed"};
    }

    /** After a simulated offender: perhaps their family, perhaps a family of people who never offend. */
    void afterPerson(Person offender, PersonHistory history) throws IOException {
        SplittableRandom rng = new SplittableRandom(Mix.hash(settings.seed(), offender.index, FAMILY_SALT));
        // Children's services know the families of offenders the data knows best: those with a proven offence.
        boolean known = history.proven.stream().anyMatch(o -> !o.breach());
        boolean parent = rng.nextDouble() < strategy.offenderFamilyShare() * (known ? 1 : 0.3);
        boolean other = rng.nextDouble() < strategy.otherFamilyShare();
        List<Member> all = new ArrayList<>();
        if (parent) {
            offenderFamily(new Member(offender, history), rng, all);
        }
        if (other) {
            otherFamily(rng, all);
        }
        settleExposure(all);
        for (Member m : all) {
            deliver(m, rng);
        }
    }

    private void offenderFamily(Member parent, SplittableRandom rng, List<Member> all) {
        Person p = parent.person;
        int lo = Math.max(day(p.dateOfBirth.plusYears(18)), historyStart - 17 * YEAR);
        int hi = Math.min(day(p.dateOfBirth.plusYears(40)), periodEnd - 6 * YEAR);
        if (hi <= lo) {
            return;
        }
        List<Member> adults = new ArrayList<>(List.of(parent));
        if (rng.nextDouble() < 0.45) {
            adults.add(new Member(
                    fresh(
                            rng,
                            !p.female,
                            p.dateOfBirth.plusDays(rng.nextInt(7 * YEAR) - 3 * YEAR),
                            rng.nextDouble() < 0.6 ? p.surname : Names.pick(Names.SURNAMES, rng),
                            p),
                    null));
        }
        List<Member> kids = kids(rng, lo, hi, p.surnameOn(hi), p);
        int recorded = family(rng, adults, kids);
        all.addAll(adults);
        all.addAll(kids);
        if (rng.nextDouble() < 0.10) {
            // A new partner and a child with them: the offender is a parent in two families.
            int born = day(kids.get(kids.size() - 1).person.dateOfBirth) + 2 * YEAR + rng.nextInt(4 * YEAR);
            if (born < Math.min(periodEnd - YEAR, day(p.dateOfBirth.plusYears(45)))) {
                Member partner = new Member(
                        fresh(
                                rng,
                                !p.female,
                                p.dateOfBirth.plusDays(rng.nextInt(8 * YEAR) - 2 * YEAR),
                                Names.pick(Names.SURNAMES, rng),
                                p),
                        null);
                Member child =
                        new Member(fresh(rng, rng.nextBoolean(), LocalDate.ofEpochDay(born), p.surname, p), null);
                family(rng, List.of(parent, partner), List.of(child), Math.max(born, recorded + YEAR));
                all.add(partner);
                all.add(child);
            }
        }
        kinship(rng, p, kids, all);
    }

    private void otherFamily(SplittableRandom rng, List<Member> all) {
        ReferenceData.District district = reference.drawDistrict(rng);
        boolean female = rng.nextDouble() < 0.7;
        LocalDate dob = LocalDate.ofEpochDay(
                        historyStart - 17 * YEAR + rng.nextInt(periodEnd - historyStart + 15 * YEAR))
                .minusYears(20 + rng.nextInt(18));
        Person first = freshIn(rng, female, dob, Names.pick(Names.SURNAMES, rng), district);
        int lo = Math.max(day(dob.plusYears(18)), historyStart - 17 * YEAR);
        int hi = Math.min(day(dob.plusYears(40)), periodEnd - 6 * YEAR);
        if (hi <= lo) {
            return;
        }
        List<Member> adults = new ArrayList<>(List.of(new Member(first, null)));
        if (rng.nextDouble() < 0.5) {
            adults.add(new Member(
                    fresh(rng, !female, dob.plusDays(rng.nextInt(6 * YEAR) - 3 * YEAR), first.surname, first), null));
        }
        List<Member> kids = kids(rng, lo, hi, first.surname, first);
        family(rng, adults, kids);
        all.addAll(adults);
        all.addAll(kids);
        kinship(rng, first, kids, all);
    }

    /** One to three children, two to four years apart, the first born between lo and hi (six years before the end). */
    private List<Member> kids(SplittableRandom rng, int lo, int hi, String surname, Person home) {
        double u = rng.nextDouble();
        int n = u < 0.45 ? 1 : u < 0.8 ? 2 : 3;
        List<Member> kids = new ArrayList<>();
        int born = lo + rng.nextInt(hi - lo);
        for (int i = 0; i < n && born <= periodEnd - YEAR; i++) {
            String name = rng.nextDouble() < 0.85 ? surname : Names.pick(Names.SURNAMES, rng);
            kids.add(new Member(fresh(rng, rng.nextBoolean(), LocalDate.ofEpochDay(born), name, home), null));
            born += 2 * YEAR + rng.nextInt(2 * YEAR);
        }
        return kids;
    }

    /** Records a family: every member from one day after the youngest child's birth and the history start. */
    private int family(SplittableRandom rng, List<Member> adults, List<Member> kids) {
        int youngest = day(kids.get(kids.size() - 1).person.dateOfBirth);
        int from = Math.max(historyStart, youngest + 30);
        int recorded =
                from >= periodEnd - 60 ? periodEnd - 60 : from + rng.nextInt(Math.min(3 * YEAR, periodEnd - 60 - from));
        family(rng, adults, kids, Math.max(recorded, youngest + 1));
        return recorded;
    }

    private void family(SplittableRandom rng, List<Member> adults, List<Member> kids, int recorded) {
        String ref =
                String.format("TF%08d", Math.floorMod(Mix.mix64(settings.seed() * 7919 + ++families), 100_000_000L));
        for (Member a : adults) {
            a.memberships.add(new Membership(ref, "PARENT_OR_CARER", recorded, -1));
        }
        for (Member k : kids) {
            int adult = day(k.person.dateOfBirth.plusYears(18)) + rng.nextInt(120);
            k.memberships.add(
                    new Membership(ref, "CHILD", recorded, adult <= periodEnd - 10 && adult > recorded ? adult : -1));
        }
    }

    /** A child moves to a grandparent's care: a second family, the first membership ending that day. */
    private void kinship(SplittableRandom rng, Person parent, List<Member> kids, List<Member> all) {
        for (Member k : kids) {
            Membership first = k.memberships.get(0);
            int until = Math.min(periodEnd - 30, day(k.person.dateOfBirth.plusYears(17)));
            if (rng.nextDouble() >= 0.06 || until <= first.recorded() + 60) {
                continue;
            }
            int moved = first.recorded() + 30 + rng.nextInt(until - first.recorded() - 30);
            k.memberships.set(0, new Membership(first.familyRef(), first.role(), first.recorded(), moved));
            Member carer = new Member(
                    fresh(
                            rng,
                            rng.nextDouble() < 0.75,
                            parent.dateOfBirth.minusYears(20 + rng.nextInt(12)),
                            parent.surname,
                            parent),
                    null);
            family(rng, List.of(carer), List.of(k), moved);
            all.add(carer);
        }
    }

    /** A member's family rows, then (a child) their offending, their truth lines and their people.csv line. */
    private void deliver(Member m, SplittableRandom rng) throws IOException {
        boolean simulated = m.history != null;
        out.startPerson(m.person, rng);
        for (Membership ms : m.memberships) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("family_ref", ms.familyRef());
            body.put("role", ms.role());
            body.put("recorded_date", Deliveries.date(ms.recorded(), false));
            body.put("end_date", "");
            body.put(Datasets.RECORD_STATUS, "");
            String id = out.newRecordId(Datasets.FAMILY_LINKS);
            boolean ends = ms.ended() >= 0;
            if (out.deliver(Datasets.FAMILY_LINKS, id, ms.recorded(), ms.recorded() + rng.nextInt(30), body, ends)
                    && ends) {
                body.put("end_date", Deliveries.date(ms.ended(), false));
                out.update(Datasets.FAMILY_LINKS, id, ms.recorded(), ms.ended() + rng.nextInt(30), body);
            }
        }
        boolean child = m.memberships.stream().anyMatch(ms -> ms.role().equals("CHILD"));
        if (child) {
            children++;
            exposedChildren += m.exposed ? 1 : 0;
            offending(m, rng);
        }
        for (Membership ms : m.memberships) {
            members.printRecord(
                    ms.familyRef(),
                    m.person.personId,
                    ms.role(),
                    LocalDate.ofEpochDay(ms.recorded()),
                    ms.ended() >= 0 ? LocalDate.ofEpochDay(ms.ended()) : "",
                    child ? m.exposed : "");
        }
        if (!simulated) {
            Person p = m.person;
            people.printRecord(
                    p.personId,
                    p.forename,
                    p.surname,
                    p.dateOfBirth,
                    p.female ? "F" : "M",
                    p.ethnicity,
                    p.postcode,
                    p.pncLong() == null ? "" : p.pncLong(),
                    p.female,
                    false,
                    "");
        }
    }

    /**
     * Exposure is settled before any child row is delivered: whether a parent of any of the child's families has a
     * proven offence the data will show, disposed of before the child's 18th birthday.
     */
    private void settleExposure(List<Member> all) {
        Map<String, List<Member>> byFamily = new LinkedHashMap<>();
        for (Member m : all) {
            for (Membership ms : m.memberships) {
                byFamily.computeIfAbsent(ms.familyRef(), k -> new ArrayList<>()).add(m);
            }
        }
        for (Member m : all) {
            int eighteen = day(m.person.dateOfBirth.plusYears(18));
            for (Membership ms : m.memberships) {
                if (!ms.role().equals("CHILD")) {
                    continue;
                }
                for (Member other : byFamily.get(ms.familyRef())) {
                    boolean parentHere = other != m
                            && other.memberships.stream()
                                    .anyMatch(o -> o.familyRef().equals(ms.familyRef())
                                            && o.role().equals("PARENT_OR_CARER"));
                    if (parentHere
                            && other.history != null
                            && other.history.proven.stream().anyMatch(o -> !o.breach() && o.disposalDay() < eighteen)) {
                        m.exposed = true;
                    }
                }
                if (m.exposed == null) {
                    m.exposed = false;
                }
            }
        }
    }

    /** Each financial year the child is 10-17 on 1 April: a proven offence disposed of that year, or not. */
    private void offending(Member m, SplittableRandom rng) throws IOException {
        Person kid = m.person;
        PersonHistory history = new PersonHistory(kid);
        double p = strategy.childOffendingBase() + (m.exposed ? strategy.intergenerationalGradient() : 0);
        int tenth = day(kid.dateOfBirth.plusYears(10));
        boolean convicted = false;
        for (int y = kid.dateOfBirth.getYear() + 9; y <= kid.dateOfBirth.getYear() + 18; y++) {
            LocalDate april = LocalDate.of(y, 4, 1);
            int age = kid.ageOn(day(april));
            if (age < 10 || age > 17 || rng.nextDouble() >= p) {
                continue;
            }
            int start = day(april);
            int yearEnd = day(april.plusYears(1)) - 1;
            int disposal = start + rng.nextInt(yearEnd - start + 1);
            if (disposal > periodEnd) {
                continue;
            }
            convicted |= offence(kid, history, disposal, tenth, convicted, rng);
            // Often another offence the same year (juvenile reoffending is high): the year's share is unchanged.
            int last = Math.min(yearEnd, periodEnd);
            if (last - disposal > 30 && rng.nextDouble() < 0.55) {
                int again = disposal + 10 + rng.nextInt(last - disposal - 10);
                convicted |= offence(kid, history, again, disposal + 1, convicted, rng);
            }
        }
        if (!history.proven.isEmpty()) {
            calibration.accept(history);
        }
    }

    /** One proven offence: a youth caution from police (often reported by the YOS too) or a youth court conviction. */
    /** @param notBefore the earliest possible offence day (the 10th birthday, or the day after an earlier disposal) */
    private boolean offence(
            Person kid,
            PersonHistory history,
            int disposal,
            int notBefore,
            boolean convictedBefore,
            SplittableRandom rng)
            throws IOException {
        Offence o = reference.drawOffence(rng);
        String force = kid.outOfArea ? (rng.nextBoolean() ? "DURHAM" : "CLEVELAND") : kid.force;
        int known = disposal + rng.nextInt(21);
        boolean caution = rng.nextDouble() < 0.55;
        int offenceDay = Math.max(notBefore, disposal - (caution ? rng.nextInt(30) : 30 + rng.nextInt(90)));
        if (kid.pncYear < 0) {
            kid.pncYear = LocalDate.ofEpochDay(offenceDay).getYear();
        }
        String outcome;
        Level level;
        if (caution) {
            outcome = rng.nextDouble() < 0.7 ? "YOUTH_CAUTION" : "YOUTH_CONDITIONAL_CAUTION";
            level = Level.CAUTION;
            police(kid, o, offenceDay, disposal, known, outcome, force, rng);
        } else {
            double u = rng.nextDouble();
            outcome = !convictedBefore
                    ? "REFERRAL_ORDER"
                    : u < 0.4 ? "YOUTH_REHABILITATION_ORDER" : u < 0.6 ? "FINE" : "CONDITIONAL_DISCHARGE";
            level = outcome.equals("FINE") || outcome.equals("CONDITIONAL_DISCHARGE")
                    ? Level.OTHER_COURT
                    : Level.COURT_ORDER;
            police(kid, o, offenceDay, Math.min(disposal, offenceDay + rng.nextInt(3)), known, "CHARGED", force, rng);
            Map<String, String> body = new LinkedHashMap<>();
            body.put(
                    "case_ref",
                    String.format(
                            "C%02d%08X",
                            LocalDate.ofEpochDay(disposal).getYear() % 100,
                            Mix.mix64(kid.index * 4096 + disposal) & 0xFFFFFFFFL));
            body.put("defendant_ref", Refs.defendantRef(kid));
            body.put("offence_code", o.code());
            body.put("offence_date", Deliveries.date(offenceDay, true));
            body.put("conviction_date", Deliveries.date(disposal, true));
            body.put("sentence_date", Deliveries.date(disposal, true));
            body.put("disposal", outcome);
            body.put("custody_months", "");
            body.put("court_type", "YOUTH");
            body.put(Datasets.RECORD_STATUS, "");
            out.deliver(
                    Datasets.COURTS_CONVICTIONS, out.newRecordId(Datasets.COURTS_CONVICTIONS), offenceDay, known, body);
        }
        if (rng.nextDouble() < (caution ? 0.5 : 0.6)) {
            Sentencing.yos(out, kid, rng, o, offenceDay, disposal, known, outcome);
        }
        if (out.delivered(known)) {
            history.proven.add(new ProvenOffence(offenceDay, disposal, level, false));
        }
        return !caution;
    }

    private void police(
            Person kid,
            Offence o,
            int offenceDay,
            int outcomeDay,
            int known,
            String outcome,
            String force,
            SplittableRandom rng)
            throws IOException {
        CareerSimulator.police(out, kid, rng, o, offenceDay, outcomeDay, known, outcome, force);
    }

    private Person fresh(SplittableRandom rng, boolean female, LocalDate dob, String surname, Person home) {
        long index = nextIndex++;
        String forename = Names.pick(female ? Names.FEMALE : Names.MALE, rng);
        return new Person(
                index,
                female,
                forename,
                rng.nextDouble() < 0.4 ? Names.nickname(forename, rng) : null,
                surname,
                null,
                Integer.MAX_VALUE,
                dob,
                home.ethnicity,
                home.postcode,
                home.movedPostcode,
                home.moveDay,
                home.force,
                home.outOfArea,
                Pnc.serial(index, settings.seed()),
                0,
                Integer.MAX_VALUE,
                Integer.MIN_VALUE);
    }

    private Person freshIn(
            SplittableRandom rng, boolean female, LocalDate dob, String surname, ReferenceData.District district) {
        long index = nextIndex++;
        String forename = Names.pick(female ? Names.FEMALE : Names.MALE, rng);
        double e = rng.nextDouble();
        String ethnicity = e < 0.90 ? "WHITE" : e < 0.94 ? "ASIAN" : e < 0.965 ? "MIXED" : e < 0.98 ? "BLACK" : "OTHER";
        return new Person(
                index,
                female,
                forename,
                rng.nextDouble() < 0.4 ? Names.nickname(forename, rng) : null,
                surname,
                null,
                Integer.MAX_VALUE,
                dob,
                ethnicity,
                PersonFactory.postcode(district.district(), rng),
                null,
                Integer.MAX_VALUE,
                district.force(),
                false,
                Pnc.serial(index, settings.seed()),
                0,
                Integer.MAX_VALUE,
                Integer.MIN_VALUE);
    }

    private static int day(LocalDate d) {
        return (int) d.toEpochDay();
    }

    /** The realised truths for parameters.json. */
    Map<String, Object> truths() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family_offender_family_share", strategy.offenderFamilyShare());
        m.put("family_other_family_share", strategy.otherFamilyShare());
        m.put("family_child_offending_base", strategy.childOffendingBase());
        m.put("family_true_exposed_minus_not_exposed", strategy.intergenerationalGradient());
        m.put("family_families", families);
        m.put("family_children", children);
        m.put("family_children_exposed", exposedChildren);
        m.put("family_people_added", nextIndex - settings.people());
        return m;
    }
}
