package org.lcjp.reoffending.pseudonymise;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lcjp.reoffending.settings.SettingsException;

/**
 * The secret behind every token: a file whose whole content, surrounding white space trimmed, is the key
 * (outputs.md). Never logged, never written: {@link #toString()} hides it.
 */
public final class PseudonymisationKey implements Serializable {
    public static final int MINIMUM_BYTES = 32;
    public static final String HOW_TO_MAKE =
            "Make one with: (umask 077; head -c 48 /dev/urandom | base64 > my.key) (readable by you alone, outside the repository) and pass KEY_FILE=my.key";

    private final byte[] secret;

    private PseudonymisationKey(byte[] secret) {
        this.secret = secret.clone();
    }

    public static PseudonymisationKey load(Path file) {
        if (file == null) {
            throw new SettingsException("Cannot pseudonymise: no key file given. " + HOW_TO_MAKE);
        }
        if (!Files.isReadable(file)) {
            throw new SettingsException("Cannot pseudonymise: key file not readable (" + file + "). " + HOW_TO_MAKE);
        }
        try {
            return of(
                    Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8),
                    file.toString());
        } catch (IOException e) {
            throw new SettingsException("Cannot pseudonymise: key file not readable (" + file + "). " + HOW_TO_MAKE, e);
        }
    }

    public static PseudonymisationKey of(byte[] secret, String where) {
        if (secret.length < MINIMUM_BYTES) {
            throw new SettingsException("Cannot pseudonymise: key in " + where + " is " + secret.length
                    + " bytes, at least " + MINIMUM_BYTES + " are needed. " + HOW_TO_MAKE);
        }
        return new PseudonymisationKey(secret);
    }

    byte[] secret() {
        return secret.clone();
    }

    /** HKDF salt: fixed and public (RFC 5869 allows it); it separates this project's keys from any other use of the secret. */
    private static final byte[] KDF_SALT = "lcjp-reoffending/pseudonymisation/v2".getBytes(StandardCharsets.UTF_8);

    /**
     * A key for one identifier and purpose (e.g. "token:name", "bloom:surname", "date-of-birth-cipher"), derived from
     * this one with HKDF-SHA256, so no two uses share a key and one derived key reveals nothing of another or of the
     * run key.
     */
    public PseudonymisationKey derive(String purpose) {
        return new PseudonymisationKey(Hkdf.derive(KDF_SALT, secret, purpose, Hkdf.HASH_BYTES));
    }

    @Override
    public String toString() {
        return "PseudonymisationKey[hidden]";
    }
}
