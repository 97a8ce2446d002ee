package org.lcjp.reoffending.synthetic;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVPrinter;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;

/**
 * Turns one person's simulated records into delivered rows: identity as each agency keyed it, record ids,
 * the truth line of every record, and the awkward parts of the contract (corrected re-sends, a record repeated
 * within one file, invalid re-sends that ingest must quarantine while the earlier version stays in force).
 */
final class Deliveries {
    /** How an agency records identity: share of rows with the PNC ID (0 = no column) and which columns it has. */
    private record IdentityStyle(double pncShare, boolean ethnicity, boolean postcode, boolean courts, String prefix) {}

    private static final Map<DatasetId, IdentityStyle> STYLES = Map.of(
            Datasets.POLICE_OUTCOMES, new IdentityStyle(0.96, true, true, false, "PO"),
            Datasets.COURTS_CONVICTIONS, new IdentityStyle(0.90, false, true, true, "CC"),
            Datasets.PRISONS_RELEASES, new IdentityStyle(0.95, false, false, false, "PR"),
            Datasets.PROBATION_SUPERVISION, new IdentityStyle(0.85, false, true, false, "PS"),
            Datasets.YOS_OUTCOMES, new IdentityStyle(0.70, true, true, false, "YO"),
            Datasets.CHECKPOINT_REFERRALS, new IdentityStyle(0.95, true, true, false, "CP"),
            Datasets.IOM_COHORT, new IdentityStyle(0.98, false, true, false, "IO"),
            Datasets.SUBSTANCE_TREATMENT, new IdentityStyle(0, false, true, false, "ST"),
            Datasets.HOUSING_SUPPORT, new IdentityStyle(0, false, true, false, "HS"),
            Datasets.PROBATION_ASSESSMENTS, new IdentityStyle(0.85, false, true, false, "PA"));
    /** Think Family and the RJ Hub: children's services rarely hold a PNC ID, the RJ Hub usually has it from police. */
    private static final Map<DatasetId, IdentityStyle> STRATEGY_STYLES = Map.of(
            Datasets.RJ_REFERRALS, new IdentityStyle(0.80, false, true, false, "RJ"),
            Datasets.FAMILY_LINKS, new IdentityStyle(0.30, false, true, false, "FL"));

    private final DeliveryFiles files;
    private final CSVPrinter recordTruth;
    private final IdentityNoise identity;
    private final long seed;
    private final double invalidRowRate;
    private final double noise;
    private final Map<DatasetId, Integer> sequence = new HashMap<>();
    private Person person;
    private SplittableRandom rng;
    private long rows;
    private boolean muted;

    Deliveries(DeliveryFiles files, CSVPrinter recordTruth, long seed, double noise, double invalidRowRate) {
        this.files = files;
        this.recordTruth = recordTruth;
        this.identity = new IdentityNoise(noise);
        this.seed = seed;
        this.noise = noise;
        this.invalidRowRate = invalidRowRate;
    }

    void startPerson(Person p, SplittableRandom personRng) {
        person = p;
        rng = personRng;
        sequence.clear();
    }

    /**
     * While muted nothing is written: the incidents of the counterfactual world in which a restorative process did
     * not prevent them still run (so their effect on reoffending is known exactly) but leave no rows.
     */
    void mute(boolean on) {
        muted = on;
    }

    boolean muted() {
        return muted;
    }

    private static IdentityStyle style(DatasetId id) {
        IdentityStyle s = STYLES.get(id);
        return s != null ? s : STRATEGY_STYLES.get(id);
    }

    boolean delivered(int knownDay) {
        return files.delivered(knownDay);
    }

    /** A new record id of this person in this dataset: a bijection of (person, sequence), so never repeated. */
    String newRecordId(DatasetId id) {
        int seq = sequence.merge(id, 1, Integer::sum);
        if (seq >= 1 << 16) {
            throw new IllegalStateException("Cannot number records: too many for one person (" + id + ")");
        }
        long salt = Mix.mix64(seed * 31 + id.path().hashCode());
        long v = Mix.mix64(salt + ((person.index << 16) | seq));
        return style(id).prefix() + "-" + String.format("%016X", v);
    }

