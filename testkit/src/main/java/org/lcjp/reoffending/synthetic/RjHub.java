package org.lcjp.reoffending.synthetic;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVPrinter;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.synthetic.PersonHistory.Level;
import org.lcjp.reoffending.synthetic.PersonHistory.ProvenOffence;
import org.lcjp.reoffending.synthetic.ReferenceData.Offence;

/**
 * The RJ Hub in the simulation: after a proven offence with a victim, a referral (more likely for people with fewer
 * previous offences, and women); it moves on by superseding rows (victim asked, then the outcome), and people with
 * fewer previous offences, older people and women complete a restorative process more often. Both selections are on
 * what the pipeline sees (previous offences, age, sex), so a naive comparison is confounded and a matched one is not.
 *
 * <p>The effect: for a share of those who complete a process, every incident from the conference to the end of the
 * follow-up year of the referred disposal is prevented. Those incidents are still simulated with the deliveries muted,
 * so each treated person's reoffending with and without the process is known, and the realised effect on the treated
 * (as section 8 of methodology.md indexes them) is exact.
 */
final class RjHub {
    private static final long RJ_SALT = 0x524A4855424CL;
    static final Set<String> VICTIM_GROUPS = Set.of(
            "Violence against the person",
            "Sexual offences",
            "Robbery",
            "Theft offences",
            "Criminal damage and arson",
            "Fraud offences",
            "Public order offences");
    static final List<String> COMPLETED = List.of("CONFERENCE", "INDIRECT");

    /** One referral and what the generator knows about it. */
    private record Referral(
            String recordId,
            int disposalDay,
            int referralDay,
            String outcome,
            int outcomeDay,
            boolean outcomeDelivered,
            boolean prevented) {
        boolean completed() {
            return COMPLETED.contains(outcome);
        }
    }

    private final GeneratorSettings settings;
    private final StrategySettings strategy;
    private final Deliveries out;
    private final CSVPrinter truth;
    private final int hubStart;
    private final int periodEnd;
    private final int effectiveDay;

    private Person person;
    private PersonHistory history;
    private SplittableRandom rng;
    private List<Offence> offences = List.of();
    private int lastDisposal;
    private boolean completed;
    private int muteFrom;
    private int muteTo;
    private final List<ProvenOffence> muted = new ArrayList<>();
    private final List<Referral> referrals = new ArrayList<>();

    private long referred;
    private long treated;
    private long treatedReoffendedWithout;
    private long treatedReoffendedWith;

    /** @param truth rj_referrals.csv of the truth folder */
    RjHub(GeneratorSettings settings, StrategySettings strategy, Deliveries out, CSVPrinter truth) {
        this.settings = settings;
        this.strategy = strategy;
        this.out = out;
        this.truth = truth;
        this.hubStart = (int) LocalDate.of(settings.fromYear(), 1, 1).toEpochDay();
        this.periodEnd = (int) LocalDate.of(settings.toYear(), 12, 31).toEpochDay();
        this.effectiveDay =
                (int) DeliveryFiles.extractDate(settings.toYear() * 4 + 3).toEpochDay();
    }

    void start(Person p, PersonHistory h) {
        person = p;
        history = h;
        rng = new SplittableRandom(Mix.hash(settings.seed(), p.index, RJ_SALT));
        offences = List.of();
        lastDisposal = Integer.MIN_VALUE;
        completed = false;
        muteFrom = Integer.MAX_VALUE;
        muteTo = Integer.MIN_VALUE;
        muted.clear();
        referrals.clear();
    }

    /** The offences of the incident being simulated (what a referral would be about). */
    void offences(List<Offence> incident) {
        offences = incident;
    }

    /** Whether an incident on this day is prevented by a completed restorative process. */
    boolean mutes(int day) {
        return day > muteFrom && day <= muteTo;
    }

    /** A proven offence of a prevented incident: it counts only for the reoffending without the process. */
    void prevented(int offenceDay, int disposalDay, Level level, boolean breach, boolean visible) {
        if (visible) {
            muted.add(new ProvenOffence(offenceDay, disposalDay, level, breach));
        }
    }

