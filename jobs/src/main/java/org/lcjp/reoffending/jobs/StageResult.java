package org.lcjp.reoffending.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a stage did: the CLI prints it as the one-line stage summary and the manifest records it.
 *
 * @param stage    stage name (ingest, link, measure, compare, report, ...)
 * @param rowsIn   rows the stage read
 * @param rowsOut  rows the stage wrote (its main table)
 * @param seconds  wall-clock seconds
 * @param details  further figures worth a line (quarantined rows, clusters, ...), in print order
 */
public record StageResult(String stage, long rowsIn, long rowsOut, double seconds, Map<String, Object> details) {
    public StageResult {
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public String summaryLine() {
        StringBuilder b = new StringBuilder(String.format("%-10s rows in %,d  out %,d  %.1f s", stage, rowsIn, rowsOut, seconds));
        details.forEach((k, v) -> b.append("  ").append(k).append(' ').append(v));
        return b.toString();
    }
}
