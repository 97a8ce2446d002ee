package org.lcjp.reoffending.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.synthetic.Calibration.Group;

class CalibrationTest {
    private static final Path REFERENCE = Path.of("..", "conf", "reference");

    static GeneratorSettings settings(long people, long seed) {
        return GeneratorSettings.defaults(people, 2014, 2019, seed)
                .withReference(REFERENCE.resolve("offences.csv"), REFERENCE.resolve("areas.csv"));
    }

    /** Targets of reoffending-methodology.md 1.7, with room for the noise of a few thousand people. */
    @Test
    void nationalPictureIsReproduced() throws IOException {
        Path dir = TestDirs.fresh("calibration");
        Calibration c = new Calibration(2014, 2019);
        GenerationResult r = SyntheticExtracts.generate(
                settings(Long.getLong("calibration.people", 5000), 7), dir.resolve("in"), dir.resolve("truth"), c);
        System.out.println(r);
        System.out.println(c.report());
        assertThat(c.share(Group.ADULT)).as("adult share").isBetween(0.86, 0.97);
        assertThat(c.rate(Group.ADULT)).as("adult rate").isBetween(0.22, 0.31);
        assertThat(c.rate(Group.JUVENILE)).as("juvenile rate").isBetween(0.25, 0.42);
        assertThat(c.rate(Group.ADULT_CUSTODY_UNDER_12M))
                .as("short custody rate")
                .isBetween(0.45, 0.70);
        assertThat(c.reoffencesPerReoffender(Group.ALL))
                .as("reoffences per reoffender")
                .isBetween(2.5, 4.5); // 3.1-3.4 at 40,000 people; small samples are noisy
        assertThat(c.rate(Group.PREVIOUS_0))
                .as("rate with no previous offences")
                .isBetween(0.05, 0.16);
        assertThat(c.rate(Group.PREVIOUS_11_PLUS))
                .as("rate with 11+ previous offences")
                .isGreaterThan(0.42);
        assertThat(c.share(Group.FEMALE)).as("female share").isBetween(0.12, 0.22);
        assertThat(c.rate(Group.FEMALE)).as("female rate below male").isLessThan(c.rate(Group.MALE));
    }
}
