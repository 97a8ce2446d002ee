package org.lcjp.reoffending.io;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lcjp.reoffending.domain.QuarantineRule;

/**
 * How one file's header maps onto the contract columns: names case-insensitive, surrounding spaces ignored, order
 * free. Extra columns are ignored (and reported); a missing required column or a repeated name rejects the file.
 *
 * @param positions       for each contract column (in contract order), its field index in the file, or -1
 * @param fieldCount      fields in the header
 * @param extraColumns    header names the contract does not know, as written (trimmed)
 * @param rejectionRule   why the whole file is rejected, or null
 * @param rejectionColumn the column(s) it names, comma separated, or null
 * @param rejectionReason the message for it, or null
 */
public record HeaderMapping(
        int[] positions,
        int fieldCount,
        List<String> extraColumns,
        String rejectionRule,
        String rejectionColumn,
        String rejectionReason)
        implements Serializable {

    public static HeaderMapping of(List<String> header, List<String> contractColumns, List<String> requiredColumns) {
        List<String> names =
                header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                repeated.add(n);
            }
        }
        int[] positions = new int[contractColumns.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = names.indexOf(contractColumns.get(i));
        }
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!contractColumns.contains(names.get(i))) {
                extra.add(header.get(i).strip());
            }
        }
        List<String> missing =
                requiredColumns.stream().filter(c -> !names.contains(c)).toList();
        String rule = null;
        String column = null;
        String reason = null;
        if (!missing.isEmpty()) {
            rule = QuarantineRule.MISSING_REQUIRED_COLUMN;
            column = String.join(",", missing);
            reason = "Cannot read file: required column" + (missing.size() > 1 ? "s" : "")
                    + " missing from the header (" + String.join(", ", missing) + ")";
        } else if (!repeated.isEmpty()) {
            rule = QuarantineRule.DUPLICATE_COLUMN;
            column = String.join(",", repeated);
            reason =
                    "Cannot read file: column named more than once in the header (" + String.join(", ", repeated) + ")";
        }
        return new HeaderMapping(positions, names.size(), List.copyOf(extra), rule, column, reason);
    }

    /** A file whose header line cannot be read (empty file, or malformed header). */
    public static HeaderMapping unreadable(int contractColumns, String rule, String reason) {
        int[] none = new int[contractColumns];
        java.util.Arrays.fill(none, -1);
        return new HeaderMapping(none, 0, List.of(), rule, null, reason);
    }

    public boolean rejected() {
        return rejectionRule != null;
    }
}
