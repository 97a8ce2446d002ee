package org.lcjp.reoffending.synthetic;

/** SplitMix64 finaliser: a bijection on longs, so distinct inputs give distinct ids and independent seeds. */
final class Mix {
    private Mix() {}

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long hash(long seed, long a, long salt) {
        return mix64(mix64(seed ^ salt) + a);
    }
}
