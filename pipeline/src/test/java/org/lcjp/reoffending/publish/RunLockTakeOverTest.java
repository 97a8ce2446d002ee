package org.lcjp.reoffending.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;

/** Taking over a stale lock when a contender took it over between the judgement and the move. */
class RunLockTakeOverTest {
    @TempDir
    Path tmp;

    @Test
    void aFreshLockMovedAsideByALateContenderIsPutBack() {
        Storage storage = Storage.defaults();
        StoragePath file = StoragePath.local(tmp.resolve(RunLock.FILE));
        StoragePath aside = StoragePath.local(tmp.resolve(RunLock.FILE + ".stale-x"));
        byte[] stale = "{\"run_id\":\"crashed\"}".getBytes(StandardCharsets.UTF_8);
        // Judged stale, but meanwhile another run took it over and holds a fresh lock under the same name.
        storage.writeString(file, "{\"run_id\":\"fresh\"}");

        assertThat(RunLock.takeOver(storage, file, aside, stale)).isFalse();

        assertThat(RunLock.read(storage, file).runId()).isEqualTo("fresh");
        assertThat(storage.exists(aside)).isFalse();
    }

    @Test
    void theStaleLockJudgedIsRemoved() {
        Storage storage = Storage.defaults();
        StoragePath file = StoragePath.local(tmp.resolve(RunLock.FILE));
        StoragePath aside = StoragePath.local(tmp.resolve(RunLock.FILE + ".stale-x"));
        storage.writeString(file, "{\"run_id\":\"crashed\"}");

        assertThat(RunLock.takeOver(storage, file, aside, "{\"run_id\":\"crashed\"}".getBytes(StandardCharsets.UTF_8)))
                .isTrue();

        assertThat(storage.exists(file)).isFalse();
        assertThat(storage.exists(aside)).isFalse();
    }
}
