package org.lcjp.reoffending.jobs;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.io.Warehouse;

/**
 * What crashed runs leave behind, removed by the next run under the lock (no other run can be using any of it):
 * unpublished {@code published/.building-*} folders, and under OUTPUT/tmp Spark's scratch folders and checkpoint
 * folders. Scratch made since this JVM started is this run's and is kept; of the checkpoints only the active one is.
 */
final class Leftovers {
    private static final Logger LOG = LogManager.getLogger(Leftovers.class);
    static final String BUILDING = ".building-";
    static final String SPARK_LOCAL = "spark-local";
    static final String CHECKPOINTS = "checkpoints";

    private Leftovers() {}

    /**
     * Removes the leftovers; returns how many folders and files went.
     *
     * @param building this run's own folder under published/ (already prepared), kept; null when the run only stages
     */
    static int remove(Storage storage, Warehouse warehouse, StoragePath building) {
        List<StoragePath> gone = new ArrayList<>();
        String own = building == null ? null : building.getFileName();
        if (storage.isDirectory(warehouse.published())) {
            storage.list(warehouse.published()).stream()
                    .filter(e -> e.directory()
                            && e.name().startsWith(BUILDING)
                            && !e.name().equals(own))
                    .forEach(e -> gone.add(e.path()));
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        StoragePath scratch = warehouse.scratch();
        if (storage.isDirectory(scratch)) {
            for (Storage.Entry e : storage.list(scratch)) {
                if (e.name().equals(SPARK_LOCAL)) {
                    storage.list(e.path()).stream()
                            .filter(x -> x.modificationTime() < jvmStart)
                            .forEach(x -> gone.add(x.path()));
                } else if (e.name().equals(CHECKPOINTS)) {
                    String active = activeCheckpoint();
                    storage.list(e.path()).stream()
                            .filter(x -> active == null || !active.endsWith("/" + x.name()))
                            .forEach(x -> gone.add(x.path()));
                } else if (e.modificationTime() < jvmStart) {
                    gone.add(e.path());
                }
            }
        }
        for (StoragePath p : gone) {
            LOG.info("Removing what a crashed run left: {}", p);
            storage.delete(p);
        }
        return gone.size();
    }

    /** Removes this run's checkpoint folder (Spark leaves it behind, mostly empty). */
    static void removeCheckpoints(Storage storage) {
        String active = activeCheckpoint();
        if (active != null) {
            storage.delete(org.lcjp.reoffending.io.StoragePath.of(active));
        }
    }

    /**
     * Checkpoints under {@code dir}, keeping the folder already in use there. Spark makes a new folder below the
     * directory each time it is set; a stage inside the nightly run (which set it at the start) setting it again
     * left the run's first folder behind, and the next night removed it as a crashed run's.
     */
    static void checkpointUnder(SparkSession spark, Storage storage, StoragePath dir) {
        scala.Option<String> active = spark.sparkContext().getCheckpointDir();
        // A folder already removed (an earlier run's, in the same JVM) is not reused.
        if (active.isEmpty()
                || !pathOf(new org.apache.hadoop.fs.Path(active.get())
                                .getParent()
                                .toString())
                        .equals(pathOf(dir.toString()))
                || !storage.isDirectory(StoragePath.of(active.get()))) {
            spark.sparkContext().setCheckpointDir(dir.toString());
        }
    }

    /** The path part of a location (file:/x, file:///x and /x are one folder), without a trailing slash. */
    private static String pathOf(String location) {
        String p = new org.apache.hadoop.fs.Path(location).toUri().getPath();
        return p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
    }

    private static String activeCheckpoint() {
        scala.Option<SparkSession> spark = SparkSession.getDefaultSession();
        if (spark.isEmpty() || spark.get().sparkContext().getCheckpointDir().isEmpty()) {
            return null;
        }
        String dir = spark.get().sparkContext().getCheckpointDir().get();
        return dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    }
}
