package org.lcjp.reoffending.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs independent pieces of a stage on a few driver threads, so their Spark jobs share the executors: a stage made
 * of many small jobs (one dataset's parse, count and writes) otherwise leaves cores idle between them. Spark's
 * scheduler takes jobs from several threads at once. Results come back in input order; the first failure is
 * rethrown as it was (an input rejection stays one), after the other pieces are cancelled.
 */
public final class Concurrently {
    private Concurrently() {}

    public static <T, R> List<R> map(List<T> items, int threads, Function<T, R> work) {
        if (items.isEmpty()) {
            return List.of();
        }
        if (threads <= 1 || items.size() == 1) {
            return items.stream().map(work).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), r -> {
            Thread t = new Thread(r, "stage-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            pool.shutdownNow();
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the stage's pieces", e);
        } finally {
            pool.shutdown();
        }
    }
}