    /**
     * Delivers the first version of a record: identity rendered for {@code eventDay}, written in the extract
     * after {@code knownDay}, plus its truth line when delivered.
     */
    boolean deliver(DatasetId id, String recordId, int eventDay, int knownDay, Map<String, String> body)
            throws IOException {
        return deliver(id, recordId, eventDay, knownDay, body, false);
    }

    /** As above; {@code changesLater} stops a random corrected re-send from overtaking a real later version. */
    boolean deliver(
            DatasetId id, String recordId, int eventDay, int knownDay, Map<String, String> body, boolean changesLater)
            throws IOException {
        if (muted || !files.delivered(knownDay)) {
            return false;
        }
        if (rng.nextDouble() < 0.004 * noise) {
            // A clerk's first attempt, overwritten later in the same file: the later line wins.
            files.write(id, knownDay, row(id, recordId, eventDay, body));
            rows++;
        }
        Map<String, String> row = row(id, recordId, eventDay, body);
        files.write(id, knownDay, row);
        rows++;
        recordTruth.printRecord(id.agency(), id.dataset(), recordId, person.personId);
        if (!changesLater && rng.nextDouble() < 0.02 * noise) {
            resend(id, knownDay + 60 + rng.nextInt(120), row(id, recordId, eventDay, body));
        }
        if (rng.nextDouble() < invalidRowRate) {
            resend(id, knownDay + 30 + rng.nextInt(200), invalid(id, row));
        }
        return true;
    }

    /** A later version of a delivered record (changed values, or record_status DELETED). */
    void update(DatasetId id, String recordId, int eventDay, int knownDay, Map<String, String> body)
            throws IOException {
        resend(id, knownDay, row(id, recordId, eventDay, body));
    }

    void withdraw(DatasetId id, String recordId, int knownDay) throws IOException {
        Map<String, String> row = new LinkedHashMap<>();
        row.put(Datasets.RECORD_ID, recordId);
        row.put(Datasets.RECORD_STATUS, Datasets.STATUS_DELETED);
        resend(id, knownDay, row);
    }

    private void resend(DatasetId id, int knownDay, Map<String, String> row) throws IOException {
        if (!muted && files.write(id, knownDay, row)) {
            rows++;
        }
    }

    private Map<String, String> row(DatasetId id, String recordId, int eventDay, Map<String, String> body) {
        IdentityStyle style = style(id);
        Map<String, String> row = new LinkedHashMap<>();
        row.put(Datasets.RECORD_ID, recordId);
        identity.render(
                person, eventDay, rng, row, style.pncShare(), style.ethnicity(), style.postcode(), style.courts());
        row.putAll(body);
        if (style.pncShare() == 0 && rng.nextDouble() < 0.002 * noise) {
            row.put(Datasets.DATE_OF_BIRTH, ""); // local authority systems sometimes lack it: ingest must quarantine
        }
        return row;
    }

    /** A re-send carrying one invalid value: an impossible date or an unknown offence code. */
    private Map<String, String> invalid(DatasetId id, Map<String, String> valid) {
        Map<String, String> bad = new LinkedHashMap<>(valid);
        // Only where the offence code is required: an unknown optional one (rj/referrals) is nulled and the row kept,
        // which would let a stale re-send overtake the record's later versions.
        boolean offenceRequired =
                Datasets.spec(id).column("offence_code").map(c -> c.required()).orElse(false);
        if (offenceRequired && bad.containsKey("offence_code") && rng.nextBoolean()) {
            bad.put("offence_code", "999/99");
        } else {
            String dateColumn = Datasets.spec(id).eventDateColumn();
            bad.put(dateColumn, style(id).courts() ? "30/02/2017" : "2017-02-30");
        }
        return bad;
    }

    static String date(int epochDay, boolean courts) {
        return IdentityNoise.formatDate(LocalDate.ofEpochDay(epochDay), courts);
    }

    long rows() {
        return rows;
    }
}
