package org.lcjp.reoffending.jobs;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.lcjp.reoffending.io.ExtractDiscovery;
import org.lcjp.reoffending.io.ExtractFile;
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
 * @param discovered  the input root as the run listed it once at its start ({@link ExtractDiscovery}), or null when
 *                    the run did not list it (then {@link #deliveries()} lists it when asked)
 */
public record RunContext(
        StoragePath input,
        Warehouse warehouse,
        StoragePath publishDir,
        LocalDate asOf,
        PseudonymisationKey key,
        Path confDir,
        PipelineSettings settings,
        List<ExtractFile> discovered) {

    /** A run that has not listed its input root. */
    public RunContext(
            StoragePath input,
            Warehouse warehouse,
            StoragePath publishDir,
            LocalDate asOf,
            PseudonymisationKey key,
            Path confDir,
            PipelineSettings settings) {
        this(input, warehouse, publishDir, asOf, key, confDir, settings, null);
    }

    /** Local input and publish folders (tests). */
    public RunContext(
            Path input,
            Warehouse warehouse,
            Path publishDir,
            LocalDate asOf,
            PseudonymisationKey key,
            Path confDir,
            PipelineSettings settings) {
        this(StoragePath.local(input), warehouse, StoragePath.local(publishDir), asOf, key, confDir, settings);
    }

    /**
     * Every entry of the input root with its status: the run's one listing, so ingest, the checks before it and the
     * manifest's input files all see the same deliveries (a file landing mid-run waits for the next night).
     */
    public List<ExtractFile> deliveries() {
        return discovered != null ? discovered : ExtractDiscovery.discover(storage(), input, asOf);
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
