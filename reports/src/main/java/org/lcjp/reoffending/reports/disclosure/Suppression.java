package org.lcjp.reoffending.reports.disclosure;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The outcome of disclosure control on a set of cells.
 *
 * @param primary   visible cells suppressed because their count is 1 to threshold - 1
 * @param secondary visible cells suppressed so that no primary cell can be worked out from a total
 * @param threshold the threshold applied
 */
public record Suppression<K>(Set<K> primary, Set<K> secondary, int threshold) {
    public Suppression {
        primary = Collections.unmodifiableSet(new LinkedHashSet<>(primary));
        secondary = Collections.unmodifiableSet(new LinkedHashSet<>(secondary));
    }

    public boolean isSuppressed(K key) {
        return primary.contains(key) || secondary.contains(key);
    }

    public int size() {
        return primary.size() + secondary.size();
    }
}
