package org.lcjp.reoffending.settings;

/**
 * Operation of the nightly run.
 *
 * @param retainPublished   how many published/&lt;as_of&gt; folders to keep; older ones are deleted after a successful
 *                          run (default 60: about two months of nightly runs). 0 keeps everything.
 * @param lockStaleMinutes  a run lock whose heartbeat (every 30 s) is older than this is stale and taken over
 *                          (default 10); a lock of a dead process on this host is stale at once
 */
public record RunSettings(Integer retainPublished, Integer lockStaleMinutes) {
    public RunSettings {
        retainPublished = Defaults.or(retainPublished, 60);
        lockStaleMinutes = Defaults.or(lockStaleMinutes, 10);
        if (retainPublished < 0) {
            throw new IllegalArgumentException("Cannot use retain_published: must be 0 or more (" + retainPublished + ")");
        }
        if (lockStaleMinutes < 1) {
            throw new IllegalArgumentException("Cannot use lock_stale_minutes: must be at least 1 (" + lockStaleMinutes + ")");
        }
    }

    public static RunSettings defaults() {
        return new RunSettings(null, null);
    }
}
