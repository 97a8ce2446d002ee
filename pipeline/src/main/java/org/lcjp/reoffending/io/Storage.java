package org.lcjp.reoffending.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.SparkConf;

/**
 * The one storage boundary: every listing, read, write, rename, delete and lock of the pipeline's own files goes
 * through Hadoop's {@link FileSystem} here (Spark reads and writes tables through the same file systems, by
 * {@link StoragePath#toString()}). Serializable, so executors open deliveries through it too: it carries only the
 * Hadoop settings given to Spark ({@code spark.hadoop.*}), and each JVM builds its {@link Configuration} from them
 * and its own {@code core-site.xml}, as Spark does.
 *
 * <p>What each file system guarantees, and how the pipeline relies on it:
 * <ul>
 *   <li><b>Local and HDFS</b> (also {@code viewfs://}, {@code abfs://} with a hierarchical namespace): a folder
 *       rename is atomic, so a published folder or a new table version appears in one step
 *       ({@link #atomicDirectoryRename}); creating a file that must not exist is exclusive (the run lock).</li>
 *   <li><b>Object stores</b> ({@code s3a://}, {@code gs://}, {@code wasb://}, ...): a "rename" copies object by
 *       object, so a folder can be seen half moved. There the publisher writes {@code manifest.json} last, after
 *       the folder is complete, and readers trust a published folder only when its manifest is present; a single
 *       file written whole is atomic (one PUT), so small files are written in place. Spark's own table writes
 *       use its configured committer (the S3A committers are documented in the README).</li>
 * </ul>
 *
 * <p>Permissions: every file and folder this boundary creates goes through {@link #created}, which applies the
 * modes of {@link #withPermissions} when set (owner-only, or with a group) on local and Hadoop file systems alike.
 * The settings and key files under {@code conf/} are read on the driver with java.nio, outside this boundary, on purpose:
 * they are the operator's local files, never data.
 */
