package org.lcjp.reoffending.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as the pipeline writes it everywhere (manifests, staged state, model files): lower-case hex. The one place a
 * file is hashed on its own ({@link #of(Storage, StoragePath)}); ingest hashes a delivery while parsing it, with a
 * digest from {@link #newDigest()}, so no delivery is read twice for its hash.
 */
public final class Sha256 {
    private Sha256() {}

    /** A fresh SHA-256 digest (every JVM has one). */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }

    /** Hex of what the digest has seen so far (the digest is reset). */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /** Hex SHA-256 of a file's bytes, streamed through the storage boundary. */
    public static String of(Storage storage, StoragePath file) {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(storage.open(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot hash file: " + e.getMessage() + " (" + file + ")", e);
        }
        return hex(digest);
    }
}
