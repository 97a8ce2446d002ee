package org.lcjp.reoffending.settings;

/**
 * Derived tokens kept for fuzzy linkage.
 *
 * @param bloomBits   size in bits of each name's Bloom-filter encoding, a multiple of 64 (default 512)
 * @param bloomHashes bits set per character bigram (default 15: about half the bits set for a typical name)
 */
public record PseudonymiseSettings(Integer bloomBits, Integer bloomHashes) {
    public PseudonymiseSettings {
        bloomBits = Defaults.or(bloomBits, 512);
        bloomHashes = Defaults.or(bloomHashes, 15);
        if (bloomBits % 64 != 0 || bloomBits <= 0) {
            throw new IllegalArgumentException("Cannot use bloom_bits: must be a positive multiple of 64 (" + bloomBits + ")");
        }
    }

    public static PseudonymiseSettings defaults() {
        return new PseudonymiseSettings(null, null);
    }
}
