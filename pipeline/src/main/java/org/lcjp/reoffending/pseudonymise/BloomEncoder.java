package org.lcjp.reoffending.pseudonymise;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import org.lcjp.reoffending.settings.PseudonymiseSettings;

/**
 * Keyed Bloom-filter encoding of a normalised value (Schnell et al. 2009): each character bigram of "_value_" sets
 * {@code hashes} bits, so similar values share bits and Dice similarity approximates bigram similarity. Hardening
 * against the attacks that read filters without the key (README "Threat model"):
 * <ul>
 *   <li>one key per field (HKDF), so forename and surname filters cannot be aligned with each other;</li>
 *   <li>random hashing: a bigram's bit positions come from a keyed pseudorandom stream, not from the double-hashing
 *       line h1 + i*h2 whose structure Niedermeyer et al. (2014) exploited;</li>
 *   <li>salting (optional): the positions also depend on a stable per-record value (the year-of-birth token), so one
 *       bigram sets different bits in records of different years and the co-occurring bit patterns that pattern
 *       mining (Christen et al. 2017/2018) aligns with frequent bigrams split into as many unrelated groups;</li>
 *   <li>balancing (optional, Schnell and Borgs 2016): the filter and its complement, permuted under the key, so every
 *       filter has exactly half its bits set and the number of set bits says nothing of the value's length;</li>
 *   <li>XOR folding (optional, ibid.): each fold XORs the two halves, so no stored bit belongs to one bigram.</li>
 * </ul>
 * Bit positions are cached per (salt, bigram) per executor copy: few distinct pairs, and each costs two HMACs.
 */
public final class BloomEncoder implements Serializable {
    private final KeyedHasher positions;
    private final KeyedHasher permutations;
    private final int bits;
    private final int hashes;
    private final PseudonymiseSettings.BloomHashing hashing;
    private final boolean balanced;
    private final int xorFolds;
    private transient volatile ConcurrentHashMap<String, ConcurrentHashMap<Integer, int[]>> cache;
    private transient volatile int[] permutation;

    /** @param fieldKey the key of this field's filters (derived from the run key for this field alone) */
    public BloomEncoder(
            PseudonymisationKey fieldKey,
            int bits,
            int hashes,
            PseudonymiseSettings.BloomHashing hashing,
            boolean balanced,
            int xorFolds) {
        if (bits % 64 != 0 || bits <= 0) {
            throw new IllegalArgumentException(
                    "Cannot encode Bloom filters of " + bits + " bits: a positive multiple of 64 is needed");
        }
        if ((balanced ? 2 * bits : bits) % (64 << xorFolds) != 0) {
            throw new IllegalArgumentException(
                    "Cannot fold a " + bits + "-bit filter " + xorFolds + " times into whole 64-bit words");
        }
        this.positions = new KeyedHasher(fieldKey.derive("bloom-positions"));
        this.permutations = new KeyedHasher(fieldKey.derive("bloom-balance-permutation"));
        this.bits = bits;
        this.hashes = hashes;
        this.hashing = hashing;
        this.balanced = balanced;
        this.xorFolds = xorFolds;
    }

    /** The encoder of one field's filters as the settings say. */
    public static BloomEncoder of(PseudonymisationKey fieldKey, PseudonymiseSettings s) {
        return new BloomEncoder(
                fieldKey, s.bloomBits(), s.bloomHashes(), s.bloomHashing(), s.bloomBalanced(), s.bloomXorFolds());
    }

    /** The filter without a salt. */
    public long[] encode(String normalised) {
        return encode(normalised, null);
    }

    /** The filter as 64-bit words, or null for a null value; salt null or empty means unsalted. */
    public long[] encode(String normalised, String salt) {
        if (normalised == null) {
            return null;
        }
        ConcurrentHashMap<Integer, int[]> bySalt =
                cache().computeIfAbsent(salt == null ? "" : salt, s -> new ConcurrentHashMap<>());
        String saltKey = salt == null ? "" : salt;
        long[] words = new long[bits / 64];
        String padded = "_" + normalised + "_";
        for (int i = 0; i + 2 <= padded.length(); i++) {
            int bigram = (padded.charAt(i) << 16) | padded.charAt(i + 1);
            for (int bit : bySalt.computeIfAbsent(bigram, b -> positions(saltKey, b))) {
                words[bit >>> 6] |= 1L << (bit & 63);
            }
        }
        if (balanced) {
            words = balance(words);
        }
        for (int f = 0; f < xorFolds; f++) {
            long[] folded = new long[words.length / 2];
            for (int w = 0; w < folded.length; w++) {
                folded[w] = words[w] ^ words[w + folded.length];
            }
            words = folded;
        }
        return words;
    }

    private ConcurrentHashMap<String, ConcurrentHashMap<Integer, int[]>> cache() {
        if (cache == null) {
            synchronized (this) {
                if (cache == null) {
                    cache = new ConcurrentHashMap<>();
                }
            }
        }
        return cache;
    }

    private int[] positions(String salt, int bigram) {
        String message = salt + "|" + (char) (bigram >>> 16) + (char) (bigram & 0xFFFF);
        int[] out = new int[hashes];
        if (hashing == PseudonymiseSettings.BloomHashing.DOUBLE) {
            ByteBuffer h = ByteBuffer.wrap(positions.hmac(message));
            long h1 = h.getLong() & Long.MAX_VALUE;
            long h2 = (h.getLong() & Long.MAX_VALUE) | 1L;
            for (int k = 0; k < hashes; k++) {
                out[k] = (int) Math.floorMod(h1 + k * h2, (long) bits);
            }
            return out;
        }
        int[] stream = keyedInts(positions, message, hashes);
        for (int k = 0; k < hashes; k++) {
            out[k] = (int) (Integer.toUnsignedLong(stream[k]) % bits);
        }
        return out;
    }

    /** n pseudorandom ints: HMAC(message | block counter), eight ints per block. */
    private static int[] keyedInts(KeyedHasher hasher, String message, int n) {
        int[] out = new int[n];
        for (int block = 0; block * 8 < n; block++) {
            ByteBuffer b = ByteBuffer.wrap(hasher.hmac(message + "|" + block));
            for (int j = 0; j < 8 && block * 8 + j < n; j++) {
                out[block * 8 + j] = b.getInt();
            }
        }
        return out;
    }

    /** The filter and its complement side by side (2 * bits), permuted under the key: exactly bits ones. */
    private long[] balance(long[] words) {
        int[] perm = permutation();
        long[] out = new long[2 * words.length];
        for (int i = 0; i < bits; i++) {
            boolean set = (words[i >>> 6] >>> (i & 63) & 1L) != 0;
            int to = perm[set ? i : bits + i];
            out[to >>> 6] |= 1L << (to & 63);
        }
        return out;
    }

    /** A keyed Fisher-Yates permutation of 0 .. 2 * bits - 1, the same for every record. */
    private int[] permutation() {
        if (permutation == null) {
            int n = 2 * bits;
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            int[] r = keyedInts(permutations, "permutation", n);
            for (int i = n - 1; i > 0; i--) {
                int j = (int) (Integer.toUnsignedLong(r[i]) % (i + 1));
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            permutation = p;
        }
        return permutation;
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
