package org.lcjp.reoffending.domain;

import java.util.List;
import java.util.Objects;

/**
 * One column of an agency extract as the contract (extracts.md) defines it.
 *
 * @param name    lower-case snake_case header name
 * @param type    how it is parsed
 * @param required whether a row without a valid value is invalid
 * @param codes   the allowed codes for {@link ColumnType#CODE}, upper case; empty otherwise
 */
public record ColumnSpec(String name, ColumnType type, boolean required, List<String> codes) {
    public ColumnSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        codes = List.copyOf(codes);
        if (type == ColumnType.CODE && codes.isEmpty()) {
            throw new IllegalArgumentException("Cannot declare code column without codes: " + name);
        }
    }

    public static ColumnSpec required(String name, ColumnType type) {
        return new ColumnSpec(name, type, true, List.of());
    }

    public static ColumnSpec optional(String name, ColumnType type) {
        return new ColumnSpec(name, type, false, List.of());
    }

    public static ColumnSpec requiredCode(String name, String... codes) {
        return new ColumnSpec(name, ColumnType.CODE, true, List.of(codes));
    }

    public static ColumnSpec optionalCode(String name, String... codes) {
        return new ColumnSpec(name, ColumnType.CODE, false, List.of(codes));
    }
}
