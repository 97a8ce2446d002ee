package org.lcjp.reoffending.jobs.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a stage did, common to every stage's typed result: the CLI prints it as the one-line stage summary and the run
 * manifest records it (outputs.md: stage, rows_in, rows_out, seconds, then the stage's own figures and its cost).
 * A caller that needs one figure reads the result's typed accessor, never a name.
 */
public interface StageSummary {
    String stage();

    /** Rows the stage read. */
    long rowsIn();

    /** Rows the stage wrote (its main table). */
    long rowsOut();

    /** Wall-clock seconds. */
    double seconds();

    /** What the stage cost, once the run has measured it; null before. */
    StageCost cost();

    /** This result with the cost the run measured (the same record type). */
    StageSummary withCost(StageCost cost);

    /** The stage's own figures worth a line (quarantined rows, persons, ...), in print order; absent ones left out. */
    List<Figure> figures();

    /** Everything the line and the manifest show after rows and seconds: the stage's figures, then its cost. */
    default List<Figure> recorded() {
        List<Figure> all = new ArrayList<>(figures());
        if (cost() != null) {
            all.addAll(cost().figures());
        }
        return all;
    }

    /** The one-line stage summary the CLI prints. */
    default String summaryLine() {
        StringBuilder b = new StringBuilder(
                String.format("%-10s rows in %,d  out %,d  %.1f s", stage(), rowsIn(), rowsOut(), seconds()));
        recorded().forEach(f -> b.append("  ").append(f.name()).append(' ').append(f.value()));
        return b.toString();
    }

    /** The stage's entry in manifest.json (outputs.md), as JSON. */
    default ObjectNode manifestEntry() {
        ObjectMapper json = ManifestJson.MAPPER;
        ObjectNode entry = json.createObjectNode();
        entry.put("stage", stage());
        entry.put("rows_in", rowsIn());
        entry.put("rows_out", rowsOut());
        entry.put("seconds", seconds());
        recorded().forEach(f -> entry.set(f.name(), json.valueToTree(f.value())));
        return entry;
    }
}
