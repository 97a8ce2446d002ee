package org.lcjp.reoffending.pseudonymise;

import java.io.Serializable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keyed tokens with one key per identifier: the token of a value of identifier {@code id} is HMAC-SHA256-128 under
 * HKDF(run key, "token:" + id). Identifiers compared with each other share one (forename and surname are both "name",
 * so swapped names still compare; a date of birth and its day-month swap are both "dob"); everything else has its
 * own, so equal tokens in two columns say nothing unless the columns are meant to be compared. The keys are derived
 * once per identifier and executor.
 */
public final class FieldTokens implements Serializable {
    private final PseudonymisationKey runKey;
    private transient volatile ConcurrentHashMap<String, KeyedHasher> hashers;

    public FieldTokens(PseudonymisationKey runKey) {
        this.runKey = runKey;
    }

    /** Hex token of the value of an identifier, or null for a null value. */
    public String token(String identifier, String value) {
        return value == null ? null : hasher(identifier).token(value);
    }

    private KeyedHasher hasher(String identifier) {
        if (hashers == null) {
            synchronized (this) {
                if (hashers == null) {
                    hashers = new ConcurrentHashMap<>();
                }
            }
        }
        return hashers.computeIfAbsent(identifier, id -> new KeyedHasher(runKey.derive("token:" + id)));
    }

    /**
     * What the warehouse was encoded with, as a token under its own key: it changes with the run key and with the
     * encoding (token format, Bloom-filter scheme and sizes), and either change makes the stored tokens stale.
     */
    public static String fingerprint(PseudonymisationKey runKey, String encoding) {
        return new KeyedHasher(runKey.derive("fingerprint")).token("encoding=" + encoding);
    }
}
