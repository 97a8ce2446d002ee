package org.lcjp.reoffending.synthetic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scratch folders under java.io.tmpdir, which surefire points at target/tmp without creating it. */
final class TestDirs {
    private TestDirs() {}

    static Path fresh(String name) throws IOException {
        Path base = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        return Files.createTempDirectory(base, name);
    }
}
