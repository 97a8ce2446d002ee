package org.lcjp.reoffending.synthetic;

/**
 * Agency person references. Each is an affine bijection of the person index within its number range, so two
 * people never share one (up to ten million people), while the references of one person look unrelated.
 */
final class Refs {
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTVWXYZ";

    private Refs() {}

    private static long scramble(long index, long multiplier, long offset, long range) {
        return Math.floorMod(index * multiplier + offset, range);
    }

    static String custodyRef(Person p, String force) {
        return (force.equals("DURHAM") ? "DU/" : "CL/")
                + String.format("%08d", scramble(p.index, 7_777_777L, 1234567L, 99_999_989L));
    }

    static String defendantRef(Person p) {
        return String.format("D%08d", scramble(p.index, 48_271L, 7_654_321L, 99_999_989L));
    }

    static String prisonNumber(Person p) {
        long n = scramble(p.index, 1_000_003L, 42_424_242L, 22L * 10_000 * 22 * 22);
        char a = LETTERS.charAt((int) (n % 22));
        n /= 22;
        int digits = (int) (n % 10_000);
        n /= 10_000;
        char b = LETTERS.charAt((int) (n % 22));
        char c = LETTERS.charAt((int) (n / 22 % 22));
        return "" + a + String.format("%04d", digits) + b + c;
    }

    static String crn(Person p) {
        long n = scramble(p.index, 69_621L, 3_141_592L, 22L * 1_000_000);
        return LETTERS.charAt((int) (n / 1_000_000)) + String.format("%06d", n % 1_000_000);
    }

    static String yosRef(Person p) {
        return String.format("Y%07d", scramble(p.index, 16_807L, 2_718_281L, 9_999_991L));
    }

    static String iomRef(Person p) {
        return String.format("IOM%07d", scramble(p.index, 40_692L, 1_618_033L, 9_999_991L));
    }

    static String clientRef(Person p, String prefix) {
        return prefix + String.format("%07d", scramble(p.index, 39_373L, prefix.hashCode() & 0xFFFFFL, 9_999_991L));
    }
}
