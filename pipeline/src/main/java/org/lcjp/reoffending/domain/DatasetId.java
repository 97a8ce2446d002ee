package org.lcjp.reoffending.domain;

/** An agency dataset: {@code <agency>/<dataset>} in the delivery layout, {@code <agency>_<dataset>} in the warehouse. */
public record DatasetId(String agency, String dataset) {
    public String path() {
        return agency + "/" + dataset;
    }

    public String tableName() {
        return agency + "_" + dataset;
    }

    @Override
    public String toString() {
        return path();
    }
}
