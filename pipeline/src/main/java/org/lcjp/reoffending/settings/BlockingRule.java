package org.lcjp.reoffending.settings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * An equi-join rule: the left record's column left[i] equals the right record's right[i] for every i, none null.
 * Written in conf as "a,b" (same columns both sides) or "a=b,b=a" (crossed, e.g. swapped names). The one reader of
 * the rule strings in the settings: blocking rules and deterministic rules alike, read once when the settings load
 * (a rule that cannot be read is one of the settings' problems, {@link #problem()}) and kept in the settings as text.
 */
public record BlockingRule(String text, List<String> left, List<String> right) {
    public BlockingRule {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    /** The rule as written; what cannot be read is left to {@link #problem()}. */
    @JsonCreator
    public static BlockingRule read(String text) {
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

    /** A rule that must be usable (rules built in code): one that cannot be read is refused. */
    public static BlockingRule parse(String text) {
        BlockingRule rule = read(text);
        if (rule.problem() != null) {
            throw new IllegalArgumentException("Cannot read blocking rule '" + text + "': " + rule.problem());
        }
        return rule;
    }

    public static List<BlockingRule> parseAll(List<String> texts) {
        return texts.stream().map(BlockingRule::parse).toList();
    }

    /** Why the rule cannot be used, or null. */
    public String problem() {
        if (left.isEmpty()) {
            return "no columns";
        }
        if (left.contains("")
                || right.contains("")
                || text.chars().filter(c -> c == '=').count() > left.size()) {
            return "each part must be a column or column=column";
        }
        return null;
    }

    /** Every column the rule names, either side. */
    public List<String> named() {
        List<String> all = new ArrayList<>(left);
        right.stream().filter(c -> !all.contains(c)).forEach(all::add);
        return all;
    }

    @JsonValue
    @Override
    public String text() {
        return text;
    }

    /**
     * The columns of a rule that compares each column with itself, as a deterministic rule must (its pairs are
     * counted by grouping on them); a crossed rule is refused.
     */
    public List<String> columns() {
        if (!symmetric()) {
            throw new IllegalArgumentException(
                    "Cannot use rule '" + text + "' as a deterministic rule: it compares different "
                            + "columns; name the columns both records must share (\"a,b\")");
        }
        return left;
    }

    /** Same columns on both sides: each pair is found in both orders, so one order is kept. */
    public boolean symmetric() {
        return left.equals(right);
    }
}
