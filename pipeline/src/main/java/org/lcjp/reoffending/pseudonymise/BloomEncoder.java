package org.lcjp.reoffending.pseudonymise;

import java.io.Serializable;
import java.nio.ByteBuffer;

/**
 * Keyed Bloom-filter encoding of a normalised name (Schnell et al. 2009): each character bigram of "_name_"
 * sets {@code hashes} bits chosen by double hashing of its HMAC, so similar names share bits and Dice
 * similarity approximates bigram similarity, while the bits reveal nothing without the key.
 */
public final class BloomEncoder implements Serializable {
    private final KeyedHasher hasher;
    private final int bits;
    private final int hashes;
    /** The two hashes of each bigram: few distinct bigrams, and each HMAC costs a microsecond (per executor copy). */
    private transient java.util.concurrent.ConcurrentHashMap<String, long[]> bigramHashes;

    public BloomEncoder(KeyedHasher hasher, int bits, int hashes) {
        this.hasher = hasher;
        this.bits = bits;
        this.hashes = hashes;
    }

    /** The filter as 64-bit words, or null for a null name. */
    public long[] encode(String normalisedName) {
        if (normalisedName == null) {
            return null;
        }
        long[] words = new long[bits / 64];
        String padded = "_" + normalisedName + "_";
        for (int i = 0; i + 2 <= padded.length(); i++) {
            long[] h = hashes(padded.substring(i, i + 2));
            long h1 = h[0];
            long h2 = h[1];
            for (int k = 0; k < hashes; k++) {
                int bit = (int) Math.floorMod(h1 + k * h2, (long) bits);
                words[bit >>> 6] |= 1L << (bit & 63);
            }
        }
        return words;
    }

    private long[] hashes(String bigram) {
        if (bigramHashes == null) {
            bigramHashes = new java.util.concurrent.ConcurrentHashMap<>();
        }
        return bigramHashes.computeIfAbsent(bigram, b -> {
            ByteBuffer h = ByteBuffer.wrap(hasher.hmac("bloom:" + b));
            return new long[] {h.getLong() & Long.MAX_VALUE, (h.getLong() & Long.MAX_VALUE) | 1L};
        });
    }

    /** Sorensen-Dice similarity of two filters: 2|A and B| / (|A| + |B|). */
    public static double dice(long[] a, long[] b) {
        int both = 0;
        int total = 0;
        for (int i = 0; i < a.length; i++) {
            both += Long.bitCount(a[i] & b[i]);
            total += Long.bitCount(a[i]) + Long.bitCount(b[i]);
        }
        return total == 0 ? 0.0 : 2.0 * both / total;
    }
}
