package org.lcjp.reoffending.io;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A warehouse table replaced by a new version: written whole beside the current one ({@link #next}), then switched
 * to by renames ({@link #switchTo}); on local disks and HDFS each rename is atomic. A crash between the two renames
 * leaves the old version set aside and the new one complete; {@link #recover} (run before a table is read or
 * written) finishes the switch, or puts the old version back when the new one is incomplete. No reader ever sees
 * half a table.
 */
public final class WarehouseTables {
    private static final Logger LOG = LogManager.getLogger(WarehouseTables.class);

    private WarehouseTables() {}

    /** Where the next version of {@code table} is written (hidden beside it: Spark lists no dot-folders). */
    public static StoragePath next(StoragePath table) {
        return table.resolveSibling("." + table.getFileName() + ".next");
    }

    private static StoragePath old(StoragePath table) {
        return table.resolveSibling("." + table.getFileName() + ".old");
    }

    /** Makes the complete version at {@code next} the table. */
    public static void switchTo(Storage storage, StoragePath next, StoragePath table) {
        StoragePath old = old(table);
        storage.delete(old);
        CrashPoints.reach(CrashPoints.TABLE_BEFORE_SWITCH, table.getFileName());
        if (storage.exists(table)) {
            storage.rename(table, old);
        }
        CrashPoints.reach(CrashPoints.TABLE_BETWEEN_SWITCH, table.getFileName());
        storage.rename(next, table);
        storage.delete(old);
    }

    /** Finishes or undoes a switch a crash interrupted. */
    public static void recover(Storage storage, StoragePath table) {
        StoragePath old = old(table);
        StoragePath next = next(table);
        if (storage.exists(table)) {
            storage.delete(old);
            return;
        }
        if (storage.exists(next.resolve("_SUCCESS"))) {
            LOG.warn("Finishing the switch to a new version of {} that a crash interrupted", table);
            storage.rename(next, table);
            storage.delete(old);
        } else if (storage.exists(old)) {
            LOG.warn("Restoring the previous version of {}: a crash interrupted its replacement", table);
            storage.rename(old, table);
        }
    }
}
