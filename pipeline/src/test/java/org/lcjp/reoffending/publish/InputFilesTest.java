package org.lcjp.reoffending.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
    @TempDir
    Path root;

    @Test
    void listsEveryFileWithItsSha256() throws IOException {
        Files.createDirectories(root.resolve("police/outcomes"));
        Files.writeString(root.resolve("police/outcomes/outcomes_20260101.csv"), "abc");
        assertThat(InputFiles.list(root))
                .containsExactly(new InputFiles.InputFile(
                        "police/outcomes/outcomes_20260101.csv",
                        3,
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
}
