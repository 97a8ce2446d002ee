package org.lcjp.reoffending.synthetic;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.synthetic.PersonHistory.Level;
import org.lcjp.reoffending.synthetic.PersonHistory.Release;
import org.lcjp.reoffending.synthetic.ReferenceData.Offence;

/** What follows a charge or a referral: court rows, custody and releases, supervision, YOS, Checkpoint and IOM. */
final class Sentencing {
    private static final int[] DTO_MONTHS = {4, 6, 8, 10, 12, 18, 24};
    private static final int ORA_START = (int) LocalDate.of(2015, 2, 1).toEpochDay();

    private final CareerSimulator career;
    private final Deliveries out;
    private final int periodEnd;
    private Person person;
    private SplittableRandom rng;
    private PersonHistory history;
    private boolean convictedBefore;
    private int cases;

    Sentencing(CareerSimulator career, Deliveries out, int periodEnd) {
        this.career = career;
        this.out = out;
        this.periodEnd = periodEnd;
    }

    void start(Person p, SplittableRandom r, PersonHistory h) {
        person = p;
        rng = r;
        history = h;
        convictedBefore = false;
        cases = 0;
    }

    void court(List<Offence> offences, int day, int chargeDay, int age, int previous, int maxHarm) throws IOException {
        boolean juvenile = age < 18;
        int convictionDay = chargeDay + (int) Math.min(400, 14 + Math.exp(3.6 + 0.7 * gaussian()));
        boolean crown = maxHarm >= 365 || rng.nextDouble() < 0.04;
        String courtType = crown ? "CROWN" : juvenile ? "YOUTH" : "MAGISTRATES";
        boolean separateSentence = crown || rng.nextDouble() < 0.25;
        int sentenceDay = separateSentence ? convictionDay + 14 + rng.nextInt(35) : convictionDay;
        boolean breachOnly = offences.stream().allMatch(Offence::breach);
        double logit = -4.6
                + 0.28 * Math.min(previous, 25)
                + 0.8 * Math.log(1 + maxHarm / 30.0)
                + (maxHarm >= 1460 ? 2 : 0)
                - (juvenile ? 1.2 : 0)
                + (breachOnly ? 0.8 : 0);
        boolean custodial = rng.nextDouble() < 1 / (1 + Math.exp(-logit));
        String disposal;
        double months = 0;
        if (custodial) {
            disposal = juvenile ? "DETENTION_AND_TRAINING_ORDER" : "IMMEDIATE_CUSTODY";
            months = juvenile
                    ? DTO_MONTHS[rng.nextInt(DTO_MONTHS.length)]
                    : Math.min(
                            360,
                            Math.max(
                                    0.5,
                                    Math.round(2
                                                    * (1.5 + maxHarm / 25.0 + 0.25 * previous)
                                                    * Math.exp(0.55 * gaussian()))
                                            / 2.0));
        } else {
            disposal = juvenile ? youthDisposal() : adultDisposal();
        }
        Level level = custodial
                ? Level.CUSTODY
                : switch (disposal) {
                    case "SUSPENDED_SENTENCE_ORDER",
                            "COMMUNITY_ORDER",
                            "YOUTH_REHABILITATION_ORDER",
                            "REFERRAL_ORDER" -> Level.COURT_ORDER;
                    default -> Level.OTHER_COURT;
                };
        convictedBefore = true;
        int knownDay = sentenceDay + rng.nextInt(28);
        String caseRef = String.format(
                "C%02d%08X",
                LocalDate.ofEpochDay(convictionDay).getYear() % 100,
                Mix.mix64(person.index * 4096 + ++cases) & 0xFFFFFFFFL);
        // Quashed on appeal: withdrawn by a DELETED row after every other re-send of the record.
        int quashedKnown = knownDay + 240 + rng.nextInt(160);
        boolean quashed = !custodial && rng.nextDouble() < 0.01 && out.delivered(quashedKnown);
        boolean yos = juvenile
                && !disposal.equals("ABSOLUTE_DISCHARGE")
                && !disposal.equals("OTHER")
                && rng.nextDouble() < 0.85;
        boolean courtRows = !yos || rng.nextDouble() > 0.15;
        for (Offence o : offences) {
            if (courtRows) {
                Map<String, String> body = new LinkedHashMap<>();
                body.put("case_ref", caseRef);
                body.put("defendant_ref", Refs.defendantRef(person));
                body.put("offence_code", o.code());
                body.put("offence_date", Deliveries.date(day, true));
                body.put("conviction_date", Deliveries.date(convictionDay, true));
                body.put(
                        "sentence_date",
                        separateSentence || rng.nextDouble() < 0.8 ? Deliveries.date(sentenceDay, true) : "");
                body.put("disposal", disposal);
                body.put("custody_months", custodial ? formatMonths(months) : "");
                body.put("court_type", courtType);
                body.put(Datasets.RECORD_STATUS, "");
                String id = out.newRecordId(Datasets.COURTS_CONVICTIONS);
                boolean delivered = out.deliver(Datasets.COURTS_CONVICTIONS, id, day, knownDay, body, quashed);
                if (quashed && delivered) {
                    out.withdraw(Datasets.COURTS_CONVICTIONS, id, quashedKnown);
                }
            }
            if (yos) {
                yos(o, day, convictionDay, knownDay, disposal);
            }
            if (!quashed) {
                career.proven(day, convictionDay, level, o.breach(), knownDay);
            }
        }
        if (custodial) {
            custody(sentenceDay, months, juvenile);
        } else if (level == Level.COURT_ORDER && !juvenile) {
            supervision(disposal, sentenceDay, 365 * (1 + rng.nextInt(2)), maxHarm);
            career.assessments.add(new int[] {convictionDay, chargeDay});
        } else if (!custodial && (maxHarm >= 365 ? rng.nextDouble() < 0.3 : rng.nextDouble() < 0.02)) {
            prison(chargeDay, convictionDay, "REMAND", "");
            career.custody.add(new int[] {chargeDay, convictionDay});
        }
    }

