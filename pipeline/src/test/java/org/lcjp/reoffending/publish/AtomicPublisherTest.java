package org.lcjp.reoffending.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicPublisherTest {
    @TempDir
    Path out;

    @Test
    void buildsOutOfSightThenAppearsWhole() throws IOException {
        AtomicPublisher p = new AtomicPublisher(out.resolve("published"));
        Path building = p.prepare("2026-11-24", "r1");
        Files.writeString(building.resolve("manifest.json"), "{}");
        assertThat(out.resolve("published/2026-11-24")).doesNotExist();
        Path target = p.publish(building, "2026-11-24", "r1");
        assertThat(target).isEqualTo(out.resolve("published/2026-11-24"));
        assertThat(target.resolve("manifest.json")).hasContent("{}");
        assertThat(building).doesNotExist();
    }

    @Test
    void publishesStagedOutputsWhenNothingWasPublishedBefore() throws IOException {
        Path staging = Files.createDirectories(out.resolve("staging").resolve("2026-11-24"));
        Files.writeString(staging.resolve("manifest.json"), "{}");
        Path target = new AtomicPublisher(out.resolve("published")).publish(staging, "2026-11-24", "r1");
        assertThat(target.resolve("manifest.json")).exists();
        assertThat(staging).doesNotExist();
    }

    @Test
    void rerunForTheSameDateReplacesTheFolder() throws IOException {
        AtomicPublisher p = new AtomicPublisher(out.resolve("published"));
        Path first = p.prepare("2026-11-24", "r1");
        Files.writeString(first.resolve("old.txt"), "old");
        p.publish(first, "2026-11-24", "r1");
        Path second = p.prepare("2026-11-24", "r2");
        Files.writeString(second.resolve("new.txt"), "new");
        Path target = p.publish(second, "2026-11-24", "r2");
        assertThat(target.resolve("new.txt")).exists();
        assertThat(target.resolve("old.txt")).doesNotExist();
        try (Stream<Path> s = Files.list(out.resolve("published"))) {
            assertThat(s.map(f -> f.getFileName().toString())).containsExactly("2026-11-24");
        }
    }

    @Test
    void discardLeavesNothingHalfMade() throws IOException {
        AtomicPublisher p = new AtomicPublisher(out.resolve("published"));
        Path building = p.prepare("2026-11-24", "r1");
        Files.createDirectories(building.resolve("proven_reoffending"));
        p.discard(building);
        try (Stream<Path> s = Files.list(out.resolve("published"))) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void retentionKeepsTheNewestFolders() throws IOException {
        AtomicPublisher p = new AtomicPublisher(out.resolve("published"));
        for (String d : new String[] {"2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"}) {
            p.publish(p.prepare(d, "r"), d, "r");
        }
        assertThat(p.applyRetention(2, "2026-11-23")).extracting(f -> f.getFileName().toString())
                .containsExactlyInAnyOrder("2026-11-20", "2026-11-21");
        assertThat(out.resolve("published/2026-11-23")).exists();
        assertThat(p.applyRetention(0, "2026-11-23")).isEmpty();
    }

    @Test
    void aBackDatedRerunIsNotRemovedByItsOwnRetention() throws IOException {
        AtomicPublisher p = new AtomicPublisher(out.resolve("published"));
        for (String d : new String[] {"2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"}) {
            p.publish(p.prepare(d, "r"), d, "r");
        }
        // A rerun as of 2026-11-20 with two folders kept: the older of the newest two goes, the rerun stays.
        p.publish(p.prepare("2026-11-20", "r2"), "2026-11-20", "r2");
        assertThat(p.applyRetention(2, "2026-11-20")).extracting(f -> f.getFileName().toString())
                .containsExactlyInAnyOrder("2026-11-21");
        assertThat(out.resolve("published/2026-11-20")).exists();
    }

    @Test
    void secondRunOnTheSameOutputIsRefusedWhileTheFirstHoldsTheLock() throws IOException {
        try (RunLock first = RunLock.acquire(out, "r1")) {
            assertThatThrownBy(() -> RunLock.acquire(out, "r2"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another run holds the lock");
        }
        try (RunLock again = RunLock.acquire(out, "r3")) {
            assertThat(again).isNotNull();
        }
    }
}
