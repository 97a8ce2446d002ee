package org.lcjp.reoffending.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * published/&lt;as_of&gt;/ appears whole or not at all: a run builds in a hidden sibling folder and renames it into
 * place only when complete. A rerun for the same as-of date replaces the old folder by rename too.
 */
public final class AtomicPublisher {
    private static final Pattern AS_OF_FOLDER = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private final Path published;

    public AtomicPublisher(Path published) {
        this.published = published;
    }

    /** A fresh, empty folder to build this run's outputs in (on the same file system, so the final move is a rename). */
    public Path prepare(String asOf, String runId) throws IOException {
        Files.createDirectories(published);
        Path building = published.resolve(".building-" + asOf + "-" + runId);
        deleteRecursively(building);
        return Files.createDirectories(building);
    }

    /** Moves a complete folder to published/&lt;as_of&gt;, replacing an earlier run for the same date. */
    public Path publish(Path building, String asOf, String runId) throws IOException {
        // `reoffending publish` after stage-by-stage runs may be the first thing ever to publish here.
        Files.createDirectories(published);
        Path target = published.resolve(asOf);
        Path replaced = published.resolve(".replaced-" + asOf + "-" + runId);
        if (Files.exists(target)) {
            Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(replaced);
        return target;
    }

    /** Removes a folder a failed run was building, so nothing half-made is left behind. */
    public void discard(Path building) {
        try {
            deleteRecursively(building);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps the newest {@code keep} published folders (0 keeps all) and always {@code justPublished} (a back-dated
     * rerun must not be deleted by the run that made it); returns the folders removed.
     */
    public List<Path> applyRetention(int keep, String justPublished) throws IOException {
        if (keep <= 0 || !Files.isDirectory(published)) {
            return List.of();
        }
        List<Path> folders;
        try (Stream<Path> s = Files.list(published)) {
            folders = s.filter(p -> AS_OF_FOLDER.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        }
        List<Path> old = folders.stream().skip(keep).filter(p -> !p.getFileName().toString().equals(justPublished)).toList();
        for (Path p : old) {
            deleteRecursively(p);
        }
        return old;
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