public final class Storage implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String HADOOP_PREFIX = "spark.hadoop.";
    /** Schemes of object stores, whose folder rename is a copy (not atomic). */
    private static final Set<String> OBJECT_STORES =
            Set.of("s3a", "s3", "s3n", "gs", "oss", "cosn", "obs", "wasb", "wasbs");

    private final Map<String, String> hadoopSettings;
    private final Short fileMode;
    private final Short folderMode;
    private transient Configuration configuration;

    private Storage(Map<String, String> hadoopSettings, Short fileMode, Short folderMode) {
        this.hadoopSettings = new LinkedHashMap<>(hadoopSettings);
        this.fileMode = fileMode;
        this.folderMode = folderMode;
    }

    /** The file systems as this JVM's Spark configuration ({@code spark.hadoop.*} system properties) sets them. */
    public static Storage fromEnvironment() {
        return of(new SparkConf(true));
    }

    /** The file systems a Spark application with this configuration uses. */
    public static Storage of(SparkConf conf) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (scala.Tuple2<String, String> kv : conf.getAll()) {
            if (kv._1().startsWith(HADOOP_PREFIX)) {
                settings.put(kv._1().substring(HADOOP_PREFIX.length()), kv._2());
            }
        }
        return new Storage(settings, null, null);
    }

    /** Plain Hadoop defaults (tests and tools). */
    public static Storage defaults() {
        return new Storage(Map.of(), null, null);
    }

    /**
     * This storage creating every file and folder with these modes (e.g. 0600 and 0700 for owner-only), or with the
     * file system's default when null.
     */
    public Storage withPermissions(Short fileMode, Short folderMode) {
        return new Storage(hadoopSettings, fileMode, folderMode);
    }

    /**
     * The Hadoop configuration of this JVM (from core-site.xml and the Spark-given settings), built once per JVM and
     * settings: each executor task gets its own copy of this object, and parsing Hadoop's default XML resources for
     * every task was a measurable share of a small run's CPU.
     */
    public Configuration configuration() {
        if (configuration == null) {
            configuration = CONFIGURATIONS.computeIfAbsent(hadoopSettings, settings -> {
                Configuration c = new Configuration();
                // As Spark's local runs have it (SparkSessions): whichever of the two reaches the local file system
                // first makes the instance both share (Hadoop caches one per scheme).
                c.set("fs.file.impl", org.lcjp.reoffending.spark.NioLocalFileSystem.class.getName());
                settings.forEach(c::set);
                return c;
            });
        }
        return configuration;
    }

    private static final java.util.concurrent.ConcurrentHashMap<Map<String, String>, Configuration> CONFIGURATIONS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The file system holding {@code p}. For local files, the raw local file system: the pipeline's own files need
     * no {@code .crc} side files (Spark's checksummed writes keep theirs).
     */
    public FileSystem fileSystem(StoragePath p) {
        try {
            FileSystem fs = p.hadoop().getFileSystem(configuration());
            return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
        } catch (IOException e) {
            throw failure("reach the file system of", p, e);
        }
    }

    // ---- questions

    public boolean exists(StoragePath p) {
        try {
            return fileSystem(p).exists(p.hadoop());
        } catch (IOException e) {
            throw failure("look at", p, e);
        }
    }

    public boolean isDirectory(StoragePath p) {
        FileStatus s = status(p);
        return s != null && s.isDirectory();
    }

    public boolean isFile(StoragePath p) {
        FileStatus s = status(p);
        return s != null && s.isFile();
    }

    /** The file's or folder's status, or null when there is none. */
    public FileStatus status(StoragePath p) {
        try {
            return fileSystem(p).getFileStatus(p.hadoop());
        } catch (FileNotFoundException e) {
            return null;
        } catch (IOException e) {
            throw failure("look at", p, e);
        }
    }

    /**
     * Is the listed {@code s} at {@code p} a symbolic link (on a file system that has them: local disks; HDFS only when
     * enabled)? The input root's entries are listed through links, so discovery asks this of each to read nothing
     * that resolves elsewhere. Other file systems say so in the listing itself, without a call per entry.
     */
    private static boolean isLink(StoragePath p, FileStatus s) {
        if (p.isLocal()) {
            // Hadoop's local file system reports links only with its native library (or a readlink process per
            // file); java.nio asks the kernel directly.
            return java.nio.file.Files.isSymbolicLink(p.toLocalPath());
        }
        return s.isSymlink();
    }

    /**
     * Is there a table Spark can read at {@code folder}: any Parquet file below it (a write of no rows leaves a
     * {@code _SUCCESS} marker but, partitioned, no file to take the schema from).
     */
    public boolean isTable(StoragePath folder) {
        if (!isDirectory(folder)) {
            return false;
        }
        try {
            RemoteIterator<LocatedFileStatus> it = fileSystem(folder).listFiles(folder.hadoop(), true);
            while (it.hasNext()) {
                if (it.next().getPath().getName().endsWith(".parquet")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw failure("list", folder, e);
        }
    }

    /**
     * One entry of a listing.
     *
     * @param link whether it is a symbolic link (only {@link #list} tells; recursive listings follow none)
     */
    public record Entry(StoragePath path, boolean directory, long length, long modificationTime, boolean link) {
        public String name() {
            return path.getFileName();
        }
    }

    /** The folder's entries sorted by name (hidden and Hadoop side files included); empty when there is no folder. */
    public List<Entry> list(StoragePath folder) {
        try {
            FileStatus[] all = fileSystem(folder).listStatus(folder.hadoop());
            List<Entry> out = new ArrayList<>();
            for (FileStatus s : all) {
                out.add(entry(folder, s));
            }
            out.sort(Comparator.comparing(Entry::name));
            return out;
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw failure("list", folder, e);
        }
    }

    /** Every file below {@code folder} (recursively), sorted by path. */
    public List<Entry> listFiles(StoragePath folder) {
        List<Entry> out = new ArrayList<>();
        try {
            RemoteIterator<LocatedFileStatus> it = fileSystem(folder).listFiles(folder.hadoop(), true);
            while (it.hasNext()) {
                LocatedFileStatus s = it.next();
                out.add(new Entry(child(folder, s.getPath()), false, s.getLen(), s.getModificationTime(), false));
            }
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw failure("list", folder, e);
        }
        out.sort(Comparator.comparing(Entry::path));
        return out;
    }

    private static Entry entry(StoragePath folder, FileStatus s) {
        StoragePath p = folder.resolve(s.getPath().getName());
        return new Entry(p, s.isDirectory(), s.getLen(), s.getModificationTime(), isLink(p, s));
    }

    /** {@code found} re-expressed under {@code folder} (file systems may qualify it differently, e.g. file:/// vs file:/). */
    private static StoragePath child(StoragePath folder, Path found) {
        String base = folder.hadoop().toUri().getPath();
        String path = found.toUri().getPath();
        String prefix = base.endsWith("/") ? base : base + "/";
        return path.startsWith(prefix)
                ? folder.resolve(path.substring(prefix.length()))
                : StoragePath.of(found.toString());
    }

    // ---- reading

    public InputStream open(StoragePath file) {
        try {
            return fileSystem(file).open(file.hadoop(), 1 << 16);
        } catch (IOException e) {
            throw failure("read file", file, e);
        }
    }

    public byte[] readBytes(StoragePath file) {
        try (InputStream in = open(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw failure("read file", file, e);
        }
    }

    public String readString(StoragePath file) {
        return new String(readBytes(file), StandardCharsets.UTF_8);
    }

    // ---- writing

    /** Creates the folder and any missing parents. */
    public StoragePath mkdirs(StoragePath folder) {
        try {
            FileSystem fs = fileSystem(folder);
            if (!fs.mkdirs(folder.hadoop())) {
                throw new IOException("mkdirs returned false");
            }
            created(folder, true);
            return folder;
        } catch (IOException e) {
            throw failure("create folder", folder, e);
        }
    }

    /** A new file (replacing one of that name). Use {@link #write} for small files that must appear whole. */
    public OutputStream create(StoragePath file) {
        try {
            FSDataOutputStream out = fileSystem(file).create(file.hadoop(), true);
            created(file, false);
            return out;
        } catch (IOException e) {
            throw failure("write file", file, e);
        }
    }

    /**
     * Writes a small file so that a reader sees the old content or the new, never part of it: written beside and
     * renamed over the old one (atomically on HDFS and local disks); on an object store written in place (one PUT
     * is atomic).
     */
    public void write(StoragePath file, byte[] content) {
        if (!atomicDirectoryRename(file)) {
            writeDirect(file, content);
            return;
        }
        StoragePath tmp = file.resolveSibling(
                "." + file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        writeDirect(tmp, content);
        replaceFile(tmp, file);
    }

    public void writeString(StoragePath file, String content) {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private void writeDirect(StoragePath file, byte[] content) {
        try (OutputStream out = create(file)) {
            out.write(content);
        } catch (IOException e) {
            throw failure("write file", file, e);
        }
    }

    /**
     * Creates a file that must not exist yet, in one step, or throws {@link FileAlreadyExistsException}: what the
     * run lock rests on (HDFS create without overwrite is exclusive on the NameNode; local disks use O_EXCL).
     */
    public void createExclusive(StoragePath file, byte[] content) throws FileAlreadyExistsException {
        if (file.isLocal()) {
            try {
                java.nio.file.Path p = file.toLocalPath();
                java.nio.file.Files.createDirectories(p.getParent());
                java.nio.file.Files.write(
                        p,
                        content,
                        java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                created(file, false);
                return;
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (IOException e) {
                throw failure("create file", file, e);
            }
        }
        try {
            FileSystem fs = fileSystem(file);
            try (FSDataOutputStream out = fs.create(file.hadoop(), false)) {
                out.write(content);
            }
            created(file, false);
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(file.toString());
        } catch (IOException e) {
            if (exists(file)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            throw failure("create file", file, e);
        }
    }

    /** Sets the modification time (the run lock's heartbeat). */
    public void touch(StoragePath file, long millis) {
        try {
            fileSystem(file).setTimes(file.hadoop(), millis, -1);
        } catch (IOException | UnsupportedOperationException e) {
            // Object stores keep the write time; their lock is judged by the heartbeat written in the file.
        }
    }

    // ---- moving and deleting

    /**
     * Renames a file or folder to a name that must not exist yet. Atomic for a folder where
     * {@link #atomicDirectoryRename} says so.
     */
    public void rename(StoragePath from, StoragePath to) {
        try {
            FileSystem fs = fileSystem(from);
            if (fs.exists(to.hadoop())) {
                throw new IOException("the target exists");
            }
            if (to.getParent() != null) {
                fs.mkdirs(to.getParent().hadoop());
            }
            if (!fs.rename(from.hadoop(), to.hadoop())) {
                throw new IOException("rename returned false");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rename " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /** Moves a file over another in one step where the file system can (HDFS rename with overwrite, local move). */
    public void replaceFile(StoragePath from, StoragePath to) {
        try {
            if (from.isLocal()) {
                java.nio.file.Files.move(
                        from.toLocalPath(),
                        to.toLocalPath(),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            FileContext fc = FileContext.getFileContext(to.hadoop().toUri(), configuration());
            fc.rename(from.hadoop(), to.hadoop(), Options.Rename.OVERWRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + from + " over " + to + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a file or a folder with everything in it; nothing to do when it is absent. */
    public void delete(StoragePath p) {
        try {
            FileSystem fs = fileSystem(p);
            if (fs.exists(p.hadoop()) && !fs.delete(p.hadoop(), true) && fs.exists(p.hadoop())) {
                throw new IOException("delete returned false");
            }
        } catch (IOException e) {
            throw failure("delete", p, e);
        }
    }

    /** Copies a file or folder (tools: the benchmark's kept warehouse). */
    public void copy(StoragePath from, StoragePath to) {
        try {
            org.apache.hadoop.fs.FileUtil.copy(
                    fileSystem(from), from.hadoop(), fileSystem(to), to.hadoop(), false, true, configuration());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether renaming a folder on this file system is one atomic step (local, HDFS, viewfs, ABFS with a
     * hierarchical namespace), or a copy object by object (S3A, GCS, WASB, ...): then publishing trusts a marker
     * written last instead.
     */
    public boolean atomicDirectoryRename(StoragePath p) {
        String scheme = p.scheme();
        return scheme == null || !OBJECT_STORES.contains(scheme.toLowerCase(java.util.Locale.ROOT));
    }

    // ---- permissions

    /** Applies the configured mode to what this boundary has just created (the one place issue 21's privacy hooks in). */
    private void created(StoragePath p, boolean folder) throws IOException {
        Short mode = folder ? folderMode : fileMode;
        if (mode != null) {
            fileSystem(p).setPermission(p.hadoop(), new FsPermission(mode));
        }
    }

    private static UncheckedIOException failure(String what, StoragePath p, IOException e) {
        return new UncheckedIOException("Cannot " + what + ": " + e.getMessage() + " (" + p + ")", e);
    }
}
