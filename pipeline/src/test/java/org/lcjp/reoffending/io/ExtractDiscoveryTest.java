package org.lcjp.reoffending.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcjp.reoffending.testing.Extracts;

class ExtractDiscoveryTest {
    @TempDir
    Path root;

    @Test
    void classifiesEveryEntry() throws Exception {
        for (String name : List.of(
                "outcomes_20240105.csv",
                "outcomes_20240230.csv",
                "outcomes_20240105.CSV",
                "Outcomes_20240106.csv",
                "outcomes_2024010.csv",
                "outcomes-20240107.csv",
                "outcomes_20240107.csv.bak",
                "outcomes_20240301.csv",
                "outcomes_20240201.csv")) {
            Extracts.write(root, "police", "outcomes", name, "x");
        }
        Files.createDirectories(root.resolve("police/arrests"));
        Files.createDirectories(root.resolve("fire/incidents"));
        Files.writeString(root.resolve("readme.txt"), "x");

        Map<String, String> status = ExtractDiscovery.discover(root, LocalDate.of(2024, 2, 1)).stream()
                .collect(Collectors.toMap(ExtractFile::sourceFile, ExtractFile::status));

        assertThat(status)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("police/outcomes/outcomes_20240105.csv", "READ"),
                        Map.entry("police/outcomes/outcomes_20240201.csv", "READ"),
                        Map.entry("police/outcomes/outcomes_20240301.csv", "NOT_READ_AFTER_AS_OF"),
                        Map.entry("police/outcomes/outcomes_20240230.csv", "NOT_READ_BAD_NAME"),
                        Map.entry("police/outcomes/outcomes_20240105.CSV", "NOT_READ_BAD_NAME"),
                        Map.entry("police/outcomes/Outcomes_20240106.csv", "NOT_READ_BAD_NAME"),
                        Map.entry("police/outcomes/outcomes_2024010.csv", "NOT_READ_BAD_NAME"),
                        Map.entry("police/outcomes/outcomes-20240107.csv", "NOT_READ_BAD_NAME"),
                        Map.entry("police/outcomes/outcomes_20240107.csv.bak", "NOT_READ_BAD_NAME"),
                        Map.entry("police/arrests", "NOT_READ_UNKNOWN_FOLDER"),
                        Map.entry("fire", "NOT_READ_UNKNOWN_FOLDER"),
                        Map.entry("readme.txt", "NOT_READ_UNKNOWN_FOLDER")));
    }

    /** Links lead outside the input root (a key, /etc/passwd, another partner's folder): reported, never read. */
    @Test
    void neverFollowsASymbolicLink(@TempDir Path elsewhere) throws Exception {
        Extracts.write(root, "police", "outcomes", "outcomes_20240105.csv", "x");
        Path secret = Files.writeString(elsewhere.resolve("secret.csv"), "x");
        Files.createSymbolicLink(root.resolve("police/outcomes/outcomes_20240106.csv"), secret);
        Files.createSymbolicLink(root.resolve("police/outcomes/outcomes_20240107.csv"), Path.of("/etc/passwd"));
        Path otherFolder = Files.createDirectories(elsewhere.resolve("convictions"));
        Files.writeString(otherFolder.resolve("convictions_20240105.csv"), "x");
        Files.createDirectories(root.resolve("courts"));
        Files.createSymbolicLink(root.resolve("courts/convictions"), otherFolder);
        Files.createSymbolicLink(root.resolve("probation"), elsewhere);

        List<ExtractFile> found = ExtractDiscovery.discover(root, LocalDate.of(2024, 2, 1));

        assertThat(found.stream().collect(Collectors.toMap(ExtractFile::sourceFile, ExtractFile::status)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "police/outcomes/outcomes_20240105.csv", "READ",
                        "police/outcomes/outcomes_20240106.csv", "NOT_READ_LINK",
                        "police/outcomes/outcomes_20240107.csv", "NOT_READ_LINK",
                        "courts/convictions", "NOT_READ_LINK",
                        "probation", "NOT_READ_LINK"));
        assertThat(found)
                .filteredOn(f -> f.status().equals("NOT_READ_LINK"))
                .allSatisfy(f -> assertThat(f.message()).contains("symbolic link, not followed"));
    }

    @Test
    void explainsABadDate() {
        Extracts.write(root, "police", "outcomes", "outcomes_20240230.csv", "x");
        ExtractFile f =
                ExtractDiscovery.discover(root, LocalDate.of(2024, 6, 1)).get(0);
        assertThat(f.message())
                .isEqualTo("Cannot read file: extract date in the name is not a real date (outcomes_20240230.csv)");
    }
}
