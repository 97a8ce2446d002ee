package org.lcjp.reoffending.settings;

import java.util.List;
import java.util.Map;

/** Null-coalescing for settings records: a key left out of conf/ takes its documented default. */
final class Defaults {
    private Defaults() {}

    static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    static <T> List<T> list(List<T> value, List<T> fallback) {
        return List.copyOf(value == null ? fallback : value);
    }

    static <K, V> Map<K, V> map(Map<K, V> value, Map<K, V> fallback) {
        return Map.copyOf(value == null ? fallback : value);
    }
}
