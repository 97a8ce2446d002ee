package org.lcjp.reoffending.jobs;

import java.nio.file.Path;
import java.time.LocalDate;
import org.lcjp.reoffending.io.Warehouse;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.settings.PipelineSettings;

/**
 * What every job of a run needs.
 *
 * @param input       the input root (extracts.md layout)
 * @param warehouse   OUTPUT/warehouse paths
 * @param publishDir  the folder being built for published/&lt;as_of&gt;/: jobs write their published tables here;
 *                    the nightly run moves it into place only when every job has succeeded
 * @param asOf        the run's as-of date
 * @param key         the pseudonymisation key
 * @param confDir     conf/ (reference/ lives under it)
 * @param settings    every setting
 */
public record RunContext(Path input, Warehouse warehouse, Path publishDir, LocalDate asOf, PseudonymisationKey key,
                         Path confDir, PipelineSettings settings) {

    public Path reference(String file) {
        return confDir.resolve("reference").resolve(file);
    }

    public Path published(String table) {
        return publishDir.resolve(table);
    }
}
