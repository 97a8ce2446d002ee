package org.lcjp.reoffending.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.io.WarehouseTables;
import org.lcjp.reoffending.publish.AtomicPublisher;
import org.lcjp.reoffending.publish.RunLock;

/**
 * What the pipeline relies on from a file system, through the storage boundary: publishing appears whole, a
 * republish replaces and survives a crash between its renames, the run lock is exclusive and a stale one is taken
 * over, a table version switch survives a crash. Run on the local disk and on an in-process HDFS.
 */
public abstract class StorageContract {
    private static final Duration STALE = Duration.ofMinutes(10);
    private static int instance;
    protected StoragePath out;

    /** The storage under test. */
    protected abstract Storage storage();

    /** A fresh folder on it for one test. */
    protected abstract StoragePath freshFolder(String name);

    @BeforeEach
    void fresh() {
        out = freshFolder("contract-" + (++instance));
    }

    private List<String> names(StoragePath folder) {
        return storage().list(folder).stream().map(Storage.Entry::name).toList();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void publishBuildsOutOfSightThenAppearsWholeWithItsManifest() {
        AtomicPublisher p = new AtomicPublisher(storage(), out.resolve("published"));
        StoragePath building = p.prepare("2026-11-24", "r1");
        storage().writeString(building.resolve("table/part-0"), "rows");
        assertThat(storage().exists(out.resolve("published/2026-11-24"))).isFalse();
        StoragePath target = p.publish(building, "2026-11-24", "r1", bytes("{}"));
        assertThat(target).isEqualTo(out.resolve("published/2026-11-24"));
        assertThat(storage().readString(target.resolve("manifest.json"))).isEqualTo("{}");
        assertThat(storage().readString(target.resolve("table/part-0"))).isEqualTo("rows");
        assertThat(storage().exists(building)).isFalse();
        assertThat(names(out.resolve("published"))).containsExactly("2026-11-24");
    }

    @Test
    void publishesStagedOutputsWhenNothingWasPublishedBefore() {
        StoragePath staging = storage().mkdirs(out.resolve("staging/2026-11-24"));
        StoragePath target = new AtomicPublisher(storage(), out.resolve("published"))
                .publish(staging, "2026-11-24", "r1", bytes("{}"));
        assertThat(storage().isFile(target.resolve("manifest.json"))).isTrue();
        assertThat(storage().exists(staging)).isFalse();
    }

    @Test
    void republishReplacesTheFolderAndACrashBetweenItsRenamesIsRepaired() {
        AtomicPublisher p = new AtomicPublisher(storage(), out.resolve("published"));
        StoragePath first = p.prepare("2026-11-24", "r1");
        storage().writeString(first.resolve("old.txt"), "old");
        p.publish(first, "2026-11-24", "r1", bytes("{}"));
        StoragePath second = p.prepare("2026-11-24", "r2");
        storage().writeString(second.resolve("new.txt"), "new");
        StoragePath target = p.publish(second, "2026-11-24", "r2", bytes("{}"));
        assertThat(storage().exists(target.resolve("new.txt"))).isTrue();
        assertThat(storage().exists(target.resolve("old.txt"))).isFalse();
        assertThat(names(out.resolve("published"))).containsExactly("2026-11-24");

        // A crash after the old folder was set aside and before the new one arrived: the next run puts it back.
        storage().rename(target, out.resolve("published/.replaced-2026-11-24-r3"));
        p.prepare("2026-11-25", "r4");
        assertThat(storage().readString(target.resolve("new.txt"))).isEqualTo("new");
    }

    @Test
    void discardLeavesNothingHalfMadeAndRetentionKeepsTheNewest() {
        AtomicPublisher p = new AtomicPublisher(storage(), out.resolve("published"));
        StoragePath building = p.prepare("2026-11-24", "r1");
        storage().mkdirs(building.resolve("proven_reoffending"));
        p.discard(building);
        assertThat(names(out.resolve("published"))).isEmpty();
        for (String d : new String[] {"2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"}) {
            p.publish(p.prepare(d, "r"), d, "r", bytes("{}"));
        }
        assertThat(p.applyRetention(2, "2026-11-23"))
                .extracting(StoragePath::getFileName)
                .containsExactlyInAnyOrder("2026-11-20", "2026-11-21");
        assertThat(names(out.resolve("published"))).containsExactly("2026-11-22", "2026-11-23");
        assertThat(p.applyRetention(0, "2026-11-23")).isEmpty();
        // A rerun as of 2026-11-20 is kept by its own run's retention, beside the newest two.
        p.publish(p.prepare("2026-11-20", "r2"), "2026-11-20", "r2", bytes("{}"));
        assertThat(p.applyRetention(2, "2026-11-20")).isEmpty();
        assertThat(names(out.resolve("published"))).containsExactly("2026-11-20", "2026-11-22", "2026-11-23");
    }

    @Test
    void theRunLockIsExclusiveAndReleasedOnClose() {
        try (RunLock first = RunLock.acquire(storage(), out, "r1", STALE)) {
            assertThat(first.owner().runId()).isEqualTo("r1");
            assertThatThrownBy(() -> RunLock.acquire(storage(), out, "r2", STALE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another run holds the lock")
                    .hasMessageContaining("run r1");
        }
        assertThat(storage().exists(out.resolve(RunLock.FILE))).isFalse();
        try (RunLock again = RunLock.acquire(storage(), out, "r3", STALE)) {
            assertThat(RunLock.read(storage(), out.resolve(RunLock.FILE)).runId())
                    .isEqualTo("r3");
        }
    }

    @Test
    void aLockLeftByADeadProcessOnThisHostIsTakenOver() throws Exception {
        StoragePath file = out.resolve(RunLock.FILE);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        storage()
                .writeString(
                        file,
                        "{\"run_id\":\"crashed\",\"host\":\"" + host + "\",\"pid\":" + gone.pid()
                                + ",\"process_started\":0,\"acquired\":0}");
        try (RunLock lock = RunLock.acquire(storage(), out, "r2", STALE)) {
            assertThat(RunLock.read(storage(), file).runId()).isEqualTo("r2");
        }
    }

    @Test
    void aLockOfAnotherHostIsTakenOverOnlyOnceItsHeartbeatIsStale() {
        StoragePath file = out.resolve(RunLock.FILE);
        storage()
                .writeString(
                        file,
                        "{\"run_id\":\"elsewhere\",\"host\":\"another-host\",\"pid\":1,\"process_started\":0,\"acquired\":0}");
        assertThatThrownBy(() -> RunLock.acquire(storage(), out, "r2", STALE))
                .hasMessageContaining("run elsewhere on another-host");
        storage().touch(file, System.currentTimeMillis() - STALE.toMillis() - 60_000);
        try (RunLock lock = RunLock.acquire(storage(), out, "r3", STALE)) {
            assertThat(RunLock.read(storage(), file).runId()).isEqualTo("r3");
        }
    }

    @Test
    void aTableSwitchInterruptedByACrashIsFinishedOrUndone() {
        StoragePath table = out.resolve("warehouse/linkage/record_person");
        storage().writeString(table.resolve("_SUCCESS"), "");
        storage().writeString(table.resolve("v"), "1");
        StoragePath next = WarehouseTables.next(table);
        storage().writeString(next.resolve("_SUCCESS"), "");
        storage().writeString(next.resolve("v"), "2");
        WarehouseTables.switchTo(storage(), next, table);
        assertThat(storage().readString(table.resolve("v"))).isEqualTo("2");
        assertThat(names(table.getParent())).containsExactly("record_person");

        // Crashed between the renames with the new version complete: the switch is finished.
        storage().writeString(next.resolve("_SUCCESS"), "");
        storage().writeString(next.resolve("v"), "3");
        storage().rename(table, table.resolveSibling(".record_person.old"));
        WarehouseTables.recover(storage(), table);
        assertThat(storage().readString(table.resolve("v"))).isEqualTo("3");
        assertThat(names(table.getParent())).containsExactly("record_person");

        // Crashed with the new version incomplete: the old one is put back.
        storage().writeString(next.resolve("v"), "4");
        storage().rename(table, table.resolveSibling(".record_person.old"));
        WarehouseTables.recover(storage(), table);
        assertThat(storage().readString(table.resolve("v"))).isEqualTo("3");
    }

    @Test
    void pathsListAndReadBackAsWritten() {
        StoragePath f = out.resolve("input/police/outcomes/outcomes_20240101.csv");
        storage().writeString(f, "a,b\n1,2\n");
        assertThat(storage().list(out.resolve("input/police")).get(0).directory())
                .isTrue();
        assertThat(storage().listFiles(out.resolve("input")))
                .extracting(e -> e.path().relativeTo(out.resolve("input")))
                .containsExactly("police/outcomes/outcomes_20240101.csv");
        assertThat(storage().listFiles(out.resolve("input")).get(0).length()).isEqualTo(8);
        assertThat(StoragePath.of(f.toString())).isEqualTo(f);
        assertThat(storage().list(out.resolve("absent"))).isEmpty();
    }
}
