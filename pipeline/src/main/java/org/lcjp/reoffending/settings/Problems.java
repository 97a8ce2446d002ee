package org.lcjp.reoffending.settings;

import java.util.ArrayList;
import java.util.List;

/** A section's problems as "key: what is wrong (value)", keys relative to the section. */
final class Problems {
    private final List<String> list = new ArrayList<>();

    void check(boolean ok, String key, String rule, Object value) {
        if (!ok) {
            list.add(key + ": " + rule + " (" + value + ")");
        }
    }

    /** Another section's problems under its key, e.g. linkage's model problems as model.drift_warn_psi. */
    void addAll(String section, List<String> problems) {
        problems.forEach(p -> list.add(section + "." + p));
    }

    void add(String problem) {
        list.add(problem);
    }

    List<String> list() {
        return List.copyOf(list);
    }
}
