package org.lcjp.reoffending.linkage.clustering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits one chained cluster along its weakest links (plain Java, one cluster at a time): edges are added
 * strongest first, as in Kruskal's algorithm, and an edge is skipped when it would join two groups holding
 * different PNC tokens or make a group larger than the maximum size. What is left are the groups. A node may stand
 * for several records (an identity profile): its size is its record count, and it is never split.
 */
public final class ChainSplitter {
    /** An edge of the cluster with the PNC tokens of its ends (null when absent). */
    public record Edge<K>(K src, K dst, double weight, Object pncSrc, Object pncDst) {}

    private final int maxSize;

    public ChainSplitter(int maxSize) {
        this.maxSize = maxSize;
    }

    /** Each node's group label: the smallest node key of its group. Every node counts one record. */
    public <K extends Comparable<K>> Map<K, K> split(List<Edge<K>> edges) {
        return split(edges, Map.of());
    }

    /** As {@link #split(List)}, a node counting sizes.get(node) records (1 when absent). */
    public <K extends Comparable<K>> Map<K, K> split(List<Edge<K>> edges, Map<K, Long> sizes) {
        Map<K, K> parent = new HashMap<>();
        Map<K, Long> size = new HashMap<>();
        Map<K, Object> pnc = new HashMap<>();
        for (Edge<K> e : edges) {
            init(e.src(), e.pncSrc(), sizes, parent, size, pnc);
            init(e.dst(), e.pncDst(), sizes, parent, size, pnc);
        }
        List<Edge<K>> ordered = new ArrayList<>(edges);
        ordered.sort(Comparator.<Edge<K>>comparingDouble(Edge::weight)
                .reversed()
                .thenComparing(Edge::src)
                .thenComparing(Edge::dst));
        for (Edge<K> e : ordered) {
            K a = find(e.src(), parent);
            K b = find(e.dst(), parent);
            if (a.equals(b)) {
                continue;
            }
            Object pa = pnc.get(a);
            Object pb = pnc.get(b);
            if (pa != null && pb != null && !pa.equals(pb)) {
                continue;
            }
            if (size.get(a) + size.get(b) > maxSize) {
                continue;
            }
            K root = a.compareTo(b) < 0 ? a : b;
            K other = root.equals(a) ? b : a;
            parent.put(other, root);
            size.put(root, size.get(a) + size.get(b));
            if (pa != null || pb != null) {
                pnc.put(root, pa != null ? pa : pb);
            }
        }
        Map<K, K> out = new HashMap<>();
        Map<K, K> smallest = new HashMap<>();
        for (K n : parent.keySet()) {
            smallest.merge(find(n, parent), n, (x, y) -> x.compareTo(y) <= 0 ? x : y);
        }
        for (K n : parent.keySet()) {
            out.put(n, smallest.get(find(n, parent)));
        }
        return out;
    }

    private static <K> void init(
            K node, Object token, Map<K, Long> sizes, Map<K, K> parent, Map<K, Long> size, Map<K, Object> pnc) {
        if (parent.putIfAbsent(node, node) == null) {
            size.put(node, sizes.getOrDefault(node, 1L));
            if (token != null) {
                pnc.put(node, token);
            }
        }
    }

    private static <K> K find(K node, Map<K, K> parent) {
        K root = node;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        K n = node;
        while (!parent.get(n).equals(root)) {
            K next = parent.get(n);
            parent.put(n, root);
            n = next;
        }
        return root;
    }
}
