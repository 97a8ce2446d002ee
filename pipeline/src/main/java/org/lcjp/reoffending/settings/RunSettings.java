package org.lcjp.reoffending.settings;

/**
 * Operation of the nightly run.
 *
 * @param retainPublished   how many published/&lt;as_of&gt; folders to keep; older ones are deleted after a successful
 *                          run (default 60: about two months of nightly runs). 0 keeps everything.
 * @param lockStaleMinutes  a run lock whose heartbeat (every 30 s) is older than this is stale and taken over
 *                          (default 10); a lock of a dead process on this host is stale at once
 * @param outputAccess      who may read what the run writes under OUTPUT: {@code owner} (default: files 0600, folders
 *                          0700, whatever the umask) or {@code group} (0640 and 0750, for an analysts' group)
 * @param allowReadableKey  run with a key file other users can read (default false: refused, exit 2); true runs with
 *                          a warning
 */
public record RunSettings(
        Integer retainPublished, Integer lockStaleMinutes, String outputAccess, Boolean allowReadableKey) {
    public static final String OWNER = "owner";
    public static final String GROUP = "group";

    public RunSettings {
        retainPublished = Defaults.or(retainPublished, 60);
        lockStaleMinutes = Defaults.or(lockStaleMinutes, 10);
        outputAccess = Defaults.or(outputAccess, OWNER);
        allowReadableKey = Defaults.or(allowReadableKey, false);
    }

    /** What is wrong with these values, keys relative to the section (none: usable). */
    public java.util.List<String> problems() {
        Problems p = new Problems();
        p.check(
                outputAccess.equals(OWNER) || outputAccess.equals(GROUP),
                "output_access",
                "must be owner or group",
                outputAccess);
        p.check(retainPublished >= 0, "retain_published", "must be 0 or more", retainPublished);
        p.check(lockStaleMinutes >= 1, "lock_stale_minutes", "must be at least 1", lockStaleMinutes);
        return p.list();
    }

    public static RunSettings defaults() {
        return new RunSettings(null, null, null, null);
    }

    /** Mode of the files the run creates (octal 0600 or 0640). */
    public short fileMode() {
        return (short) (outputAccess.equals(GROUP) ? 0640 : 0600);
    }

    /** Mode of the folders the run creates (octal 0700 or 0750). */
    public short folderMode() {
        return (short) (outputAccess.equals(GROUP) ? 0750 : 0700);
    }

    /** The Hadoop umask giving those modes to what Spark writes ({@code fs.permissions.umask-mode}). */
    public String umask() {
        return outputAccess.equals(GROUP) ? "027" : "077";
    }
}
