package org.lcjp.reoffending.io;

import java.io.Serializable;
import java.net.URI;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;

/**
 * A file or folder on any file system Hadoop knows ({@code hdfs://}, {@code s3a://}, {@code abfs://}, {@code file:}),
 * always absolute and fully qualified, so that Spark and {@link Storage} read the same place. A location written
 * without a scheme is a <em>local</em> path (made absolute against the working folder), as it always was here.
 *
 * <p>The method names follow {@link java.nio.file.Path} where they mean the same ({@code resolve},
 * {@code resolveSibling}, {@code getParent}, {@code getFileName}), and {@link #toString()} is the URI Spark's
 * readers and writers take: {@code spark.read().parquet(warehouse.staged(id).toString())}.
 */
public final class StoragePath implements Serializable, Comparable<StoragePath> {
    private static final long serialVersionUID = 1L;
    /** A URI scheme (RFC 3986) of two or more characters: one letter alone is a Windows drive, not a scheme. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private final String uri;
    private transient Path hadoop;

    private StoragePath(Path p) {
        this.hadoop = p;
        this.uri = p.toString();
    }

    /** A location as the operator wrote it: a URI with a scheme, or a local path (relative to the working folder). */
    public static StoragePath of(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("Cannot use an empty location");
        }
        if (SCHEME.matcher(location).matches()) {
            URI u = URI.create(location.replace(" ", "%20")).normalize();
            if (u.getPath() == null || u.getPath().isEmpty() || !u.getPath().startsWith("/")) {
                throw new IllegalArgumentException(
                        "Cannot use location: a URI must have an absolute path (" + location + ")");
            }
            if ("file".equals(u.getScheme())) {
                return local(java.nio.file.Path.of(u.getPath()));
            }
            return new StoragePath(new Path(u));
        }
        return local(java.nio.file.Path.of(location));
    }

    /** A local file or folder. */
    public static StoragePath local(java.nio.file.Path p) {
        java.nio.file.Path abs = p.toAbsolutePath().normalize();
        // Not abs.toUri(): it ends an existing folder with '/', and the name would then be empty.
        return new StoragePath(new Path("file", null, abs.toString().replace('\\', '/')));
    }

    /** Hadoop's form of the path, for the storage boundary. */
    public Path hadoop() {
        if (hadoop == null) {
            hadoop = new Path(uri);
        }
        return hadoop;
    }

    public String scheme() {
        return hadoop().toUri().getScheme();
    }

    public boolean isLocal() {
        return "file".equals(scheme());
    }

    /** The local path of a {@code file:} location (for tools and tests that need java.nio); fails for any other. */
    public java.nio.file.Path toLocalPath() {
        if (!isLocal()) {
            throw new IllegalStateException("Cannot use " + uri + " as a local path: it is on " + scheme() + "://");
        }
        return java.nio.file.Path.of(hadoop().toUri().getPath());
    }

    /** A child; {@code relative} may hold several '/'-separated names. */
    public StoragePath resolve(String relative) {
        if (relative.isEmpty()) {
            return this;
        }
        if (relative.startsWith("/")) {
            throw new IllegalArgumentException("Cannot resolve an absolute path under " + uri + " (" + relative + ")");
        }
        return new StoragePath(new Path(hadoop(), relative));
    }

    public StoragePath resolveSibling(String name) {
        StoragePath parent = getParent();
        if (parent == null) {
            throw new IllegalArgumentException("Cannot resolve a sibling of the root " + uri);
        }
        return parent.resolve(name);
    }

    /** The parent folder, or null at the root. */
    public StoragePath getParent() {
        Path p = hadoop().getParent();
        return p == null ? null : new StoragePath(p);
    }

    /** The last name of the path (a String: {@code getFileName().toString()} reads as it does on java.nio). */
    public String getFileName() {
        return hadoop().getName();
    }

    /** This path relative to an ancestor, '/'-separated; fails when {@code ancestor} is not one. */
    public String relativeTo(StoragePath ancestor) {
        String a = ancestor.hadoop().toUri().getPath();
        String me = hadoop().toUri().getPath();
        String prefix = a.endsWith("/") ? a : a + "/";
        if (!sameFileSystem(ancestor) || !me.startsWith(prefix)) {
            throw new IllegalArgumentException("Cannot relativize " + uri + " against " + ancestor);
        }
        return me.substring(prefix.length());
    }

    public boolean startsWith(StoragePath ancestor) {
        String a = ancestor.hadoop().toUri().getPath();
        String me = hadoop().toUri().getPath();
        return sameFileSystem(ancestor) && (me.equals(a) || me.startsWith(a.endsWith("/") ? a : a + "/"));
    }

    private boolean sameFileSystem(StoragePath other) {
        URI x = hadoop().toUri();
        URI y = other.hadoop().toUri();
        return java.util.Objects.equals(x.getScheme(), y.getScheme())
                && java.util.Objects.equals(x.getAuthority(), y.getAuthority());
    }

    /** The fully qualified URI (e.g. {@code file:/data/out/warehouse}, {@code hdfs://nn:8020/lcjp/out}), as Spark takes it. */
    @Override
    public String toString() {
        return uri;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoragePath p && p.uri.equals(uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    @Override
    public int compareTo(StoragePath o) {
        return uri.compareTo(o.uri);
    }
}
