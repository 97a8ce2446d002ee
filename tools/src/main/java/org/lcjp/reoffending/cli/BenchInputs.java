package org.lcjp.reoffending.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.lcjp.reoffending.synthetic.GeneratorSettings;
import org.lcjp.reoffending.synthetic.SyntheticExtracts;

/** The benchmark's generated inputs (seeded, generated once and kept) and its throwaway key. */
final class BenchInputs {
    private final Path data;
    private final int fromYear;
    private final int toYear;
    private final PrintWriter out;

    BenchInputs(Path data, int fromYear, int toYear, PrintWriter out) {
        this.data = data;
        this.fromYear = fromYear;
        this.toYear = toYear;
        this.out = out;
    }

    /** Generates people into input (and their truth) unless an earlier run did; the input rows. */
    long ensure(long people, Path input, Path truth) throws Exception {
        Path done = input.resolveSibling("generated.ok");
        if (Files.exists(done)) {
            return Long.parseLong(Files.readString(done).strip());
        }
        deleteQuietly(input);
        long t0 = System.nanoTime();
        var r = SyntheticExtracts.generate(GeneratorSettings.defaults(people, fromYear, toYear, 42), input, truth);
        out.printf(
                "generated %,d people, %,d rows in %.1f s (kept in %s)%n",
                people, r.rows(), (System.nanoTime() - t0) / 1e9, input);
        out.flush();
        Files.writeString(done, Long.toString(r.rows()));
        return r.rows();
    }

    /** A random key kept beside the generated data (synthetic data only). */
    Path key() throws IOException {
        Path key = data.resolve("bench.key");
        if (!Files.exists(key)) {
            Files.createDirectories(data);
            byte[] b = new byte[48];
            new SecureRandom().nextBytes(b);
            Files.writeString(key, Base64.getEncoder().encodeToString(b), StandardCharsets.UTF_8);
        }
        // Owner-only, as the run requires of any key (a bench.key made before this rule is tightened too).
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return key.toAbsolutePath();
    }

    static void deleteQuietly(Path p) {
        org.lcjp.reoffending.io.Storage.defaults().delete(org.lcjp.reoffending.io.StoragePath.local(p));
    }
}