    private String youthDisposal() {
        double u = rng.nextDouble();
        if (!convictedBefore && u < 0.7) {
            return "REFERRAL_ORDER";
        }
        return u < 0.45
                ? "YOUTH_REHABILITATION_ORDER"
                : u < 0.6 ? "FINE" : u < 0.92 ? "CONDITIONAL_DISCHARGE" : u < 0.95 ? "ABSOLUTE_DISCHARGE" : "OTHER";
    }

    private String adultDisposal() {
        double u = rng.nextDouble();
        return u < 0.13
                ? "SUSPENDED_SENTENCE_ORDER"
                : u < 0.32
                        ? "COMMUNITY_ORDER"
                        : u < 0.77
                                ? "FINE"
                                : u < 0.91 ? "CONDITIONAL_DISCHARGE" : u < 0.93 ? "ABSOLUTE_DISCHARGE" : "OTHER";
    }

    static String formatMonths(double months) {
        return months == Math.rint(months) ? Integer.toString((int) months) : Double.toString(months);
    }

    private double gaussian() {
        return rng.nextGaussian();
    }

    /** Serves half the sentence inside, then licence (and post-sentence supervision), with some recalls. */
    private void custody(int sentenceDay, double months, boolean juvenile) throws IOException {
        int served = Math.max(1, (int) Math.round(months * 30.44 / 2));
        int release = sentenceDay + served;
        career.custody.add(new int[] {sentenceDay, release});
        if (!prison(sentenceDay, release, "SENTENCED", formatMonths(months))) {
            return;
        }
        if (career.visible(release)) {
            history.releases.add(new Release(release, months));
        }
        if (juvenile) {
            return;
        }
        career.assessments.add(new int[] {release, sentenceDay});
        int licenceEnd = sentenceDay + (int) Math.round(months * 30.44);
        supervisionRow("LICENCE", release, licenceEnd, 400);
        if (months < 24 && sentenceDay >= ORA_START && licenceEnd < release + 365) {
            supervisionRow("POST_SENTENCE_SUPERVISION", licenceEnd + 1, release + 365, 30);
        }
        if (licenceEnd - release > 30 && rng.nextDouble() < 0.15) {
            int recall = release + 7 + rng.nextInt(licenceEnd - release - 7);
            int back = Math.min(licenceEnd, recall + (rng.nextDouble() < 0.7 ? 28 : 90));
            career.custody.add(new int[] {recall, back});
            prison(recall, back, "RECALL", "");
        }
    }

