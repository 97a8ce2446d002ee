package org.lcjp.reoffending.synthetic;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.synthetic.PersonHistory.Level;
import org.lcjp.reoffending.synthetic.PersonHistory.ProvenOffence;
import org.lcjp.reoffending.synthetic.ReferenceData.Offence;

/**
 * One criminal career as a Poisson process of offences whose rate is the person's propensity times an age curve,
 * paused in custody. Each incident (an offence, sometimes with a second one the same day) goes through police,
 * Checkpoint, court and custody, and every agency that would hear of it gets its rows.
 */
final class CareerSimulator {
    /** Share of adult offences that end proven (cautions plus convicted charges), used to size the Checkpoint effect. */
    static final double ADULT_PROVEN_SHARE = 0.62;

    private final GeneratorSettings settings;
    private final ReferenceData reference;
    private final Deliveries out;
    private final Sentencing sentencing;
    private final int historyStart;
    private final int periodEnd;

    private Person person;
    private SplittableRandom rng;
    private PersonHistory history;
    final List<int[]> custody = new ArrayList<>();
    final List<int[]> orders = new ArrayList<>();
    /** {day assessed for, earliest day of the assessment}: probation assessments before court orders and licences. */
    final List<int[]> assessments = new ArrayList<>();

    private final NeedsSimulator needs;
    final List<Integer> provenDays = new ArrayList<>();
    private double effectFactor;
    private int effectUntil;
    private RjHub rj;

    CareerSimulator(GeneratorSettings settings, ReferenceData reference, Deliveries out) {
        this.settings = settings;
        this.reference = reference;
        this.out = out;
        this.historyStart = (int) LocalDate.of(settings.fromYear() - settings.historyYears(), 1, 1)
                .toEpochDay();
        this.periodEnd = (int) LocalDate.of(settings.toYear(), 12, 31).toEpochDay();
        this.sentencing = new Sentencing(this, out, periodEnd);
        this.needs = new NeedsSimulator(NeedsModel.DEFAULT, reference, out, settings.seed());
    }

    static double ageFactor(int age) {
        if (age < 10) {
            return 0;
        }
        if (age < 12) {
            return 0.3;
        }
        if (age < 14) {
            return 0.6;
        }
        if (age < 18) {
            return 1.05;
        }
        if (age < 21) {
            return 1.0;
        }
        if (age < 25) {
            return 0.9;
        }
        if (age < 30) {
            return 0.72;
        }
        if (age < 35) {
            return 0.62;
        }
        if (age < 40) {
            return 0.52;
        }
        return age < 50 ? 0.4 : 0.25;
    }

    /** The RJ Hub whose referrals follow proven offences (none unless set). */
    void rj(RjHub hub) {
        rj = hub;
    }

    PersonHistory simulate(Person p, SplittableRandom r) throws IOException {
        person = p;
        rng = r;
        history = new PersonHistory(p);
        custody.clear();
        orders.clear();
        assessments.clear();
        provenDays.clear();
        effectFactor = 1;
        effectUntil = -1;
        sentencing.start(p, r, history);
        if (rj != null) {
            rj.start(p, history);
        }
        double time = p.careerStartDay;
        int end = Math.min(p.careerEndDay, periodEnd);
        if (p.careerStartDay <= periodEnd) {
            incident(p.careerStartDay); // the first offence starts the career
        }
        while (true) {
            double bound = p.propensity * Math.max(1, effectFactor);
            time += -Math.log(1 - rng.nextDouble()) * 365.25 / bound;
            int day = (int) time;
            if (day > end) {
                break;
            }
            int free = releasedBy(day);
            if (free > day) {
                time = free + 1;
                continue;
            }
            double rate = p.propensity * ageFactor(p.ageOn(day)) * (day <= effectUntil ? effectFactor : 1);
            if (rng.nextDouble() * bound < rate) {
                incident(day);
            }
        }
        if (p.pncYear >= 0 || !provenDays.isEmpty()) {
            needs.start(p);
            Services services = new Services(out, settings, historyStart, periodEnd, needs);
            services.deliver(p, rng);
            needs.deliver(assessments, orders, services, rng);
        }
        if (rj != null) {
            rj.finish();
        }
        return history;
    }

    /** The day a person in custody on {@code day} is released, else {@code day}. */
    int releasedBy(int day) {
        int free = day;
        for (int[] c : custody) {
            if (c[0] <= free && free <= c[1]) {
                free = c[1] + 1;
            }
        }
        return free;
    }

    boolean underOrder(int day) {
        for (int[] o : orders) {
            if (o[0] <= day && day <= o[1]) {
                return true;
            }
        }
        return false;
    }

    int provenWithin(int from, int to) {
        int n = 0;
        for (int d : provenDays) {
            if (d >= from && d <= to) {
                n++;
            }
        }
        return n;
    }

