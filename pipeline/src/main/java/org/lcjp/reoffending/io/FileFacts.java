package org.lcjp.reoffending.io;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.util.CollectionAccumulator;

/**
 * What the executors learn about each delivery while parsing it, sent back with the parse instead of opening the
 * file again: its SHA-256 (of the bytes the parser read), its length and how its header maps onto the contract.
 * Filled by the first action over the parsed rows; a file parsed twice (a recomputed partition) reports the same.
 */
public final class FileFacts {
    /** One file's facts. */
    public record Fact(String sourceFile, String sha256, long bytes, HeaderMapping header) implements Serializable {}

    private final CollectionAccumulator<Fact> accumulator;

    public FileFacts(SparkContext context, String name) {
        this.accumulator = context.collectionAccumulator(name);
    }

    CollectionAccumulator<Fact> accumulator() {
        return accumulator;
    }

    /** Per source file, once the parse has run. */
    public Map<String, Fact> bySourceFile() {
        Map<String, Fact> out = new LinkedHashMap<>();
        List<Fact> all = accumulator.value();
        for (Fact f : all) {
            out.put(f.sourceFile(), f);
        }
        return out;
    }
}
