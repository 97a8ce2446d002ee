package org.lcjp.reoffending.settings;

/**
 * Operation of the nightly run.
 *
 * @param retainPublished how many published/&lt;as_of&gt; folders to keep; older ones are deleted after a successful
 *                        run (default 60: about two months of nightly runs). 0 keeps everything.
 */
public record RunSettings(Integer retainPublished) {
    public RunSettings {
        retainPublished = Defaults.or(retainPublished, 60);
        if (retainPublished < 0) {
            throw new IllegalArgumentException("Cannot use retain_published: must be 0 or more (" + retainPublished + ")");
        }
    }

    public static RunSettings defaults() {
        return new RunSettings(null);
    }
}