    private boolean prison(int reception, int release, String type, String months) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("prison_number", Refs.prisonNumber(person));
        body.put("reception_date", Deliveries.date(reception, false));
        body.put("release_date", Deliveries.date(release, false));
        body.put("release_type", type);
        body.put("sentence_months", months);
        return out.deliver(
                Datasets.PRISONS_RELEASES,
                out.newRecordId(Datasets.PRISONS_RELEASES),
                release,
                release + rng.nextInt(30),
                body);
    }

    private void supervision(String type, int start, int days, int harm) throws IOException {
        supervisionRow(type, start, start + days, harm);
    }

    /** Delivered at its start with a blank end date, then re-sent once the order ends. */
    private void supervisionRow(String type, int start, int end, int harm) throws IOException {
        career.orders.add(new int[] {start, end});
        String rosh = harm >= 1000
                ? "VERY_HIGH"
                : harm >= 365 ? "HIGH" : harm >= 30 ? "MEDIUM" : rng.nextDouble() < 0.1 ? "" : "LOW";
        Map<String, String> body = new LinkedHashMap<>();
        body.put("crn", Refs.crn(person));
        body.put("provider", rosh.startsWith("HIGH") || rosh.equals("VERY_HIGH") ? "NPS" : "CRC");
        body.put("supervision_type", type);
        body.put("start_date", Deliveries.date(start, false));
        body.put("end_date", "");
        body.put("rosh", rosh);
        String id = out.newRecordId(Datasets.PROBATION_SUPERVISION);
        if (out.deliver(Datasets.PROBATION_SUPERVISION, id, start, start + rng.nextInt(20), body, true)) {
            body.put("end_date", Deliveries.date(end, false));
            out.update(Datasets.PROBATION_SUPERVISION, id, start, end + rng.nextInt(20), body);
        }
    }

    void yos(Offence o, int offenceDay, int outcomeDay, int knownDay, String outcome) throws IOException {
        yos(out, person, rng, o, offenceDay, outcomeDay, knownDay, outcome);
    }

    /** A yos/outcomes row of one offence (also the children of Think Family's families). */
    static void yos(
            Deliveries out,
            Person person,
            SplittableRandom rng,
            Offence o,
            int offenceDay,
            int outcomeDay,
            int knownDay,
            String outcome)
            throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("yos_ref", Refs.yosRef(person));
        body.put("offence_code", o.code());
        body.put("offence_date", Deliveries.date(offenceDay, false));
        body.put("outcome_date", Deliveries.date(outcomeDay, false));
        body.put("outcome_type", outcome);
        out.deliver(
                Datasets.YOS_OUTCOMES,
                out.newRecordId(Datasets.YOS_OUTCOMES),
                offenceDay,
                knownDay + rng.nextInt(10),
                body);
    }

    void checkpointReferral(Offence o, int offenceDay, int decisionDay, boolean eligible, boolean diverted)
            throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put(
                "checkpoint_ref",
                String.format("CP%07d", Math.floorMod(Mix.mix64(person.index * 64 + cases++), 10_000_000L)));
        body.put("custody_ref", Refs.custodyRef(person, "DURHAM"));
        body.put("offence_code", o.code());
        body.put("offence_date", Deliveries.date(offenceDay, false));
        body.put("decision_date", Deliveries.date(decisionDay, false));
        body.put("eligible", eligible ? "Y" : "N");
        body.put("decision", diverted ? "DIVERTED" : "PROSECUTED");
        String id = out.newRecordId(Datasets.CHECKPOINT_REFERRALS);
        int contractEnd = (int) LocalDate.ofEpochDay(decisionDay).plusMonths(4).toEpochDay();
        body.put("contract_start", diverted ? Deliveries.date(decisionDay, false) : "");
        body.put("contract_end", "");
        body.put("completion", diverted ? "ONGOING" : "");
        if (out.deliver(Datasets.CHECKPOINT_REFERRALS, id, offenceDay, decisionDay + rng.nextInt(14), body, diverted)
                && diverted) {
            body.put("contract_end", Deliveries.date(contractEnd, false));
            body.put("completion", rng.nextDouble() < 0.8 ? "COMPLETED" : "FAILED");
            out.update(Datasets.CHECKPOINT_REFERRALS, id, offenceDay, contractEnd + rng.nextInt(20), body);
        }
    }

    void iomAdoption(int adopted, boolean serious) throws IOException {
        history.iomDay = adopted;
        Map<String, String> body = new LinkedHashMap<>();
        body.put("iom_ref", Refs.iomRef(person));
        body.put("adopted_date", Deliveries.date(adopted, false));
        body.put("exit_date", "");
        double u = rng.nextDouble();
        body.put("category", serious || u < 0.3 ? "FIXED" : u < 0.75 ? "FLEX" : "FREE");
        String id = out.newRecordId(Datasets.IOM_COHORT);
        if (out.deliver(Datasets.IOM_COHORT, id, adopted, adopted + rng.nextInt(20), body, true)) {
            int exit = adopted + 180 + rng.nextInt(550);
            body.put("exit_date", Deliveries.date(exit, false));
            out.update(Datasets.IOM_COHORT, id, adopted, exit + rng.nextInt(20), body);
        }
    }
}
