package org.lcjp.reoffending.pseudonymise;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key (a per-identifier key derived from the run key, {@link FieldTokens}). One Mac per thread,
 * as Mac is not thread safe.
 */
public final class KeyedHasher implements Serializable {
    private static final String ALGORITHM = "HmacSHA256";
    private final PseudonymisationKey key;
    private transient ThreadLocal<Mac> mac;

    public KeyedHasher(PseudonymisationKey key) {
        this.key = key;
    }

    /**
     * Bytes of the HMAC a token keeps: 128 bits (HMAC-SHA256-128) make a collision among even a billion values
     * negligible, and half the hex of the full 256 halves what every warehouse table and linkage shuffle carries.
     */
    static final int TOKEN_BYTES = 16;

    /** Hex token of a value under this hasher's own (per-identifier) key, or null for a null value. */
    public String token(String value) {
        if (value == null) {
            return null;
        }
        return HexFormat.of().formatHex(hmac(value), 0, TOKEN_BYTES);
    }

    /** Hex token of a value in a domain, or null for a null value. */
    public String token(String domain, String value) {
        if (value == null) {
            return null;
        }
        return HexFormat.of().formatHex(hmac(domain + ":" + value), 0, TOKEN_BYTES);
    }

    byte[] hmac(String message) {
        return mac().doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized ThreadLocal<Mac> macs() {
        if (mac == null) {
            mac = ThreadLocal.withInitial(() -> {
                try {
                    Mac m = Mac.getInstance(ALGORITHM);
                    m.init(new SecretKeySpec(key.secret(), ALGORITHM));
                    return m;
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Cannot initialise " + ALGORITHM, e);
                }
            });
        }
        return mac;
    }

    private Mac mac() {
        return macs().get();
    }
}
