package org.lcjp.reoffending.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/** SHA-256 of files, computed on the executors (one task per file) so the driver never reads the deliveries. */
public final class FileHashes {
    private FileHashes() {
    }

    /** Absolute path -> hex SHA-256. */
    public static Map<String, String> sha256(SparkSession spark, List<String> paths) {
        Map<String, String> out = new HashMap<>();
        if (paths.isEmpty()) {
            return out;
        }
        List<String> rows = spark.createDataset(paths, Encoders.STRING()).repartition(paths.size())
                .map((MapFunction<String, String>) p -> sha256(p) + "\t" + p, Encoders.STRING())
                .collectAsList();
        rows.forEach(r -> out.put(r.substring(r.indexOf('\t') + 1), r.substring(0, r.indexOf('\t'))));
        return out;
    }

    public static String sha256(String path) {
        try (InputStream in = Files.newInputStream(Paths.get(path))) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot hash file: " + e.getMessage() + " (" + path + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
