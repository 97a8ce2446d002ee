package org.lcjp.reoffending.synthetic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;

/**
 * Probation assessments (OASys) and the services that follow them, by the truths of a {@link NeedsModel}. An adult is
 * assessed before each court order's conviction and before each release to licence, and reviewed every six months of
 * supervision; the assessment records the person's lasting needs (a section now and then left blank) and a
 * reoffending risk from their true rate of offending. A person with a drugs or alcohol (accommodation) need is reached
 * by the service when their own draw falls below the reach of the authority they live in: then a referral follows
 * each assessment within three weeks and a spell starts within a month of it, unless one is still open; a person not
 * reached gets no spell of that service at all, so each authority's true gap share is one minus its reach.
 * Draws come from the person's own stream (seed, person, NEED), so adding this changed no other dataset's draws
 * before it.
 */
final class NeedsSimulator {
    private static final long SALT = 0x4E454544L;
    private static final int REVIEW_DAYS = 182;
    private static final int CLOSEST_REASSESSMENT_DAYS = 28;
    /** OGRS-like bands of the predicted 12-month proven reoffending probability. */
    private static final double[] RISK_BANDS = {0.5, 0.75, 0.9};

    private final NeedsModel model;
    private final ReferenceData reference;
    private final Deliveries out;
    private final long seed;

    private Person person;
    private SplittableRandom draws;
    private final Map<String, Boolean> needs = new LinkedHashMap<>();
    private double substanceDraw;
    private double housingDraw;

    NeedsSimulator(NeedsModel model, ReferenceData reference, Deliveries out, long seed) {
        this.model = model;
        this.reference = reference;
        this.out = out;
        this.seed = seed;
    }

    /** Draws the person's lasting needs and how far services reach them. */
    void start(Person p) {
        person = p;
        draws = new SplittableRandom(Mix.hash(seed, p.index, SALT));
        boolean prolific = p.propensity > Services.PROLIFIC_PROPENSITY;
        needs.clear();
        for (String need : Datasets.ASSESSED_NEEDS) {
            needs.put(need, draws.nextDouble() < model.needProbability(need, prolific, p.female));
        }
        substanceDraw = draws.nextDouble();
        housingDraw = draws.nextDouble();
    }

    private boolean substanceNeed() {
        return needs.get("drugs") || needs.get("alcohol");
    }

    private boolean reached(String gap, int day) {
        String area = reference.localAuthorityOf(person.postcodeOn(day));
        return (gap.equals(NeedsModel.SUBSTANCE) ? substanceDraw : housingDraw) < model.reach(gap, area);
    }

    /** Whether the person may have this service's spells that no assessment led to: not when it never reaches them. */
    boolean background(DatasetId service) {
        int home = person.careerStartDay;
        if (service.equals(Datasets.SUBSTANCE_TREATMENT)) {
            return !substanceNeed() || reached(NeedsModel.SUBSTANCE, home);
        }
        return !needs.get("accommodation") || reached(NeedsModel.ACCOMMODATION, home);
    }

    /**
     * Delivers the assessments and the spells they lead to.
     *
     * @param occasions {day of the event assessed for, earliest day the assessment can be} of each conviction to a
     *                  court order and each release to licence
     * @param orders    {start, end} of each supervision spell (reviews)
     */
    void deliver(List<int[]> occasions, List<int[]> orders, Services services, SplittableRandom rng)
            throws IOException {
        List<Integer> days = new ArrayList<>();
        for (int[] o : occasions) {
            days.add(o[0] - draws.nextInt(Math.max(1, Math.min(45, o[0] - o[1] + 1))));
        }
        for (int[] o : orders) {
            for (int d = o[0] + REVIEW_DAYS; d <= o[1]; d += REVIEW_DAYS) {
                days.add(d);
            }
        }
        days.sort(null);
        int last = Integer.MIN_VALUE / 2;
        int substanceOpenUntil = Integer.MIN_VALUE;
        int housingOpenUntil = Integer.MIN_VALUE;
        for (int day : days) {
            if (day - last < CLOSEST_REASSESSMENT_DAYS) {
                continue;
            }
            last = day;
            if (!assess(day, rng)) {
                continue;
            }
            if (substanceNeed() && reached(NeedsModel.SUBSTANCE, day) && day > substanceOpenUntil) {
                substanceOpenUntil = refer(services, rng, Datasets.SUBSTANCE_TREATMENT, day);
            }
            if (needs.get("accommodation") && reached(NeedsModel.ACCOMMODATION, day) && day > housingOpenUntil) {
                housingOpenUntil = refer(services, rng, Datasets.HOUSING_SUPPORT, day);
            }
        }
    }

    private boolean assess(int day, SplittableRandom rng) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("crn", Refs.crn(person));
        body.put("assessment_date", Deliveries.date(day, false));
        needs.forEach((need, has) -> body.put(need, draws.nextDouble() < model.blankShare() ? "" : has ? "Y" : "N"));
        body.put("reoffending_risk", draws.nextDouble() < 0.05 ? "" : risk(day));
        return out.deliver(
                Datasets.PROBATION_ASSESSMENTS,
                out.newRecordId(Datasets.PROBATION_ASSESSMENTS),
                day,
                day + 1 + draws.nextInt(30),
                body);
    }

    /** The predicted 12-month proven reoffending probability from the true rate, with an assessor's error, banded. */
    private String risk(int day) {
        double hazard =
                CareerSimulator.ADULT_PROVEN_SHARE * person.propensity * CareerSimulator.ageFactor(person.ageOn(day));
        double p = 1 - Math.exp(-hazard);
        double logit = Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p)) + 0.5 * draws.nextGaussian();
        double predicted = 1 / (1 + Math.exp(-logit));
        int band = 0;
        while (band < RISK_BANDS.length && predicted >= RISK_BANDS[band]) {
            band++;
        }
        return Datasets.RISK_LEVELS.get(band);
    }

    /** A referral by probation after the assessment; returns the day the spell ends. */
    private int refer(Services services, SplittableRandom rng, DatasetId service, int assessed) throws IOException {
        int referral = assessed + draws.nextInt(21);
        boolean started = draws.nextDouble() < 0.85;
        int start = referral + 5 + draws.nextInt(25);
        int end = start + 90 + draws.nextInt(270);
        String substance = null;
        if (service.equals(Datasets.SUBSTANCE_TREATMENT)) {
            boolean drugs = needs.get("drugs");
            boolean alcohol = needs.get("alcohol");
            substance = drugs && alcohol
                    ? "ALCOHOL_AND_NON_OPIATE"
                    : alcohol ? "ALCOHOL" : draws.nextDouble() < 0.6 ? "OPIATE" : "NON_OPIATE";
        }
        services.spell(
                person,
                rng,
                service,
                referral,
                started ? start : Services.NOT_STARTED,
                end,
                substance,
                service.equals(Datasets.SUBSTANCE_TREATMENT) ? "CRIMINAL_JUSTICE" : null);
        return started ? end : referral;
    }
}