    boolean visible(int knownDay) {
        return knownDay >= historyStart && out.delivered(knownDay);
    }

    void proven(int offenceDay, int disposalDay, Level level, boolean breach, int knownDay) throws IOException {
        provenDays.add(disposalDay);
        if (out.muted()) {
            rj.prevented(offenceDay, disposalDay, level, breach, visible(knownDay));
            return;
        }
        if (visible(knownDay)) {
            history.proven.add(new ProvenOffence(offenceDay, disposalDay, level, breach));
        }
        if (rj != null) {
            rj.afterProven(disposalDay, level, breach, visible(knownDay));
        }
    }

    /**
     * An incident, or (inside a completed restorative process's effect) one that did not happen: simulated all the
     * same with nothing delivered, so the reoffending it would have been is known, and everything it changed undone.
     */
    private void incident(int day) throws IOException {
        if (rj == null || !rj.mutes(day)) {
            happen(day);
            return;
        }
        int custodies = custody.size();
        int orderCount = orders.size();
        int provens = provenDays.size();
        int pnc = person.pncYear;
        boolean iom = person.iom;
        Boolean diverted = person.checkpointDiverted;
        int[] checkpoint = {history.checkpointDay, history.iomDay, effectUntil};
        double[] effect = {history.checkpointBaseline, history.checkpointTreated, effectFactor};
        out.mute(true);
        try {
            happen(day);
        } finally {
            out.mute(false);
        }
        custody.subList(custodies, custody.size()).clear();
        orders.subList(orderCount, orders.size()).clear();
        provenDays.subList(provens, provenDays.size()).clear();
        person.pncYear = pnc;
        person.iom = iom;
        person.checkpointDiverted = diverted;
        history.checkpointDay = checkpoint[0];
        history.iomDay = checkpoint[1];
        effectUntil = checkpoint[2];
        history.checkpointBaseline = effect[0];
        history.checkpointTreated = effect[1];
        effectFactor = effect[2];
    }

    private void happen(int day) throws IOException {
        int age = person.ageOn(day);
        boolean adult = age >= 18;
        List<Offence> offences = new ArrayList<>();
        boolean breach = underOrder(day) && rng.nextDouble() < 0.12;
        offences.add(breach ? reference.drawBreach(rng) : drawOffence());
        double more = rng.nextDouble();
        for (int extra = breach ? 0 : more < 0.15 ? 2 : more < 0.45 ? 1 : 0; extra > 0; extra--) {
            Offence other = drawOffence();
            if (offences.stream().noneMatch(o -> o.code().equals(other.code()))) {
                offences.add(other);
            }
        }
        if (rj != null) {
            rj.offences(offences);
        }
        if (person.pncYear < 0) {
            person.pncYear = LocalDate.ofEpochDay(day).getYear();
        }
        int maxHarm = offences.stream().mapToInt(Offence::harmDays).max().orElse(0);
        String force = person.outOfArea ? (rng.nextBoolean() ? "DURHAM" : "CLEVELAND") : person.force;
        int previous = provenWithin(Integer.MIN_VALUE, day - 1);
        String route = breach ? "CHARGED" : route(adult, maxHarm);

        boolean prosecutable = route.equals("CHARGED") || route.endsWith("CAUTION");
        boolean sexual = offences.stream().anyMatch(o -> o.group().startsWith("Sexual"));
        if (adult
                && prosecutable
                && !breach
                && !sexual
                && force.equals("DURHAM")
                && maxHarm <= 730
                && day >= historyStart
                && rng.nextDouble() < settings.checkpointReferralShare()) {
            route = checkpoint(day, offences.get(0), previous, maxHarm, route);
        }
        int outcomeDay = day
                + switch (route) {
                    case "CHARGED" -> rng.nextInt(3);
                    case "NO_FURTHER_ACTION" -> 1 + rng.nextInt(60);
                    case "DIVERTED_CHECKPOINT" -> checkpointDecisionLag;
                    default -> rng.nextInt(30);
                };
        int knownDay = outcomeDay + rng.nextInt(21);
        boolean juvenile = !adult;
        boolean youthCaution = route.startsWith("YOUTH_");
        boolean yos = juvenile && (youthCaution || route.equals("COMMUNITY_RESOLUTION")) && rng.nextDouble() < 0.85;
        boolean policeRows = !yos || rng.nextDouble() > 0.15;
        for (Offence o : offences) {
            if (policeRows) {
                police(o, day, outcomeDay, knownDay, route, force);
            }
            if (yos) {
                sentencing.yos(o, day, outcomeDay, knownDay, route);
            }
            if (route.endsWith("CAUTION")) {
                proven(day, outcomeDay, Level.CAUTION, o.breach(), knownDay);
            }
        }
        if (route.equals("CHARGED") && rng.nextDouble() < 0.87) {
            sentencing.court(offences, day, outcomeDay, age, previous, maxHarm);
        }
        iom(day, maxHarm);
    }

