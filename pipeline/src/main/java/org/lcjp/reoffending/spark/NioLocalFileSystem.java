package org.lcjp.reoffending.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system with permissions set through java.nio. Without Hadoop's native library (never
 * present in an embedded run) the stock one starts a {@code chmod} process for every file, checksum and folder it
 * writes: about 1,900 processes, each forking a many-gigabyte JVM, in one ingest of a 2-million-row input.
 * Installed for local runs only (SparkSessions); a cluster keeps its own file systems.
 */
public final class NioLocalFileSystem extends LocalFileSystem {
    public NioLocalFileSystem() {
        super(new NioRaw());
    }

    static final class NioRaw extends RawLocalFileSystem {
        /**
         * The mode less the configured umask ({@code fs.permissions.umask-mode}): Hadoop's local file system gives a
         * folder made by {@code mkdirs(path, mode)} the mode as asked (0777 from Spark's committer), so only here does
         * every file and folder honour the run's umask (owner-only by default), whatever the process umask.
         */
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            FsPermission masked =
                    getConf() == null ? permission : permission.applyUMask(FsPermission.getUMask(getConf()));
            Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(masked.toShort()));
        }

        /** A folder made without a mode gets the default one less the umask too (not the process umask alone). */
        @Override
        public boolean mkdirs(Path f) throws IOException {
            return mkdirs(f, FsPermission.getDirDefault());
        }
    }

    /** The rwx bits of a mode (sticky and set-id bits have no meaning for these files). */
    static Set<PosixFilePermission> posix(int mode) {
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                out.add(order[bit]);
            }
        }
        return out;
    }
}
