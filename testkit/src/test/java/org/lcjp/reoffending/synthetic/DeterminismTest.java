package org.lcjp.reoffending.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.pseudonymise.PncId;

class DeterminismTest {
    @Test
    void sameSettingsGiveByteIdenticalFiles() throws IOException {
        Path a = TestDirs.fresh("det-a");
        Path b = TestDirs.fresh("det-b");
        GeneratorSettings s = CalibrationTest.settings(400, 99);
        GenerationResult ra = SyntheticExtracts.generate(s, a.resolve("in"), a.resolve("truth"));
        GenerationResult rb = SyntheticExtracts.generate(s, b.resolve("in"), b.resolve("truth"));
        assertThat(ra).isEqualTo(rb);
        List<Path> filesA = files(a);
        assertThat(filesA).isEqualTo(files(b)).hasSizeGreaterThan(50);
        for (Path rel : filesA) {
            assertThat(Files.readAllBytes(a.resolve(rel))).as("%s", rel).isEqualTo(Files.readAllBytes(b.resolve(rel)));
        }
    }

    @Test
    void anotherSeedGivesOtherFiles() throws IOException {
        Path a = TestDirs.fresh("seed-a");
        Path b = TestDirs.fresh("seed-b");
        SyntheticExtracts.generate(CalibrationTest.settings(200, 1), a.resolve("in"), a.resolve("truth"));
        SyntheticExtracts.generate(CalibrationTest.settings(200, 2), b.resolve("in"), b.resolve("truth"));
        assertThat(Files.readString(a.resolve("truth/people.csv")))
                .isNotEqualTo(Files.readString(b.resolve("truth/people.csv")));
    }

    @Test
    void rowCountsScaleWithPeople() throws IOException {
        Path a = TestDirs.fresh("scale-a");
        Path b = TestDirs.fresh("scale-b");
        GenerationResult small =
                SyntheticExtracts.generate(CalibrationTest.settings(500, 5), a.resolve("in"), a.resolve("truth"));
        GenerationResult large =
                SyntheticExtracts.generate(CalibrationTest.settings(1500, 5), b.resolve("in"), b.resolve("truth"));
        assertThat((double) large.rows() / small.rows()).isBetween(2.4, 3.6);
        assertThat(large.rowsPerDataset().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(large.rows());
        assertThat(large.people()).isEqualTo(1500);
    }

    @Test
    void generatedPncIdsPassTheCheckInBothForms() {
        for (long i = 0; i < 2000; i += 7) {
            int serial = Pnc.serial(i, 42);
            assertThat(PncId.parse(Pnc.longForm(2011, serial)).status()).isEqualTo(PncId.Status.VALID);
            assertThat(PncId.parse(Pnc.shortForm(1998, serial)).normalForm()).isEqualTo(Pnc.longForm(1998, serial));
            assertThat(PncId.parse(Pnc.withWrongCheckLetter(Pnc.longForm(2011, serial), (int) i))
                            .status())
                    .isEqualTo(PncId.Status.BAD_CHECK_LETTER);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
