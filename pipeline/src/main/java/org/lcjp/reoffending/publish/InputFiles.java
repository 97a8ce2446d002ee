package org.lcjp.reoffending.publish;

import java.util.ArrayList;
import java.util.List;
import org.lcjp.reoffending.io.Sha256;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;

/** The files of an input root with their SHA-256, for the run manifest. */
public final class InputFiles {
    /** @param path relative to the input root, '/'-separated */
    public record InputFile(String path, long bytes, String sha256) {}

    private InputFiles() {}

    /** Every file under {@code root}, each opened and hashed. */
    public static List<InputFile> list(Storage storage, StoragePath root) {
        if (!storage.isDirectory(root)) {
            return List.of();
        }
        List<InputFile> out = new ArrayList<>();
        for (Storage.Entry f : storage.listFiles(root)) {
            out.add(new InputFile(f.path().relativeTo(root), f.length(), Sha256.of(storage, f.path())));
        }
        return out;
    }

    /** A local input root (tests). */
    public static List<InputFile> list(java.nio.file.Path root) {
        return list(Storage.defaults(), StoragePath.local(root));
    }
}
