package org.lcjp.reoffending.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Deals the reads of one dataset's deliveries (a whole file, or one chunk of a file larger than {@code splitBytes}) to
 * tasks. Every task costs Spark a copy of the query plan and of the Hadoop configuration, shipped and read back: with a
 * task per small delivery, that fixed cost was most of ingest's CPU on a few hundred files of a few kilobytes. So small
 * files share a task, up to {@code splitBytes} of input each, and there are at least {@code minTasks} tasks (the
 * cluster's cores) whenever there are that many reads, so no core sits idle on a big first delivery.
 *
 * <p>Reads are dealt largest first to the task with least so far (longest processing time first), and a task keeps its
 * reads in their given order, so the same deliveries always give the same tasks.
 */
public final class ReadTasks {
    private ReadTasks() {}

    /** One read: {@code bytes} is the share of input it parses for its rows (a chunk's share of its file). */
    public record Read<T>(T what, long bytes) {}

    /** The reads grouped into tasks, each task's reads in their order in {@code reads}; no task is empty. */
    public static <T> List<List<T>> deal(List<Read<T>> reads, long splitBytes, int minTasks) {
        if (splitBytes <= 0 || minTasks <= 0) {
            throw new IllegalArgumentException("splitBytes and minTasks must be positive");
        }
        if (reads.isEmpty()) {
            return List.of();
        }
        long total = reads.stream().mapToLong(r -> Math.max(0, r.bytes())).sum();
        int tasks = (int) Math.min(reads.size(), Math.max(minTasks, (total + splitBytes - 1) / splitBytes));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> reads.get(i).bytes())
                .reversed()
                .thenComparing(i -> i));
        // Each task as {bytes so far, task number}; the lightest (then the lowest numbered) takes the next read.
        PriorityQueue<long[]> load =
                new PriorityQueue<>(Comparator.<long[]>comparingLong(t -> t[0]).thenComparingLong(t -> t[1]));
        for (int t = 0; t < tasks; t++) {
            load.add(new long[] {0, t});
        }
        int[] taskOf = new int[reads.size()];
        for (int i : order) {
            long[] t = load.poll();
            taskOf[i] = (int) t[1];
            t[0] += Math.max(0, reads.get(i).bytes());
            load.add(t);
        }
        List<List<T>> out = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < reads.size(); i++) {
            out.get(taskOf[i]).add(reads.get(i).what());
        }
        out.removeIf(List::isEmpty);
        return out;
    }
}
