package org.lcjp.reoffending.pseudonymise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 5869 appendix A test vectors (SHA-256). */
class HkdfTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void testCase1() {
        byte[] prk =
                Hkdf.extract(hex("000102030405060708090a0b0c"), hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"));
        assertThat(HexFormat.of().formatHex(prk))
                .isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
        assertThat(HexFormat.of().formatHex(Hkdf.expand(prk, hex("f0f1f2f3f4f5f6f7f8f9"), 42)))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void testCase3NoSaltNoInfo() {
        byte[] prk = Hkdf.extract(new byte[0], hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"));
        assertThat(HexFormat.of().formatHex(Hkdf.expand(prk, new byte[0], 42)))
                .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    @Test
    void derivedKeysDifferByPurpose() {
        PseudonymisationKey k = PseudonymisationKey.of(
                "a test key that is long enough to be used 123".getBytes(StandardCharsets.UTF_8), "t");
        assertThat(k.derive("token:name").secret())
                .hasSize(32)
                .isNotEqualTo(k.derive("token:dob").secret())
                .isEqualTo(k.derive("token:name").secret());
    }
}
