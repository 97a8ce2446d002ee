package org.lcjp.reoffending.jobs.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One figure of a stage's summary line and manifest entry: its published name and its value as printed (the value's
 * {@code toString}) and recorded (the value as JSON). Only for output: callers read a result's typed accessors.
 */
public record Figure(String name, Object value) {

    /** The figures of a result, in print order. */
    public static Builder list() {
        return new Builder();
    }

    public static final class Builder {
        private final List<Figure> figures = new ArrayList<>();

        private Builder() {}

        public Builder add(String name, Object value) {
            figures.add(new Figure(name, value));
            return this;
        }

        /** Left out when the value is null (a figure that does not apply tonight). */
        public Builder addIfPresent(String name, Object value) {
            return value == null ? this : add(name, value);
        }

        /** Left out when there is nothing to list. */
        public Builder addIfAny(String name, Collection<?> values) {
            return values == null || values.isEmpty() ? this : add(name, values);
        }

        public List<Figure> build() {
            return List.copyOf(figures);
        }
    }
}
