package org.lcjp.reoffending.publish;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.lcjp.reoffending.io.CrashPoints;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;

/**
 * published/&lt;as_of&gt;/ appears whole or not at all. A run builds in a hidden sibling folder; publishing writes
 * {@value #MANIFEST} and renames the folder into place.
 * <ul>
 *   <li>Where a folder rename is atomic (local disks, HDFS: {@link Storage#atomicDirectoryRename}) the manifest is
 *       written into the folder first and the rename makes everything appear at once.</li>
 *   <li>On object stores a rename copies object by object, so the manifest is written last, after the copy: a
 *       published folder is complete exactly when its {@value #MANIFEST} exists, and readers (and retention, and
 *       {@code diff-published}) trust only such folders.</li>
 * </ul>
 * A rerun for the same as-of date moves the old folder aside first and deletes it after; a crash between the two
 * renames is repaired by the next publish (the set-aside folder is moved back when nothing replaced it).
 */
public final class AtomicPublisher {
    public static final String MANIFEST = "manifest.json";
    private static final Logger LOG = LogManager.getLogger(AtomicPublisher.class);
    private static final Pattern AS_OF_FOLDER = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String REPLACED = ".replaced-";
    private final Storage storage;
    private final StoragePath published;

    public AtomicPublisher(Storage storage, StoragePath published) {
        this.storage = storage;
        this.published = published;
    }

    /** A fresh, empty folder to build this run's outputs in (beside the target, so the final move is a rename). */
    public StoragePath prepare(String asOf, String runId) {
        storage.mkdirs(published);
        recover();
        StoragePath building = published.resolve(".building-" + asOf + "-" + runId);
        storage.delete(building);
        return storage.mkdirs(building);
    }

    /**
     * Moves a complete folder to published/&lt;as_of&gt;, replacing an earlier run for the same date, with
     * {@code manifest} as its {@value #MANIFEST}.
     */
    public StoragePath publish(StoragePath building, String asOf, String runId, byte[] manifest) {
        // `reoffending publish` after stage-by-stage runs may be the first thing ever to publish here.
        storage.mkdirs(published);
        recover();
        boolean atomic = storage.atomicDirectoryRename(published);
        if (atomic) {
            storage.write(building.resolve(MANIFEST), manifest);
        } else {
            storage.delete(building.resolve(MANIFEST));
        }
        StoragePath target = published.resolve(asOf);
        StoragePath replaced = published.resolve(REPLACED + asOf + "-" + runId);
        CrashPoints.reach(CrashPoints.PUBLISH_BEFORE_RENAME);
        if (storage.exists(target)) {
            storage.rename(target, replaced);
        }
        CrashPoints.reach(CrashPoints.PUBLISH_BETWEEN_RENAMES);
        storage.rename(building, target);
        if (!atomic) {
            storage.write(target.resolve(MANIFEST), manifest);
        }
        CrashPoints.reach(CrashPoints.PUBLISH_AFTER_RENAME);
        storage.delete(replaced);
        return target;
    }

    /** Removes a folder a failed run was building, so nothing half-made is left behind. */
    public void discard(StoragePath building) {
        storage.delete(building);
    }

    /**
     * Keeps the newest {@code keep} published folders (0 keeps all; only complete ones count) and always
     * {@code justPublished} (a back-dated rerun must not be deleted by the run that made it); returns those removed.
     */
    public List<StoragePath> applyRetention(int keep, String justPublished) {
        if (keep <= 0 || !storage.isDirectory(published)) {
            return List.of();
        }
        List<StoragePath> folders = storage.list(published).stream()
                .filter(e -> e.directory()
                        && AS_OF_FOLDER.matcher(e.name()).matches()
                        && storage.isFile(e.path().resolve(MANIFEST)))
                .map(Storage.Entry::path)
                .sorted((a, b) -> b.getFileName().compareTo(a.getFileName()))
                .toList();
        List<StoragePath> old = folders.stream()
                .skip(keep)
                .filter(p -> !p.getFileName().equals(justPublished))
                .toList();
        old.forEach(storage::delete);
        return old;
    }

    /** A folder set aside by a republish that crashed before its replacement arrived goes back in place. */
    private void recover() {
        for (Storage.Entry e : storage.list(published)) {
            if (e.directory() && e.name().startsWith(REPLACED)) {
                String asOf = e.name().substring(REPLACED.length(), REPLACED.length() + 10);
                StoragePath target = published.resolve(asOf);
                if (storage.exists(target)) {
                    storage.delete(e.path());
                } else {
                    LOG.warn("Restoring {} set aside by a publish that did not finish", target);
                    storage.rename(e.path(), target);
                }
            }
        }
    }
}
