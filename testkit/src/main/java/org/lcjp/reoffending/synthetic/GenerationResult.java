package org.lcjp.reoffending.synthetic;

import java.util.Map;

/** What a generation wrote: people simulated, rows written over all files, and rows per {@code agency/dataset}. */
public record GenerationResult(long people, long rows, Map<String, Long> rowsPerDataset) {
    public GenerationResult {
        rowsPerDataset = Map.copyOf(rowsPerDataset);
    }
}
