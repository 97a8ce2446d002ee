package org.lcjp.reoffending.settings;

/**
 * How identifiers are encoded at ingest (tokens and Bloom filters for fuzzy linkage). Every setting here changes
 * what the warehouse holds, so changing one re-encodes it: the ingest manifest's fingerprint includes
 * {@link #encoding()}, and a linkage model trained on another encoding is refused.
 *
 * @param bloomBits     bits of each Bloom filter before balancing and folding, a multiple of 64 (default 512)
 * @param bloomHashes   bits set per character bigram (default 15: about half the bits set for a typical name)
 * @param bloomHashing  RANDOM (a bigram's positions from a keyed pseudorandom stream; default) or DOUBLE (the
 *                      classic h1 + i*h2 double hashing, attackable: kept to measure what hardening costs)
 * @param bloomSalt     YEAR_OF_BIRTH (positions also keyed by the record's year-of-birth token; default) or NONE
 * @param bloomBalanced whether each filter is stored with its keyed-permuted complement, so all weigh the same
 *                      (doubles the stored bits; default false)
 * @param bloomXorFolds times the stored filter is folded in half by XOR (default 0)
 */
public record PseudonymiseSettings(
        Integer bloomBits,
        Integer bloomHashes,
        BloomHashing bloomHashing,
        BloomSalt bloomSalt,
        Boolean bloomBalanced,
        Integer bloomXorFolds) {
    /** Version of the token and filter formats: raise it whenever the encoding code changes what it writes. */
    public static final int ENCODING_VERSION = 2;

    /** How a bigram's bit positions are drawn. */
    public enum BloomHashing {
        RANDOM,
        DOUBLE
    }

    /** The stable per-record value that salts the bit positions. */
    public enum BloomSalt {
        NONE,
        YEAR_OF_BIRTH
    }

    public PseudonymiseSettings {
        bloomBits = Defaults.or(bloomBits, 512);
        bloomHashes = Defaults.or(bloomHashes, 15);
        bloomHashing = Defaults.or(bloomHashing, BloomHashing.RANDOM);
        bloomSalt = Defaults.or(bloomSalt, BloomSalt.YEAR_OF_BIRTH);
        bloomBalanced = Defaults.or(bloomBalanced, false);
        bloomXorFolds = Defaults.or(bloomXorFolds, 0);
    }

    /** What is wrong with these values, keys relative to the section (none: usable). */
    public java.util.List<String> problems() {
        Problems p = new Problems();
        boolean bits = bloomBits % 64 == 0 && bloomBits > 0;
        p.check(bits, "bloom_bits", "must be a positive multiple of 64", bloomBits);
        p.check(bloomHashes >= 1, "bloom_hashes", "must be at least 1", bloomHashes);
        p.check(
                !bits
                        || bloomXorFolds >= 0
                                && bloomXorFolds < 32
                                && storedBloomBits() >= 64
                                && storedBloomBits() % 64 == 0,
                "bloom_xor_folds",
                "the folded filter of " + bloomBits + (bloomBalanced ? " balanced" : "")
                        + " bits must stay a multiple of 64 bits",
                bloomXorFolds);
        return p.list();
    }

    public static PseudonymiseSettings defaults() {
        return new PseudonymiseSettings(null, null, null, null, null, null);
    }

    /** The encoding before this project hardened its filters (double hashing, no salt): for the before/after figures. */
    public PseudonymiseSettings unhardened() {
        return new PseudonymiseSettings(bloomBits, bloomHashes, BloomHashing.DOUBLE, BloomSalt.NONE, false, 0);
    }

    /** Bits of a stored filter: doubled by balancing, halved by each fold. */
    public int storedBloomBits() {
        return storedBloomBits(bloomBits, bloomBalanced, bloomXorFolds);
    }

    static int storedBloomBits(int bits, boolean balanced, int folds) {
        return (balanced ? 2 * bits : bits) >> folds;
    }

    /** What the encoding is, key aside: two warehouses with equal encodings (and keys) hold comparable values. */
    public String encoding() {
        return "v" + ENCODING_VERSION + ";tokens=hmac-sha256-128,hkdf-per-identifier;bloom=" + bloomBits + "x"
                + bloomHashes
                + "," + bloomHashing.name().toLowerCase(java.util.Locale.ROOT) + ",salt="
                + bloomSalt.name().toLowerCase(java.util.Locale.ROOT)
                + ",balanced=" + bloomBalanced + ",xor_folds=" + bloomXorFolds;
    }
}
