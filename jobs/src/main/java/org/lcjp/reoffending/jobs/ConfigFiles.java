package org.lcjp.reoffending.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.lcjp.reoffending.io.Sha256;
import org.lcjp.reoffending.settings.PipelineSettings;
import org.lcjp.reoffending.settings.SettingsLoader;

/**
 * What a run's figures depend on besides the data and the code: the resolved settings and every conf file that can
 * change a figure (the reference tables offences.csv and areas.csv, targets, labels, ...). The manifest records each
 * file's SHA-256 and one hash over all of it, so a run can be reproduced and two runs compared. Left out are the
 * files that cannot change a figure: logging, scheduling and cluster scripts, keys and their notes, and
 * pipeline.yaml itself, whose resolved settings (defaults filled in) are hashed instead, so a comment edit does not
 * count as a change.
 */
final class ConfigFiles {
    private static final List<String> NOT_FIGURES = List.of("pipeline.yaml", "schedule/", "cluster/");

    private ConfigFiles() {}

    /** Relative path (with '/') to SHA-256, in path order. */
    static Map<String, String> sha256(Path confDir) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(confDir)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(confDir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = confDir.relativize(p).toString().replace('\\', '/');
                if (changesFigures(name)) {
                    out.put(name, Sha256.hex(Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot hash the configuration in " + confDir + ": " + e.getMessage(), e);
        }
        return out;
    }

    static boolean changesFigures(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        return NOT_FIGURES.stream().noneMatch(n -> n.endsWith("/") ? name.startsWith(n) : name.equals(n))
                && !file.startsWith("log4j2")
                && !file.endsWith(".key")
                && !file.endsWith(".README")
                && !file.startsWith(".");
    }

    /** SHA-256 over the resolved settings and each file's name and hash. */
    static String hash(PipelineSettings settings, Map<String, String> files) {
        StringBuilder b = new StringBuilder("settings ")
                .append(SettingsLoader.hash(settings))
                .append('\n');
        files.forEach((name, sha) -> b.append(name).append(' ').append(sha).append('\n'));
        return Sha256.hex(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
