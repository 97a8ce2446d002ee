package org.lcjp.reoffending.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadTasksTest {
    private static ReadTasks.Read<String> read(String name, long bytes) {
        return new ReadTasks.Read<>(name, bytes);
    }

    @Test
    void smallFilesShareTasksButEveryCoreGetsOne() {
        List<ReadTasks.Read<String>> reads =
                List.of(read("a", 10), read("b", 10), read("c", 10), read("d", 10), read("e", 10), read("f", 10));
        List<List<String>> tasks = ReadTasks.deal(reads, 1000, 2);
        assertThat(tasks).hasSize(2);
        assertThat(tasks.stream().flatMap(List::stream)).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f");
        assertThat(tasks).allSatisfy(t -> assertThat(t).hasSize(3));
    }

    @Test
    void inputAboveSplitBytesGetsMoreTasksBalancedBySize() {
        List<ReadTasks.Read<String>> reads =
                List.of(read("big", 90), read("s1", 30), read("s2", 30), read("s3", 30), read("m", 60));
        List<List<String>> tasks = ReadTasks.deal(reads, 100, 1);
        // 240 bytes at 100 a task: three tasks, the big file alone-ish, nothing over 100.
        assertThat(tasks).hasSize(3);
        assertThat(tasks).contains(List.of("big"));
        assertThat(tasks.stream().flatMap(List::stream)).hasSize(5);
        // Each task keeps the reads in their given order.
        assertThat(tasks)
                .allSatisfy(t -> assertThat(t)
                        .isSortedAccordingTo((x, y) -> Integer.compare(
                                List.of("big", "s1", "s2", "s3", "m").indexOf(x),
                                List.of("big", "s1", "s2", "s3", "m").indexOf(y))));
    }

    @Test
    void neverMoreTasksThanReadsAndTheSameReadsDealtTheSameWay() {
        List<ReadTasks.Read<String>> reads = List.of(read("a", 5), read("b", 5), read("c", 0));
        assertThat(ReadTasks.deal(reads, 1, 8)).hasSize(3);
        assertThat(ReadTasks.deal(reads, 100, 2)).isEqualTo(ReadTasks.deal(reads, 100, 2));
        assertThat(ReadTasks.deal(List.<ReadTasks.Read<String>>of(), 100, 2)).isEmpty();
        assertThatThrownBy(() -> ReadTasks.deal(reads, 0, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
