package org.lcjp.reoffending.pseudonymise;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): extract a pseudorandom key from the run key, then expand one independent key
 * per identifier and purpose. Java 17 has no HKDF (the JDK's KDF API arrives in 24) and Bouncy Castle's would be a
 * signed 8 MB jar for these few lines; the RFC's test vectors check this one (HkdfTest).
 */
final class Hkdf {
    static final int HASH_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private Hkdf() {}

    /** HKDF-Extract(salt, ikm): the pseudorandom key. */
    static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
        return mac(salt.length == 0 ? new byte[HASH_BYTES] : salt).doFinal(inputKeyMaterial);
    }

    /** HKDF-Expand(prk, info, length): T(1) | T(2) | ... cut to length (at most 255 blocks). */
    static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length <= 0 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException(
                    "Cannot expand a key to " + length + " bytes (1.." + 255 * HASH_BYTES + ")");
        }
        Mac mac = mac(prk);
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + HASH_BYTES);
        byte[] previous = new byte[0];
        for (int block = 1; out.size() < length; block++) {
            mac.update(previous);
            mac.update(info);
            mac.update((byte) block);
            previous = mac.doFinal();
            out.writeBytes(previous);
        }
        return java.util.Arrays.copyOf(out.toByteArray(), length);
    }

    static byte[] derive(byte[] salt, byte[] inputKeyMaterial, String info, int length) {
        return expand(extract(salt, inputKeyMaterial), info.getBytes(StandardCharsets.UTF_8), length);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac m = Mac.getInstance(HMAC);
            m.init(new SecretKeySpec(key, HMAC));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot initialise " + HMAC, e);
        }
    }
}
