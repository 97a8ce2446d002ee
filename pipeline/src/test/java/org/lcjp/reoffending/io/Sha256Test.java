package org.lcjp.reoffending.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    /** FIPS 180-2 appendix B.1: SHA-256("abc"). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path tmp;

    @Test
    void aFileStreamedThroughStorageHashesAsItsBytes() throws Exception {
        Path file = Files.writeString(tmp.resolve("abc.csv"), "abc", StandardCharsets.UTF_8);
        assertThat(Sha256.of(Storage.defaults(), StoragePath.local(file))).isEqualTo(ABC);
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(ABC);
        var digest = Sha256.newDigest();
        digest.update("abc".getBytes(StandardCharsets.UTF_8));
        assertThat(Sha256.hex(digest)).isEqualTo(ABC);
    }
}
