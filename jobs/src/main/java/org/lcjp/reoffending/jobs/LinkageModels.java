package org.lcjp.reoffending.jobs;

import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.linkage.model.LinkageModel;
import org.lcjp.reoffending.settings.SettingsException;

/**
 * Where the nightly run finds the linkage model it predicts with, and where models are kept: the file named by
 * linkage.model.file (relative to the conf folder), else OUTPUT's model store warehouse/linkage/models/, whose
 * linkage-model.json is the current model and whose archive/ keeps a copy of every model ever used or trained, named
 * by its hash, so the model behind any published figure (the manifest names its hash) can always be found. Files go
 * through the storage boundary, as the tables do.
 */
final class LinkageModels {
    static final String STORE = "models";
    static final String ARCHIVE = "archive";

    /** A model read from a file: the model, the file's bytes and hash, and where it came from. */
    record Given(LinkageModel model, byte[] bytes, String hash, String source) {}

    private LinkageModels() {}

    static StoragePath store(RunContext ctx) {
        return ctx.warehouse().linkage().resolve(STORE);
    }

    /** The store's current model file. */
    static StoragePath current(RunContext ctx) {
        return store(ctx).resolve(LinkageModel.FILE_NAME);
    }

    /** The model named by the settings, else the store's current one, else null (none yet). */
    static Given given(RunContext ctx) {
        Storage storage = ctx.storage();
        String file = ctx.settings().linkage().model().file();
        if (file != null) {
            StoragePath p = StoragePath.local(
                    ctx.confDir().resolve(file).toAbsolutePath().normalize());
            if (!storage.isFile(p)) {
                throw new SettingsException("Cannot find the linkage model named by linkage.model.file (" + p
                        + "). Train one with " + "`reoffending train-linkage --model " + p
                        + "`, or remove the setting to use OUTPUT's model store");
            }
            return read(storage, p);
        }
        StoragePath current = current(ctx);
        return storage.isFile(current) ? read(storage, current) : null;
    }

    static Given read(Storage storage, StoragePath file) {
        byte[] bytes = storage.readBytes(file);
        return new Given(
                LinkageModel.fromJson(bytes, file.toString()), bytes, LinkageModel.hash(bytes), file.toString());
    }

    /** Writes the model to the file (replacing it, never half-written) and a copy into the store's archive; returns its hash. */
    static String write(RunContext ctx, byte[] json, StoragePath target) {
        String hash = LinkageModel.hash(json);
        ctx.storage().write(target, json);
        archive(ctx, json, hash);
        return hash;
    }

    /** Keeps a copy of a model under its hash in the store's archive, unless one is there already. */
    static void archive(RunContext ctx, byte[] json, String hash) {
        StoragePath copy = store(ctx).resolve(ARCHIVE).resolve(hash + ".json");
        if (!ctx.storage().isFile(copy)) {
            ctx.storage().write(copy, json);
        }
    }
}
