package org.lcjp.reoffending.pseudonymise;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Dates of birth leave ingest only encrypted (AES-256-GCM under a key derived from the run key), because age at
 * an index date needs the exact date. The nonce is a keyed hash of the date, so equal dates give equal
 * ciphertexts and a rerun writes identical files.
 */
public final class DateOfBirthCipher implements Serializable {
    private static final int NONCE_BYTES = 12;
    private final PseudonymisationKey key;
    private final KeyedHasher nonces;
    /**
     * Encryption is deterministic, so each date is sealed once per executor copy; a few tens of thousands of
     * distinct dates at most, while building a GCM cipher per row was a visible share of ingest.
     */
    private transient java.util.concurrent.ConcurrentHashMap<LocalDate, byte[]> sealed;

    private transient java.util.concurrent.ConcurrentHashMap<java.nio.ByteBuffer, LocalDate> opened;

    public DateOfBirthCipher(PseudonymisationKey runKey) {
        this.key = runKey.derive("date-of-birth-cipher");
        this.nonces = new KeyedHasher(runKey.derive("date-of-birth-nonce"));
    }

    public byte[] encrypt(LocalDate dob) {
        if (dob == null) {
            return null;
        }
        if (sealed == null) {
            sealed = new java.util.concurrent.ConcurrentHashMap<>();
        }
        return sealed.computeIfAbsent(dob, this::seal).clone();
    }

    private byte[] seal(LocalDate dob) {
        byte[] nonce = Arrays.copyOf(nonces.hmac(dob.toString()), NONCE_BYTES);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, dob.toString().getBytes(StandardCharsets.US_ASCII));
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                .put(nonce)
                .put(sealed)
                .array();
    }

    public LocalDate decrypt(byte[] cipherText) {
        if (cipherText == null) {
            return null;
        }
        if (opened == null) {
            opened = new java.util.concurrent.ConcurrentHashMap<>();
        }
        return opened.computeIfAbsent(java.nio.ByteBuffer.wrap(cipherText.clone()), b -> open(b.array()));
    }

    private LocalDate open(byte[] cipherText) {
        byte[] nonce = Arrays.copyOf(cipherText, NONCE_BYTES);
        byte[] body = Arrays.copyOfRange(cipherText, NONCE_BYTES, cipherText.length);
        return LocalDate.parse(new String(run(Cipher.DECRYPT_MODE, nonce, body), StandardCharsets.US_ASCII));
    }

    private byte[] run(int mode, byte[] nonce, byte[] input) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key.secret(), "AES"), new GCMParameterSpec(128, nonce));
            return c.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt")
                            + " date of birth: wrong key or damaged value",
                    e);
        }
    }
}
