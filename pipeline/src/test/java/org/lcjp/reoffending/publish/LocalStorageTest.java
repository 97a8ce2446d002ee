package org.lcjp.reoffending.publish;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.testing.StorageContract;

/** The storage contract on the local disk (the HDFS run is in the jobs module, beside the in-process cluster). */
class LocalStorageTest extends StorageContract {
    @TempDir
    static Path tmp;

    @Override
    protected Storage storage() {
        return Storage.defaults();
    }

    @Override
    protected StoragePath freshFolder(String name) {
        return StoragePath.local(tmp.resolve(name));
    }
}
