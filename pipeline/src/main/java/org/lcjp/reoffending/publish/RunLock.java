package org.lcjp.reoffending.publish;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;

/**
 * One run at a time per OUTPUT, on any file system: {@code OUTPUT/.run.lock} is created exclusively (the NameNode's
 * create-if-absent on HDFS, O_EXCL locally) and holds its owner: run id, host, process id and that process's start
 * time. While the run lasts, a heartbeat sets the file's modification time every {@code staleAfter / 4} (at most
 * {@value #HEARTBEAT_MAX_SECONDS} s).
 *
 * <p>The stale-lock rule (a crashed run never blocks the next night): a lock is stale when its owner is on this
 * host and that process is gone (no such pid, or a process started later under a reused pid), or when its heartbeat
 * is older than {@code staleAfter} (setting {@code run.lock_stale_minutes}; for an owner on another host, whose
 * process cannot be looked at). A stale lock is taken over by renaming it aside (only one contender's rename
 * succeeds) and creating a new one exclusively. Object stores have no exclusive create nor settable modification
 * times: there the lock is advisory (keep OUTPUT's lock on HDFS, or let the scheduler prevent overlapping runs).
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = ".run.lock";
    static final long HEARTBEAT_MAX_SECONDS = 30;
    private static final Logger LOG = LogManager.getLogger(RunLock.class);
    private static final ObjectMapper JSON =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /** Who holds a lock. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Owner(String runId, String host, long pid, long processStarted, long acquired) {
        static Owner me(String runId) {
            ProcessHandle self = ProcessHandle.current();
            return new Owner(runId, localHost(), self.pid(), startMillis(self).orElse(0L), System.currentTimeMillis());
        }

        /** Is this owner a process of this host that is no longer running? */
        boolean deadOnThisHost() {
            if (!host.equals(localHost())) {
                return false;
            }
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            if (p.isEmpty() || !p.get().isAlive()) {
                return true;
            }
            // A pid reused by a process started after the lock was taken is not the owner.
            return processStarted > 0
                    && startMillis(p.get())
                            .map(s -> Math.abs(s - processStarted) > 1000)
                            .orElse(false);
        }
    }

    private final Storage storage;
    private final StoragePath file;
    private final Owner owner;
    private final ScheduledExecutorService heartbeat;

    private RunLock(Storage storage, StoragePath file, Owner owner, Duration staleAfter) {
        this.storage = storage;
        this.file = file;
        this.owner = owner;
        long every = Math.max(1, Math.min(HEARTBEAT_MAX_SECONDS, staleAfter.toSeconds() / 4));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        // A periodic task that throws is never run again, and a silent heartbeat lets another run take the lock
        // as stale: a failed beat is logged and the next one tried. close() shuts the executor down (no future kept).
        var unused = heartbeat.scheduleAtFixedRate(() -> beat(storage, file), every, every, TimeUnit.SECONDS);
    }

    private static void beat(Storage storage, StoragePath file) {
        try {
            storage.touch(file, System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.warn("Run lock heartbeat failed on {} (tried again at the next beat): {}", file, e.toString());
        }
    }

    public static RunLock acquire(Storage storage, StoragePath outputRoot, String runId, Duration staleAfter) {
        storage.mkdirs(outputRoot);
        StoragePath file = outputRoot.resolve(FILE);
        Owner me = Owner.me(runId);
        byte[] content;
        try {
            content = JSON.writeValueAsBytes(me);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                storage.createExclusive(file, content);
                return new RunLock(storage, file, me, staleAfter);
            } catch (FileAlreadyExistsException held) {
                FileStatus status = storage.status(file);
                byte[] seen = bytes(storage, file);
                if (status == null || seen == null) {
                    continue;
                }
                Owner other = owner(seen);
                long age = System.currentTimeMillis() - status.getModificationTime();
                boolean stale = other == null
                        ? age > staleAfter.toMillis()
                        : other.deadOnThisHost() || age > staleAfter.toMillis();
                if (!stale) {
                    throw new IllegalStateException(
                            "Cannot start run: another run holds the lock on " + outputRoot + " ("
                                    + (other == null
                                            ? "unreadable lock file"
                                            : "run " + other.runId() + " on " + other.host() + " pid " + other.pid())
                                    + ", heartbeat " + age / 1000 + " s ago; " + file
                                    + "). Wait for it to finish, or use another OUTPUT.");
                }
                LOG.warn(
                        "Taking over a stale run lock ({}; heartbeat {} s ago, stale after {} min): {}",
                        other == null
                                ? "unreadable"
                                : "run " + other.runId() + " on " + other.host() + " pid " + other.pid(),
                        age / 1000,
                        staleAfter.toMinutes(),
                        file);
                takeOver(storage, file, outputRoot.resolve(FILE + ".stale-" + runId + "-" + me.pid()), seen);
            }
        }
        throw new IllegalStateException("Cannot start run: could not take the lock on " + outputRoot + " (" + file
                + "); another run is starting. Try again.");
    }

    /**
     * Moves the stale lock {@code seen} aside and deletes it. Judging it stale and moving it are two steps: a
     * contender may have taken it over in between, and the name then holds that contender's fresh lock. What was moved
     * is compared with what was judged, and a lock that is not the stale one is put back, so two runs never both hold
     * OUTPUT. The next attempt then sees the fresh lock.
     *
     * @return whether the stale lock is gone
     */
    static boolean takeOver(Storage storage, StoragePath file, StoragePath aside, byte[] seen) {
        try {
            storage.rename(file, aside);
        } catch (UncheckedIOException lostRace) {
            return false;
        }
        if (!java.util.Arrays.equals(bytes(storage, aside), seen)) {
            try {
                storage.rename(aside, file);
            } catch (UncheckedIOException e) {
                LOG.warn("Cannot put back the run lock moved aside ({}): {}", aside, e.getMessage());
            }
            return false;
        }
        storage.delete(aside);
        return true;
    }

    /** The owner recorded in a lock file, or null when it cannot be read. */
    public static Owner read(Storage storage, StoragePath file) {
        byte[] content = bytes(storage, file);
        return content == null ? null : owner(content);
    }

    private static byte[] bytes(Storage storage, StoragePath file) {
        try {
            return storage.readBytes(file);
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    private static Owner owner(byte[] content) {
        try {
            return JSON.readValue(content, Owner.class);
        } catch (IOException e) {
            return null;
        }
    }

    public Owner owner() {
        return owner;
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        Owner now = read(storage, file);
        if (now != null && now.runId().equals(owner.runId()) && now.pid() == owner.pid()) {
            storage.delete(file);
        }
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    private static Optional<Long> startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli);
    }
}
