package org.lcjp.reoffending.pseudonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.settings.PseudonymiseSettings;
import org.lcjp.reoffending.settings.PseudonymiseSettings.BloomHashing;

class BloomEncoderTest {
    private static final PseudonymisationKey KEY = PseudonymisationKey.of(
            "a test key that is long enough to be used 123".getBytes(StandardCharsets.UTF_8), "t");

    private static BloomEncoder encoder(BloomHashing hashing, boolean balanced, int folds) {
        return new BloomEncoder(KEY.derive("bloom:forename"), 512, 15, hashing, balanced, folds);
    }

    private static int weight(long[] words) {
        int n = 0;
        for (long w : words) {
            n += Long.bitCount(w);
        }
        return n;
    }

    @Test
    void similarNamesStaySimilarUnderEveryScheme() {
        for (BloomEncoder e : new BloomEncoder[] {
            encoder(BloomHashing.RANDOM, false, 0),
            encoder(BloomHashing.DOUBLE, false, 0),
            encoder(BloomHashing.RANDOM, true, 0),
            encoder(BloomHashing.RANDOM, false, 1)
        }) {
            double close = BloomEncoder.dice(e.encode("catherine", "1980"), e.encode("katherine", "1980"));
            double far = BloomEncoder.dice(e.encode("catherine", "1980"), e.encode("bob", "1980"));
            assertThat(close).isGreaterThan(0.75).isGreaterThan(far + 0.2);
            assertThat(BloomEncoder.dice(e.encode("catherine", "1980"), e.encode("catherine", "1980")))
                    .isEqualTo(1.0);
        }
    }

    @Test
    void aDifferentSaltScattersTheBits() {
        BloomEncoder e = encoder(BloomHashing.RANDOM, false, 0);
        assertThat(BloomEncoder.dice(e.encode("catherine", "1980"), e.encode("catherine", "1981")))
                .isLessThan(0.75);
        assertThat(e.encode("catherine", null)).isEqualTo(e.encode("catherine", ""));
    }

    @Test
    void balancedFiltersAllWeighTheSameWhateverTheLength() {
        BloomEncoder e = encoder(BloomHashing.RANDOM, true, 0);
        assertThat(e.encode("al", "1990")).hasSize(16);
        assertThat(weight(e.encode("al", "1990"))).isEqualTo(512);
        assertThat(weight(e.encode("maximilianalexander", "1990"))).isEqualTo(512);
        BloomEncoder plain = encoder(BloomHashing.RANDOM, false, 0);
        assertThat(weight(plain.encode("al", "1990"))).isLessThan(weight(plain.encode("maximilianalexander", "1990")));
    }

    @Test
    void foldingHalvesTheFilterByXor() {
        long[] full = encoder(BloomHashing.RANDOM, false, 0).encode("catherine", "1980");
        long[] folded = encoder(BloomHashing.RANDOM, false, 1).encode("catherine", "1980");
        assertThat(folded).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(folded[i]).isEqualTo(full[i] ^ full[i + 4]);
        }
    }

    @Test
    void randomHashingIsNotADoubleHashingLine() {
        // A nine-letter name: ten bigrams of 15 bits each on 512 bits set about a quarter of them.
        assertThat(weight(encoder(BloomHashing.RANDOM, false, 0).encode("catherine", "1980")) / 512.0)
                .isCloseTo(0.2, within(0.1));
        assertThat(encoder(BloomHashing.RANDOM, false, 0).encode("catherine", "1980"))
                .isNotEqualTo(encoder(BloomHashing.DOUBLE, false, 0).encode("catherine", "1980"));
        assertThat(PseudonymiseSettings.defaults().storedBloomBits()).isEqualTo(512);
        assertThat(new PseudonymiseSettings(null, null, null, null, true, 1).storedBloomBits())
                .isEqualTo(512);
    }
}
