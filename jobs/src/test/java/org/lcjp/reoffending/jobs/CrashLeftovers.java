package org.lcjp.reoffending.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What a crashed run may leave under OUTPUT, and what a run may not leave open: the fault tests' two checks. */
public final class CrashLeftovers {
    private CrashLeftovers() {}

    /** Anything a crash leaves: unpublished or set-aside folders, table versions, temporary files, checkpoints. */
    public static List<String> under(Path out) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            walk.forEach(p -> {
                String n = p.getFileName().toString();
                String rel = out.relativize(p).toString();
                if (n.startsWith(".building-")
                        || n.startsWith(".replaced-")
                        || n.endsWith(".next")
                        || n.endsWith(".old")
                        || n.contains(".tmp-")
                        || n.equals("_temporary")
                        || rel.startsWith("tmp/checkpoints/")) {
                    found.add(rel);
                }
            });
        }
        return found;
    }

    /**
     * Files and folders under {@code root} that group or others can reach and read, write or enter, with their modes:
     * an entry open to them counts unless a folder between {@code root} and it is owner-only (Spark writes its shuffle
     * files with the process's umask, inside the owner-only spark-local folder the run makes).
     */
    public static List<String> openToOthers(Stream<Path> paths, Path root) {
        List<String> open = new ArrayList<>();
        paths.filter(p -> !p.equals(root)).forEach(p -> {
            if (!ownerOnly(p) && shielding(p.getParent(), root) == null) {
                open.add(root.relativize(p) + " " + mode(p));
            }
        });
        return open;
    }

    /** The nearest owner-only folder from {@code folder} up to, not including, {@code root}; null when none. */
    private static Path shielding(Path folder, Path root) {
        for (Path f = folder; f != null && !f.equals(root); f = f.getParent()) {
            if (ownerOnly(f)) {
                return f;
            }
        }
        return null;
    }

    private static boolean ownerOnly(Path p) {
        return mode(p).endsWith("------");
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
