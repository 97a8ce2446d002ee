package org.lcjp.reoffending.jobs;

import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.testing.StorageContract;

/** The storage contract (atomic publish, the run lock and its stale rule, table switches) on an in-process HDFS. */
class HdfsStorageTest extends StorageContract {
    @Override
    protected Storage storage() {
        return Storage.defaults();
    }

    @Override
    protected StoragePath freshFolder(String name) {
        return MiniHdfs.root().resolve("storage-contract").resolve(name);
    }
}
