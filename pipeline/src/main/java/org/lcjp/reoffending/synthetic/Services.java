package org.lcjp.reoffending.synthetic;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;

/** Substance-misuse treatment and housing support: more common among women and prolific offenders. */
final class Services {
    /** Propensity (offences a year) above which a person counts as prolific for service needs. */
    static final double PROLIFIC_PROPENSITY = 1.5;

    private final Deliveries out;
    private final GeneratorSettings settings;
    private final int historyStart;
    private final int periodEnd;

    Services(Deliveries out, GeneratorSettings settings, int historyStart, int periodEnd) {
        this.out = out;
        this.settings = settings;
        this.historyStart = historyStart;
        this.periodEnd = periodEnd;
    }

    void deliver(Person p, SplittableRandom rng) throws IOException {
        double lift = (p.female ? 2.0 : 1.0) * (p.propensity > PROLIFIC_PROPENSITY ? 2.5 : 1.0);
        if (rng.nextDouble() < settings.substanceShare() * lift) {
            referrals(p, rng, Datasets.SUBSTANCE_TREATMENT);
        }
        if (rng.nextDouble() < settings.housingShare() * lift) {
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
            Map<String, String> body = new LinkedHashMap<>();
            body.put("client_ref", Refs.clientRef(p, id == Datasets.SUBSTANCE_TREATMENT ? "ST" : "HS"));
            body.put("referral_date", Deliveries.date(referral, false));
            body.put("start_date", started ? Deliveries.date(start, false) : "");
            body.put("end_date", "");
            if (id == Datasets.SUBSTANCE_TREATMENT) {
                double u = rng.nextDouble();
                body.put("substance", u < 0.35 ? "OPIATE" : u < 0.55 ? "NON_OPIATE" : u < 0.85 ? "ALCOHOL" : "ALCOHOL_AND_NON_OPIATE");
                double v = rng.nextDouble();
                body.put("referral_source", v < 0.45 ? "CRIMINAL_JUSTICE" : v < 0.75 ? "SELF" : v < 0.9 ? "GP" : "OTHER");
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
}
