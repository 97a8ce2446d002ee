package org.lcjp.reoffending.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run at a time per OUTPUT folder. An OS file lock, so a crashed run never leaves a stale lock behind:
 * the lock dies with its process.
 */
public final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static RunLock acquire(Path outputRoot, String runId) throws IOException {
        Files.createDirectories(outputRoot);
        Path file = outputRoot.resolve(".run.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Cannot start run: another run holds the lock on " + outputRoot
                    + " (" + file + "). Wait for it to finish, or use another OUTPUT.");
        }
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(("run " + runId + " pid " + ProcessHandle.current().pid() + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        return new RunLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
