package org.lcjp.reoffending.linkage.blocking;

import java.util.ArrayList;
import java.util.List;

/**
 * An equi-join rule: the left record's column left[i] equals the right record's right[i] for every i, none null.
 * Written in conf as "a,b" (same columns both sides) or "a=b,b=a" (crossed, e.g. swapped names). The one reader of
 * the rule strings in the settings: blocking rules and deterministic rules alike.
 */
public record BlockingRule(String text, List<String> left, List<String> right) {
    public BlockingRule {
        left = List.copyOf(left);
        right = List.copyOf(right);
        if (left.isEmpty() || left.size() != right.size()) {
            throw new IllegalArgumentException("Cannot read blocking rule: no columns (" + text + ")");
        }
    }

    public static BlockingRule parse(String text) {
        List<String> l = new ArrayList<>();
        List<String> r = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            l.add(eq < 0 ? p : p.substring(0, eq).strip());
            r.add(eq < 0 ? p : p.substring(eq + 1).strip());
        }
        return new BlockingRule(text, l, r);
    }

    /**
     * The columns of a rule that compares each column with itself, as a deterministic rule must (its pairs are
     * counted by grouping on them); a crossed rule is refused.
     */
    public List<String> columns() {
        if (!symmetric()) {
            throw new IllegalArgumentException("Cannot use rule '" + text + "' as a deterministic rule: it compares different "
                    + "columns; name the columns both records must share (\"a,b\")");
        }
        return left;
    }

    /** Same columns on both sides: each pair is found in both orders, so one order is kept. */
    public boolean symmetric() {
        return left.equals(right);
    }
}
