package org.lcjp.reoffending.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.linkage.model.LinkageModel;
import org.lcjp.reoffending.settings.SettingsException;

/**
 * Where the nightly run finds the linkage model it predicts with, and where models are kept: the file named by
 * linkage.model.file (relative to the conf folder), else OUTPUT's model store warehouse/linkage/models/, whose
 * linkage-model.json is the current model and whose archive/ keeps a copy of every model ever used or trained, named
 * by its hash, so the model behind any published figure (the manifest names its hash) can always be found. Files go
 * through Hadoop's FileSystem, as the tables do.
 */
final class LinkageModels {
    static final String STORE = "models";
    static final String ARCHIVE = "archive";

    /** A model read from a file: the model, the file's bytes and hash, and where it came from. */
    record Given(LinkageModel model, byte[] bytes, String hash, String source) {
    }

    private LinkageModels() {
    }

    static Path store(RunContext ctx) {
        return ctx.warehouse().linkage().resolve(STORE);
    }

    /** The store's current model file. */
    static Path current(RunContext ctx) {
        return store(ctx).resolve(LinkageModel.FILE_NAME);
    }

    /** The model named by the settings, else the store's current one, else null (none yet). */
    static Given given(SparkSession spark, RunContext ctx) {
        String file = ctx.settings().linkage().model().file();
        if (file != null) {
            Path p = ctx.confDir().resolve(file).toAbsolutePath().normalize();
            if (!exists(spark, p)) {
                throw new SettingsException("Cannot find the linkage model named by linkage.model.file (" + p + "). Train one with "
                        + "`reoffending train-linkage --model " + p + "`, or remove the setting to use OUTPUT's model store");
            }
            return read(spark, p);
        }
        Path current = current(ctx);
        return exists(spark, current) ? read(spark, current) : null;
    }

    static Given read(SparkSession spark, Path file) {
        byte[] bytes = bytes(spark, file);
        return new Given(LinkageModel.fromJson(bytes, file.toString()), bytes, LinkageModel.hash(bytes), file.toString());
    }

    /** Writes the model to the file (replacing it) and a copy into the store's archive; returns its hash. */
    static String write(SparkSession spark, RunContext ctx, byte[] json, Path target) {
        String hash = LinkageModel.hash(json);
        replace(spark, target, json);
        archive(spark, ctx, json, hash);
        return hash;
    }

    /** Keeps a copy of a model under its hash in the store's archive, unless one is there already. */
    static void archive(SparkSession spark, RunContext ctx, byte[] json, String hash) {
        Path copy = store(ctx).resolve(ARCHIVE).resolve(hash + ".json");
        if (!exists(spark, copy)) {
            replace(spark, copy, json);
        }
    }

    private static FileSystem fs(SparkSession spark, org.apache.hadoop.fs.Path p) throws IOException {
        return p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    }

    private static org.apache.hadoop.fs.Path hadoop(Path p) {
        return new org.apache.hadoop.fs.Path(p.toAbsolutePath().toUri());
    }

    static boolean exists(SparkSession spark, Path p) {
        try {
            org.apache.hadoop.fs.Path h = hadoop(p);
            return fs(spark, h).exists(h);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look for the linkage model " + p + ": " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(SparkSession spark, Path p) {
        org.apache.hadoop.fs.Path h = hadoop(p);
        try (InputStream in = fs(spark, h).open(h)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the linkage model " + p + ": " + e.getMessage(), e);
        }
    }

    /** Written beside the target and renamed over it, so a reader never sees half a model. */
    private static void replace(SparkSession spark, Path target, byte[] bytes) {
        org.apache.hadoop.fs.Path h = hadoop(target);
        org.apache.hadoop.fs.Path tmp = h.suffix(".tmp");
        try {
            FileSystem fs = fs(spark, h);
            fs.mkdirs(h.getParent());
            try (OutputStream out = fs.create(tmp, true)) {
                out.write(bytes);
            }
            fs.delete(h, false);
            if (!fs.rename(tmp, h)) {
                throw new IOException("rename of " + tmp + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the linkage model " + target + ": " + e.getMessage(), e);
        }
    }
}