    /** After a proven offence is delivered: perhaps a referral. */
    void afterProven(int disposalDay, Level level, boolean breach, boolean visible) throws IOException {
        if (breach || !visible || disposalDay == lastDisposal || completed || referrals.size() >= 2) {
            return;
        }
        lastDisposal = disposalDay;
        Offence about = offences.stream()
                .filter(o -> !o.breach() && VICTIM_GROUPS.contains(o.group()))
                .max(java.util.Comparator.comparingInt(Offence::harmDays))
                .orElse(null);
        int age = person.ageOn(disposalDay);
        if (about == null || age < 10) {
            return;
        }
        long previous = history.proven.stream()
                .filter(o -> !o.breach() && o.disposalDay() < disposalDay)
                .count();
        double p = strategy.rjReferralShare() * Math.exp(-0.12 * previous) * (person.female ? 1.3 : 1.0);
        if (rng.nextDouble() >= p) {
            return;
        }
        String stage;
        String source;
        int lag;
        boolean juvenile = age < 18;
        if (level == Level.CAUTION) {
            stage = "OUT_OF_COURT";
            source = juvenile ? "YOS" : "POLICE";
            lag = 3 + rng.nextInt(28);
        } else if (rng.nextDouble() < 0.3) {
            stage = "PRE_SENTENCE";
            source = "COURT";
            lag = 1 + rng.nextInt(20);
        } else {
            stage = "POST_SENTENCE";
            source = juvenile ? "YOS" : level == Level.CUSTODY ? "PRISON" : "PROBATION";
            lag = 14 + rng.nextInt(47);
        }
        double u = rng.nextDouble();
        source = u < 0.06 ? "VICTIM" : u < 0.08 ? "OTHER" : source;
        int referralDay = disposalDay + lag;
        if (referralDay < hubStart || referralDay > periodEnd) {
            return;
        }
        refer(about, disposalDay, referralDay, stage, source, previous, age);
    }

