package org.lcjp.reoffending.jobs;

import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.settings.RunSettings;

/**
 * Who may read what a run writes ({@code run.output_access}): owner-only by default, whatever the process umask.
 * Files the storage boundary creates get their mode set ({@link Storage#withPermissions}); files Spark writes get
 * Hadoop's umask ({@value #UMASK}), which HDFS applies on the NameNode and the local file system through
 * {@code NioLocalFileSystem}. The umask is given as a {@code spark.hadoop.} system property before anything opens a
 * file system (so a new session and its executors inherit it), and set on a session and file system that already
 * exist (an embedded run inside a JVM that made them earlier).
 */
final class OutputAccess {
    static final String UMASK = "fs.permissions.umask-mode";

    private OutputAccess() {}

    /** Before any storage or Spark session of the run is made. */
    static Storage storage(RunSettings run) {
        System.setProperty("spark.hadoop." + UMASK, run.umask());
        return Storage.fromEnvironment().withPermissions(run.fileMode(), run.folderMode());
    }

    /** Once the session exists: its Hadoop configuration, and the cached file system of OUTPUT, get the umask too. */
    static void apply(RunSettings run, SparkSession spark, Storage storage, StoragePath output) {
        spark.sparkContext().hadoopConfiguration().set(UMASK, run.umask());
        org.apache.hadoop.conf.Configuration fsConf = storage.fileSystem(output).getConf();
        if (fsConf != null) {
            fsConf.set(UMASK, run.umask());
        }
    }
}
