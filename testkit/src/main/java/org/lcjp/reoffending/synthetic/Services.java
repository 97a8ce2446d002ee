package org.lcjp.reoffending.synthetic;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;

/**
 * Substance-misuse treatment and housing support: more common among women and prolific offenders; for people with an
 * assessed need, as far as the service reaches them (NeedsSimulator).
 */
final class Services {
    /** Propensity (offences a year) above which a person counts as prolific for service needs. */
    static final double PROLIFIC_PROPENSITY = 1.5;

    static final int NOT_STARTED = Integer.MIN_VALUE;

    private final Deliveries out;
    private final GeneratorSettings settings;
    private final int historyStart;
    private final int periodEnd;
    private final NeedsSimulator needs;

    Services(Deliveries out, GeneratorSettings settings, int historyStart, int periodEnd, NeedsSimulator needs) {
        this.out = out;
        this.settings = settings;
        this.historyStart = historyStart;
        this.periodEnd = periodEnd;
        this.needs = needs;
    }

    void deliver(Person p, SplittableRandom rng) throws IOException {
        double lift = (p.female ? 2.0 : 1.0) * (p.propensity > PROLIFIC_PROPENSITY ? 2.5 : 1.0);
        // People with an assessed need whom the service does not reach get none of it (NeedsSimulator).
        if (rng.nextDouble() < settings.substanceShare() * lift && needs.background(Datasets.SUBSTANCE_TREATMENT)) {
            referrals(p, rng, Datasets.SUBSTANCE_TREATMENT);
        }
        if (rng.nextDouble() < settings.housingShare() * lift && needs.background(Datasets.HOUSING_SUPPORT)) {
            referrals(p, rng, Datasets.HOUSING_SUPPORT);
        }
    }

    private void referrals(Person p, SplittableRandom rng, DatasetId id) throws IOException {
        int from = Math.max(historyStart, p.careerStartDay - 365);
        int to = Math.min(periodEnd, p.careerEndDay + 365);
        if (to <= from) {
            return;
        }
        int n = rng.nextDouble() < 0.3 ? 2 : 1;
        for (int i = 0; i < n; i++) {
            int referral = from + rng.nextInt(to - from);
            boolean started = rng.nextDouble() < 0.85;
            int start = referral + 7 + rng.nextInt(80);
            int end = start + 60 + rng.nextInt(340);
            spell(p, rng, id, referral, started ? start : NOT_STARTED, end, null, null);
        }
    }

    /**
     * One referral, delivered with a blank end date and re-sent once the spell ends; {@code start} NOT_STARTED for a referral
     * that never started. Substance and referral source are drawn when null.
     */
    void spell(
            Person p,
            SplittableRandom rng,
            DatasetId id,
            int referral,
            int start,
            int end,
            String substance,
            String source)
            throws IOException {
        boolean started = start != NOT_STARTED;
        Map<String, String> body = new LinkedHashMap<>();
        body.put("client_ref", Refs.clientRef(p, Datasets.SUBSTANCE_TREATMENT.equals(id) ? "ST" : "HS"));
        body.put("referral_date", Deliveries.date(referral, false));
        body.put("start_date", started ? Deliveries.date(start, false) : "");
        body.put("end_date", "");
        if (Datasets.SUBSTANCE_TREATMENT.equals(id)) {
            double u = substance == null ? rng.nextDouble() : 0;
            body.put(
                    "substance",
                    substance != null
                            ? substance
                            : u < 0.35
                                    ? "OPIATE"
                                    : u < 0.55 ? "NON_OPIATE" : u < 0.85 ? "ALCOHOL" : "ALCOHOL_AND_NON_OPIATE");
            double v = source == null ? rng.nextDouble() : 0;
            body.put(
                    "referral_source",
                    source != null
                            ? source
                            : v < 0.45 ? "CRIMINAL_JUSTICE" : v < 0.75 ? "SELF" : v < 0.9 ? "GP" : "OTHER");
        } else {
            double u = rng.nextDouble();
            body.put("need", u < 0.35 ? "HOMELESS" : u < 0.8 ? "AT_RISK_OF_HOMELESSNESS" : "TENANCY_SUSTAINMENT");
        }
        String recordId = out.newRecordId(id);
        int known = (started ? start : referral + 30) + rng.nextInt(20);
        if (out.deliver(id, recordId, referral, known, body, started) && started) {
            body.put("end_date", Deliveries.date(end, false));
            out.update(id, recordId, referral, end + rng.nextInt(20), body);
        }
    }
}
