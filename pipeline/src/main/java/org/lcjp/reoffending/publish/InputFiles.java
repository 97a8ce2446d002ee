package org.lcjp.reoffending.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The files of an input root with their SHA-256, for the run manifest. */
public final class InputFiles {
    /** @param path relative to the input root, '/'-separated */
    public record InputFile(String path, long bytes, String sha256) {
    }

    private InputFiles() {
    }

    public static List<InputFile> list(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            List<InputFile> out = new java.util.ArrayList<>();
            for (Path f : files) {
                out.add(new InputFile(root.relativize(f).toString().replace('\\', '/'), Files.size(f), sha256(f)));
            }
            return out;
        }
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
