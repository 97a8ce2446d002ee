package org.lcjp.reoffending.reports.pack.model;

import java.util.List;

/**
 * A chart drawn from figures already disclosure-controlled: its values are literal (null is a gap), so a chart can
 * never show a figure its table withholds, and it needs no chart-data table of its own.
 */
public record Chart(
        Type type, String title, String altText, List<String> categories, List<Series> series, String valueFormat) {
    public enum Type {
        LINE,
        BAR
    }

    /** A series; {@code values} align with the categories, null where there is nothing to draw. */
    public record Series(String name, List<Double> values) {
        public Series {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    public Chart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("Chart " + title + ": series " + s.name() + " has "
                        + s.values().size() + " values for " + categories.size() + " categories");
            }
        }
    }

    /** True when at least one value is drawn. */
    public boolean hasValues() {
        return series.stream().anyMatch(s -> s.values().stream().anyMatch(v -> v != null));
    }
}