    private void refer(
            Offence about, int disposalDay, int referralDay, String stage, String source, long previous, int age)
            throws IOException {
        // Lower-risk people complete more often: the confounding the matched comparison must undo.
        double logit = 0.5 - 0.22 * previous + 0.025 * (age - 30) + (person.female ? 0.4 : 0);
        boolean complete = rng.nextDouble() < 1 / (1 + Math.exp(-logit));
        String outcome;
        String consent;
        if (complete) {
            outcome = rng.nextDouble() < 0.6 ? "CONFERENCE" : "INDIRECT";
            consent = "Y";
        } else {
            double u = rng.nextDouble();
            outcome = u < 0.2
                    ? "NOT_SUITABLE"
                    : u < 0.5 ? "OFFENDER_DECLINED" : u < 0.85 ? "VICTIM_DECLINED" : "WITHDRAWN";
            consent = outcome.equals("VICTIM_DECLINED") ? "N" : outcome.equals("WITHDRAWN") ? "Y" : "";
        }
        int askedDay = referralDay + 7 + rng.nextInt(30);
        int outcomeDay = askedDay + (complete ? 25 + rng.nextInt(110) : 5 + rng.nextInt(60));
        boolean prevented = complete && rng.nextDouble() < strategy.rjPreventedShare();
        if (complete) {
            completed = true;
            if (prevented) {
                muteFrom = outcomeDay;
                muteTo = (int) LocalDate.ofEpochDay(disposalDay).plusMonths(12).toEpochDay();
            }
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("rj_ref", String.format("RJ%08X", Mix.mix64(person.index * 16 + referrals.size() + 1) & 0xFFFFFFFFL));
        body.put("referral_date", Deliveries.date(referralDay, false));
        body.put("referral_source", source);
        body.put("stage", stage);
        body.put("offence_code", rng.nextDouble() < 0.9 ? about.code() : "");
        body.put("victim_consent", "");
        body.put("outcome", "");
        body.put("outcome_date", "");
        body.put("volunteer_facilitated", "");
        body.put("victim_satisfied", "");
        body.put(Datasets.RECORD_STATUS, "");
        String id = out.newRecordId(Datasets.RJ_REFERRALS);
        int outcomeKnown = outcomeDay + rng.nextInt(15);
        boolean delivered =
                out.deliver(Datasets.RJ_REFERRALS, id, referralDay, referralDay + rng.nextInt(15), body, true);
        if (delivered) {
            referred++;
            if (!consent.isEmpty()) {
                body.put("victim_consent", consent);
                out.update(Datasets.RJ_REFERRALS, id, referralDay, askedDay + rng.nextInt(10), body);
            }
            body.put("outcome", outcome);
            body.put("outcome_date", Deliveries.date(outcomeDay, false));
            if (complete) {
                double v = rng.nextDouble();
                body.put("volunteer_facilitated", v < 0.55 ? "Y" : v < 0.9 ? "N" : "");
                double s = rng.nextDouble();
                body.put("victim_satisfied", s < 0.8 ? "Y" : s < 0.92 ? "N" : "");
            }
            out.update(Datasets.RJ_REFERRALS, id, referralDay, outcomeKnown, body);
        }
        referrals.add(new Referral(
                id,
                disposalDay,
                referralDay,
                outcome,
                outcomeDay,
                delivered && out.delivered(outcomeKnown),
                prevented));
    }

    /**
     * After the person's career: for each delivered referral, the index date of methodology.md section 8 (the latest
     * proven offence disposed of on or before the referral date) and the proven reoffending after it with and
     * without the prevented incidents; the first referral delivered as completed is the treated one.
     */
    void finish() throws IOException {
        boolean first = true;
        for (Referral r : referrals) {
            int index = history.proven.stream()
                    .filter(o -> !o.breach() && o.disposalDay() <= r.referralDay())
                    .mapToInt(ProvenOffence::disposalDay)
                    .max()
                    .orElse(Integer.MIN_VALUE);
            boolean indexed = index != Integer.MIN_VALUE;
            boolean withProcess = indexed && reoffended(history.proven, index);
            boolean without = indexed && (withProcess || reoffended(muted, index));
            boolean followed =
                    indexed && LocalDate.ofEpochDay(index).plusMonths(18).toEpochDay() <= effectiveDay;
            boolean isTreated = first && r.completed() && r.outcomeDelivered() && indexed;
            if (r.completed() && r.outcomeDelivered()) {
                first = false;
            }
            if (isTreated && followed) {
                treated++;
                treatedReoffendedWithout += without ? 1 : 0;
                treatedReoffendedWith += withProcess ? 1 : 0;
            }
            truth.printRecord(
                    person.personId,
                    r.recordId(),
                    LocalDate.ofEpochDay(r.referralDay()),
                    indexed ? LocalDate.ofEpochDay(index) : "",
                    r.outcomeDelivered() ? r.outcome() : "",
                    r.prevented(),
                    isTreated,
                    followed,
                    without ? 1 : 0,
                    withProcess ? 1 : 0);
        }
    }

    /** A proven reoffence after the index date: committed within 12 months, proven within 18 (methodology.md 3). */
    private static boolean reoffended(List<ProvenOffence> proven, int index) {
        LocalDate i = LocalDate.ofEpochDay(index);
        long followUp = i.plusMonths(12).toEpochDay();
        long proof = i.plusMonths(18).toEpochDay();
        return proven.stream()
                .anyMatch(o -> !o.breach()
                        && o.offenceDay() > index
                        && o.offenceDay() <= followUp
                        && o.disposalDay() <= proof);
    }

    static String[] truthHeader() {
        return new String[] {
            "person_id",
            "record_id",
            "referral_date",
            "index_date",
            "outcome",
            "prevented",
            "treated",
            "follow_up_complete",
            "reoffended_without_process",
            "reoffended_with_process"
        };
    }

    /** The realised truths for parameters.json. */
    Map<String, Object> truths() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rj_referral_share", strategy.rjReferralShare());
        m.put("rj_prevented_share", strategy.rjPreventedShare());
        m.put("rj_referrals_delivered", referred);
        m.put("rj_treated_with_complete_follow_up", treated);
        m.put(
                "rj_treated_reoffending_without_process",
                treated == 0 ? Double.NaN : (double) treatedReoffendedWithout / treated);
        m.put(
                "rj_treated_reoffending_with_process",
                treated == 0 ? Double.NaN : (double) treatedReoffendedWith / treated);
        m.put(
                "rj_true_effect_on_treated",
                treated == 0 ? Double.NaN : (double) (treatedReoffendedWith - treatedReoffendedWithout) / treated);
        m.put("rj_effective_date", LocalDate.ofEpochDay(effectiveDay).toString());
        return m;
    }
}
