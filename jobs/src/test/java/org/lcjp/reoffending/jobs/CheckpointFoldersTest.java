package org.lcjp.reoffending.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.testing.SparkTestSession;

/** A clean night leaves no checkpoint folder for the next night to take for a crashed run's. */
class CheckpointFoldersTest {
    @TempDir
    Path tmp;

    @Test
    void aStageInsideTheRunKeepsTheRunsFolderAndTheRunRemovesIt() throws Exception {
        SparkSession spark = SparkTestSession.get();
        String before = spark.sparkContext().getCheckpointDir().get();
        Path dir = tmp.resolve("checkpoints");
        try {
            // The run sets it at the start (NightlyRun.session); the link stage asks for the same place.
            spark.sparkContext().setCheckpointDir(dir.toString());
            String runs = spark.sparkContext().getCheckpointDir().get();
            Leftovers.checkpointUnder(spark, Storage.defaults(), StoragePath.local(dir));
            assertThat(spark.sparkContext().getCheckpointDir().get()).isEqualTo(runs);
            assertThat(folders(dir)).isEqualTo(1);

            Leftovers.removeCheckpoints(Storage.defaults());
            assertThat(folders(dir)).isZero();

            // A removed folder (an earlier run's in this JVM) is not reused: a fresh one is made.
            Leftovers.checkpointUnder(spark, Storage.defaults(), StoragePath.local(dir));
            assertThat(spark.sparkContext().getCheckpointDir().get()).isNotEqualTo(runs);
            assertThat(folders(dir)).isEqualTo(1);

            // A stage run on its own, or pointed elsewhere, gets a folder of its own.
            Path other = tmp.resolve("other");
            Leftovers.checkpointUnder(spark, Storage.defaults(), StoragePath.local(other));
            assertThat(spark.sparkContext().getCheckpointDir().get())
                    .isNotEqualTo(runs)
                    .contains(other.toString());
        } finally {
            spark.sparkContext()
                    .setCheckpointDir(
                            new org.apache.hadoop.fs.Path(before).getParent().toString());
        }
    }

    private static long folders(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.count();
        }
    }
}
