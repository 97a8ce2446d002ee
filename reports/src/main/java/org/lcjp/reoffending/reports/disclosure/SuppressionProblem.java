package org.lcjp.reoffending.reports.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts tied together by additive constraints, and the cells to suppress so that no small count can be seen or
 * worked out (methodology section 6).
 *
 * <p>A <em>group</em> is a set of cells one of which is the sum of the others (a row with its total, a column with
 * its total, the ADULT and JUVENILE cells with the ALL cell). A cell the reader can see is <em>visible</em>; a
 * <em>hidden</em> cell is never shown but can be derived when every other cell of a group is shown (the people who
 * did not reoffend: offenders minus reoffenders).
 *
 * <p>Primary suppression: visible counts 1 to threshold - 1 (zero is a true zero). A hidden count in that range is
 * sensitive. Secondary suppression: a group whose only unknown cell is a suppressed or sensitive one would give it
 * away, so a complementary visible cell of that group is suppressed too. The complement is chosen greedily, as
 * MoJ's mojSuppression does: a cell of the lowest {@linkplain #total(Object, long, int) total level} (interior
 * cells before margins before the grand total, so headline figures survive where they can), then a non-zero cell
 * (a suppressed zero is easily guessed), then the cell that repairs the most broken groups while breaking the
 * fewest intact ones, then the smallest count; repeated until no group gives a cell away.
 *
 * @param <K> the cell key
 */
public final class SuppressionProblem<K> {
    private final Map<K, Long> counts = new LinkedHashMap<>();
    private final Set<K> hidden = new LinkedHashSet<>();
    private final Map<K, Integer> totalLevel = new LinkedHashMap<>();
    private final List<List<K>> groups = new ArrayList<>();

    /** Adds a count the reader sees. Adding the same key again with the same count is harmless. */
    public SuppressionProblem<K> visible(K key, long count) {
        put(key, count);
        return this;
    }

    /**
     * Adds a visible total: chosen as a complement only when no cell of a lower level would do. Level 1 for a
     * margin, 2 for a grand total (interior cells are level 0).
     */
    public SuppressionProblem<K> total(K key, long count, int level) {
        put(key, count);
        totalLevel.merge(key, level, Math::max);
        return this;
    }

    /** Adds a count the reader never sees but could derive from a group. */
    public SuppressionProblem<K> hidden(K key, long count) {
        put(key, count);
        hidden.add(key);
        return this;
    }

    /** Declares that one of these cells is the sum of the others (which one does not matter here). */
    public SuppressionProblem<K> group(List<K> cells) {
        for (K k : cells) {
            if (!counts.containsKey(k)) {
                throw new IllegalArgumentException("Cannot add disclosure group: unknown cell (" + k + ")");
            }
        }
        List<K> distinct = List.copyOf(new LinkedHashSet<>(cells));
        if (distinct.size() > 1) {
            groups.add(distinct);
        }
        return this;
    }

    public Map<K, Long> counts() {
        return java.util.Collections.unmodifiableMap(counts);
    }

    private void put(K key, long count) {
        if (count < 0) {
            throw new IllegalArgumentException(
                    "Cannot add disclosure cell: negative count (" + key + " = " + count + ")");
        }
        Long previous = counts.putIfAbsent(key, count);
        if (previous != null && previous != count) {
            throw new IllegalArgumentException("Cannot add disclosure cell: " + key
                    + " added twice with different counts (" + previous + ", " + count + ")");
        }
    }

    /** Solves the problem for counts below {@code threshold} (1 suppresses nothing). */
    public Suppression<K> solve(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException(
                    "Cannot apply disclosure control: threshold must be at least 1 (" + threshold + ")");
        }
        Set<K> primary = new LinkedHashSet<>();
        Set<K> sensitiveHidden = new LinkedHashSet<>();
        counts.forEach((k, v) -> {
            if (v >= 1 && v < threshold) {
                (hidden.contains(k) ? sensitiveHidden : primary).add(k);
            }
        });
        Set<K> suppressed = new LinkedHashSet<>(primary);
        Set<K> secondary = new LinkedHashSet<>();
        // Unknown cells per group (suppressed or hidden), kept up to date as complements are added, so that scoring
        // a candidate only looks at the groups it belongs to.
        Map<K, List<Integer>> groupsOf = new LinkedHashMap<>();
        int[] unknown = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            for (K k : groups.get(g)) {
                groupsOf.computeIfAbsent(k, x -> new ArrayList<>()).add(g);
                if (suppressed.contains(k) || hidden.contains(k)) {
                    unknown[g]++;
                }
            }
        }
        while (true) {
            List<Integer> broken = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                if (givesAway(g, unknown, suppressed, sensitiveHidden)) {
                    broken.add(g);
                }
            }
            if (broken.isEmpty()) {
                break;
            }
            K best = bestComplement(broken, unknown, groupsOf, suppressed, sensitiveHidden);
            if (best == null) {
                // Every other cell of the broken groups is already unknown, so nothing more can be done (or needed).
                break;
            }
            suppressed.add(best);
            secondary.add(best);
            for (int g : groupsOf.get(best)) {
                unknown[g]++;
            }
        }
        return new Suppression<>(primary, secondary, threshold);
    }

    /** A group gives a cell away when exactly one of its cells is unknown and that cell is one to protect. */
    private boolean givesAway(int g, int[] unknown, Set<K> suppressed, Set<K> sensitiveHidden) {
        if (unknown[g] != 1) {
            return false;
        }
        for (K k : groups.get(g)) {
            if (suppressed.contains(k) || sensitiveHidden.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private K bestComplement(
            List<Integer> broken,
            int[] unknown,
            Map<K, List<Integer>> groupsOf,
            Set<K> suppressed,
            Set<K> sensitiveHidden) {
        Set<K> candidates = new LinkedHashSet<>();
        for (int g : broken) {
            for (K k : groups.get(g)) {
                if (!suppressed.contains(k) && !hidden.contains(k)) {
                    candidates.add(k);
                }
            }
        }
        Set<Integer> brokenSet = new java.util.HashSet<>(broken);
        K best = null;
        long[] bestScore = null;
        for (K k : candidates) {
            // Suppressing k repairs each broken group it is in and breaks each of its groups with nothing unknown.
            long change = 0;
            for (int g : groupsOf.get(k)) {
                if (brokenSet.contains(g)) {
                    change--;
                } else if (unknown[g] == 0) {
                    change++;
                }
            }
            long value = counts.get(k);
            // Lower is better on every component: totals last, zeros last (a hidden zero is easily guessed, so it
            // protects little), then the fewest broken groups left, then the smallest count.
            long[] score = {totalLevel.getOrDefault(k, 0), value == 0 ? 1 : 0, broken.size() + change, value};
            if (bestScore == null || compare(score, bestScore) < 0) {
                best = k;
                bestScore = score;
            }
        }
        return best;
    }

    private static int compare(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = Long.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
