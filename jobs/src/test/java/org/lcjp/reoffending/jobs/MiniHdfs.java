package org.lcjp.reoffending.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.lcjp.reoffending.io.StoragePath;

/**
 * One in-process HDFS (a NameNode and a DataNode on 127.0.0.1) for the test JVM, started on first use and stopped
 * when the JVM ends. Paths on it are {@code hdfs://127.0.0.1:<port>/...}, which Spark and the storage boundary
 * reach through Hadoop's client like any cluster's.
 */
final class MiniHdfs {
    private static MiniDFSCluster cluster;

    private MiniHdfs() {}

    static synchronized StoragePath root() {
        if (cluster == null) {
            try {
                Path base = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "mini-hdfs");
                Configuration conf = new Configuration();
                conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
                conf.set("dfs.datanode.hostname", "127.0.0.1");
                // Tiny blocks are fine for tiny tables; one replica on one DataNode.
                conf.setInt("dfs.replication", 1);
                cluster = new MiniDFSCluster.Builder(conf)
                        .numDataNodes(1)
                        .format(true)
                        .build();
                cluster.waitActive();
                MiniDFSCluster started = cluster;
                Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown, "mini-hdfs-stop"));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the in-process HDFS", e);
            }
        }
        return StoragePath.of("hdfs://127.0.0.1:" + cluster.getNameNodePort() + "/");
    }
}
