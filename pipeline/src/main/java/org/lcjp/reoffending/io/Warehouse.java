package org.lcjp.reoffending.io;

import org.lcjp.reoffending.domain.DatasetId;

/**
 * Where each layer lives under OUTPUT (outputs.md "Layout under OUTPUT"), and the {@link Storage} that reaches it.
 * Locations only; no I/O. {@code warehouse.staged(id).toString()} is what Spark reads and writes.
 */
public record Warehouse(StoragePath output, Storage storage) {

    /** OUTPUT on the file systems of this JVM's Spark configuration. */
    public Warehouse(StoragePath output) {
        this(output, Storage.fromEnvironment());
    }

    /** A local OUTPUT folder (tests and tools). */
    public Warehouse(java.nio.file.Path output) {
        this(StoragePath.local(output), Storage.fromEnvironment());
    }

    public StoragePath root() {
        return output.resolve("warehouse");
    }

    /** Validated, pseudonymised, supersession-resolved rows of one dataset. */
    public StoragePath staged(DatasetId id) {
        return root().resolve("staged").resolve(id.tableName());
    }

    /** Every accepted (pseudonymised) row of every delivery, before supersession: what incremental runs merge into. */
    public StoragePath accepted(DatasetId id) {
        return root().resolve("accepted").resolve(id.tableName());
    }

    public StoragePath quarantine() {
        return root().resolve("quarantine");
    }

    /** Per-file ingest counts of every delivery read so far (rows read, accepted, quarantined by rule...). */
    public StoragePath fileCountsFile() {
        return root().resolve("file_counts.json");
    }

    /** Where a warehouse built before kept the file counts as a Parquet table (read once, then replaced). */
    public StoragePath fileCounts() {
        return root().resolve("file_counts");
    }

    /** The files already ingested, with SHA-256, so a nightly run reads only new or changed ones. */
    public StoragePath ingestManifest() {
        return root().resolve("ingest-manifest.json");
    }

    public StoragePath recordPerson() {
        return root().resolve("linkage").resolve("record_person");
    }

    public StoragePath linkage() {
        return root().resolve("linkage");
    }

    /** Intermediate measure tables (proven offences, index events, person attributes) for reuse and audit. */
    public StoragePath measures() {
        return root().resolve("measures");
    }

    public StoragePath published() {
        return output.resolve("published");
    }

    /** What single-stage commands build for one as-of date, until {@code reoffending publish}. */
    public StoragePath staging(String asOf) {
        return output.resolve("staging").resolve(asOf);
    }

    /** Spark scratch space and checkpoints stay inside the output folder. */
    public StoragePath scratch() {
        return output.resolve("tmp");
    }

    /** Is there a table at {@code folder} (see {@link Storage#isTable})? The one "does this table exist" of the jobs. */
    public boolean has(StoragePath folder) {
        return storage.isTable(folder);
    }
}
