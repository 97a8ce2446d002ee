package org.lcjp.reoffending.jobs;

import java.nio.file.Path;
import java.time.LocalDate;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.io.Warehouse;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.settings.PipelineSettings;

/**
 * What every job of a run needs. Locations are {@link StoragePath}s (any Hadoop file system); hand Spark their
 * {@code toString()}, and ask {@link #storage()} (or {@link Warehouse#has}) anything else about them.
 *
 * @param input       the input root (extracts.md layout)
 * @param warehouse   OUTPUT/warehouse locations and the storage that reaches them
 * @param publishDir  the folder being built for published/&lt;as_of&gt;/: jobs write their published tables here;
 *                    the nightly run moves it into place only when every job has succeeded
 * @param asOf        the run's as-of date
 * @param key         the pseudonymisation key
 * @param confDir     conf/ (reference/ lives under it), local to the driver
 * @param settings    every setting
 */
public record RunContext(StoragePath input, Warehouse warehouse, StoragePath publishDir, LocalDate asOf, PseudonymisationKey key,
                         Path confDir, PipelineSettings settings) {

    /** Local input and publish folders (tests). */
    public RunContext(Path input, Warehouse warehouse, Path publishDir, LocalDate asOf, PseudonymisationKey key, Path confDir,
                      PipelineSettings settings) {
        this(StoragePath.local(input), warehouse, StoragePath.local(publishDir), asOf, key, confDir, settings);
    }

    public Storage storage() {
        return warehouse.storage();
    }

    /** A reference table under conf/reference/ (read on the driver: see {@link ReferenceTables}). */
    public Path reference(String file) {
        return confDir.resolve("reference").resolve(file);
    }

    public StoragePath published(String table) {
        return publishDir.resolve(table);
    }
}
