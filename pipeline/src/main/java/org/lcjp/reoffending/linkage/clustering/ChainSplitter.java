package org.lcjp.reoffending.linkage.clustering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits one chained cluster along its weakest links (plain Java, one cluster at a time): edges are added
 * strongest first, as in Kruskal's algorithm, and an edge is skipped when it would join two groups holding
 * different PNC tokens or make a group larger than the maximum size. What is left are the groups.
 */
public final class ChainSplitter {
    /** An edge of the cluster with the PNC tokens of its ends (null when absent). */
    public record Edge(String src, String dst, double weight, String pncSrc, String pncDst) {
    }

    private final int maxSize;

    public ChainSplitter(int maxSize) {
        this.maxSize = maxSize;
    }

    /** Each node's group label: the smallest node key of its group. */
    public Map<String, String> split(List<Edge> edges) {
        Map<String, String> parent = new HashMap<>();
        Map<String, Integer> size = new HashMap<>();
        Map<String, String> pnc = new HashMap<>();
        for (Edge e : edges) {
            init(e.src(), e.pncSrc(), parent, size, pnc);
            init(e.dst(), e.pncDst(), parent, size, pnc);
        }
        List<Edge> ordered = new ArrayList<>(edges);
        ordered.sort(Comparator.comparingDouble(Edge::weight).reversed()
                .thenComparing(Edge::src).thenComparing(Edge::dst));
        for (Edge e : ordered) {
            String a = find(e.src(), parent);
            String b = find(e.dst(), parent);
            if (a.equals(b)) {
                continue;
            }
            String pa = pnc.get(a);
            String pb = pnc.get(b);
            if (pa != null && pb != null && !pa.equals(pb)) {
                continue;
            }
            if (size.get(a) + size.get(b) > maxSize) {
                continue;
            }
            String root = a.compareTo(b) < 0 ? a : b;
            String other = root.equals(a) ? b : a;
            parent.put(other, root);
            size.put(root, size.get(a) + size.get(b));
            if (pa != null || pb != null) {
                pnc.put(root, pa != null ? pa : pb);
            }
        }
        Map<String, String> out = new HashMap<>();
        Map<String, String> smallest = new HashMap<>();
        for (String n : parent.keySet()) {
            smallest.merge(find(n, parent), n, (x, y) -> x.compareTo(y) <= 0 ? x : y);
        }
        for (String n : parent.keySet()) {
            out.put(n, smallest.get(find(n, parent)));
        }
        return out;
    }

    private static void init(String node, String token, Map<String, String> parent, Map<String, Integer> size,
                             Map<String, String> pnc) {
        if (parent.putIfAbsent(node, node) == null) {
            size.put(node, 1);
            if (token != null) {
                pnc.put(node, token);
            }
        }
    }

    private static String find(String node, Map<String, String> parent) {
        String root = node;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        String n = node;
        while (!parent.get(n).equals(root)) {
            String next = parent.get(n);
            parent.put(n, root);
            n = next;
        }
        return root;
    }
}
