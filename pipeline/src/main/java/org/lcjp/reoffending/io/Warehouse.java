package org.lcjp.reoffending.io;

import java.nio.file.Path;
import org.lcjp.reoffending.domain.DatasetId;

/** Where each layer lives under OUTPUT (outputs.md "Layout under OUTPUT"). Paths only; no I/O. */
public record Warehouse(Path output) {

    public Path root() {
        return output.resolve("warehouse");
    }

    /** Validated, pseudonymised, supersession-resolved rows of one dataset. */
    public Path staged(DatasetId id) {
        return root().resolve("staged").resolve(id.tableName());
    }

    /** Every accepted (pseudonymised) row of every delivery, before supersession: what incremental runs merge into. */
    public Path accepted(DatasetId id) {
        return root().resolve("accepted").resolve(id.tableName());
    }

    public Path quarantine() {
        return root().resolve("quarantine");
    }

    /** Per-file ingest counts of every delivery read so far (rows read, accepted, quarantined by rule...). */
    public Path fileCounts() {
        return root().resolve("file_counts");
    }

    /** The files already ingested, with SHA-256, so a nightly run reads only new or changed ones. */
    public Path ingestManifest() {
        return root().resolve("ingest-manifest.json");
    }

    public Path recordPerson() {
        return root().resolve("linkage").resolve("record_person");
    }

    public Path linkage() {
        return root().resolve("linkage");
    }

    /** Intermediate measure tables (proven offences, index events, person attributes) for reuse and audit. */
    public Path measures() {
        return root().resolve("measures");
    }

    public Path published() {
        return output.resolve("published");
    }

    /** Spark scratch space and checkpoints stay inside the output folder. */
    public Path scratch() {
        return output.resolve("tmp");
    }
}