    private int checkpointDecisionLag;

    private Offence drawOffence() {
        Offence o = reference.drawOffence(rng);
        boolean violentish = o.group().startsWith("Violence")
                || o.group().startsWith("Sexual")
                || o.group().startsWith("Robbery")
                || o.group().startsWith("Possession");
        if (person.female && violentish && rng.nextDouble() < 0.5) {
            o = reference.drawOffence(rng);
        }
        return o;
    }

    private String route(boolean adult, int maxHarm) {
        double u = rng.nextDouble();
        if (maxHarm >= 365) {
            return u < 0.88 ? "CHARGED" : "NO_FURTHER_ACTION";
        }
        if (!adult) {
            return u < 0.10
                    ? "NO_FURTHER_ACTION"
                    : u < 0.30
                            ? "COMMUNITY_RESOLUTION"
                            : u < 0.50 ? "YOUTH_CAUTION" : u < 0.60 ? "YOUTH_CONDITIONAL_CAUTION" : "CHARGED";
        }
        if (u < 0.14) {
            return "NO_FURTHER_ACTION";
        }
        if (u < 0.22) {
            return "COMMUNITY_RESOLUTION";
        }
        if (u < 0.28) {
            return maxHarm <= 30 ? "PENALTY_NOTICE" : "CHARGED";
        }
        if (u < 0.38) {
            return "ADULT_CAUTION";
        }
        return u < 0.44 ? "CONDITIONAL_CAUTION" : "CHARGED";
    }

    private void police(Offence o, int day, int outcomeDay, int knownDay, String route, String force)
            throws IOException {
        police(out, person, rng, o, day, outcomeDay, knownDay, route, force);
    }

    /** A police/outcomes row of one offence (also the children of Think Family's families). */
    static void police(
            Deliveries out,
            Person person,
            SplittableRandom rng,
            Offence o,
            int day,
            int outcomeDay,
            int knownDay,
            String route,
            String force)
            throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("custody_ref", Refs.custodyRef(person, force));
        body.put("offence_code", o.code());
        body.put("offence_date", Deliveries.date(day, false));
        body.put("outcome_date", Deliveries.date(outcomeDay, false));
        body.put("outcome_type", route);
        body.put("force", force);
        body.put(Datasets.RECORD_STATUS, rng.nextDouble() < 0.3 ? Datasets.STATUS_ACTIVE : "");
        out.deliver(Datasets.POLICE_OUTCOMES, out.newRecordId(Datasets.POLICE_OUTCOMES), day, knownDay, body);
    }

    /** Refers an incident to Checkpoint and returns the police route it then takes. */
    private String checkpoint(int day, Offence offence, int previous, int maxHarm, String route) throws IOException {
        // Checkpoint takes moderate-risk offenders, judged by a noisy risk forecast (HART-like).
        double forecast = person.propensity * Math.exp(0.5 * rng.nextGaussian());
        boolean eligible = person.checkpointDiverted == null
                && previous <= 4
                && maxHarm <= 365
                && forecast >= 0.3
                && forecast <= 4;
        // Confounding: officers divert the people they judge lower risk, so the diverted reoffend less anyway.
        double divert = 0.8 / (1 + forecast / 0.8);
        boolean diverted = eligible && rng.nextDouble() < divert;
        checkpointDecisionLag = 1 + rng.nextInt(21);
        int decisionDay = day + checkpointDecisionLag;
        if (eligible) {
            person.checkpointDiverted = diverted;
            if (visible(decisionDay)) {
                history.checkpointDay = decisionDay;
                double hazard = ADULT_PROVEN_SHARE * person.propensity * ageFactor(person.ageOn(decisionDay));
                double baseline = 1 - Math.exp(-hazard);
                double treated =
                        diverted ? Math.min(0.999, Math.max(0, baseline + settings.checkpointTrueEffect())) : baseline;
                history.checkpointBaseline = baseline;
                history.checkpointTreated = treated;
                if (diverted && hazard > 0) {
                    effectFactor = treated <= 0 ? 0 : -Math.log(1 - treated) / hazard;
                    effectUntil = decisionDay + 365;
                }
            }
        }
        sentencing.checkpointReferral(offence, day, decisionDay, eligible, diverted);
        return diverted ? "DIVERTED_CHECKPOINT" : route;
    }

    private void iom(int day, int maxHarm) throws IOException {
        if (person.iom || person.outOfArea || person.ageOn(day) < 18) {
            return;
        }
        int recent = provenWithin(day - 365, day);
        int adopted = day + 14 + rng.nextInt(46);
        if (recent >= 5 && rng.nextDouble() < 0.5 && visible(adopted)) {
            person.iom = true;
            sentencing.iomAdoption(adopted, maxHarm >= 365);
        }
    }
}
