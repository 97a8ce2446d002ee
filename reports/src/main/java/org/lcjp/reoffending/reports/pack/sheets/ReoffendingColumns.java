package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lcjp.reoffending.reports.disclosure.Shorthand;
import org.lcjp.reoffending.reports.pack.DisclosedYears;
import org.lcjp.reoffending.reports.pack.model.Column;

/** The measure columns every proven-reoffending table of the pack shares, and the order of categories. */
final class ReoffendingColumns {
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");

    private ReoffendingColumns() {}

    static List<Column> measures(boolean withHarm) {
        List<Column> c = new ArrayList<>(List.of(
                Column.count("Offenders"),
                Column.count("Reoffenders"),
                Column.percent("Proportion who reoffended"),
                Column.count("Reoffences"),
                Column.decimal("Reoffences per reoffender"),
                Column.decimal("Reoffences per offender")));
        if (withHarm) {
            c.add(Column.number("Harm of reoffences (days)"));
            c.add(Column.decimal("Harm per offender (days)"));
        }
        c.add(Column.flags("Row notes"));
        return c;
    }

    static List<Object> values(DisclosedYears.Shown s, boolean provisional, boolean withHarm) {
        List<Object> v = new ArrayList<>(List.of(
                s.offenders(),
                s.reoffenders(),
                s.rate(),
                s.reoffences(),
                s.reoffencesPerReoffender(),
                s.reoffencesPerOffender()));
        if (withHarm) {
            v.add(s.harm());
            v.add(s.harmPerOffender());
        }
        v.add(flags(provisional, s.lowReliability() && s.rate().isNumber()));
        return v;
    }

    /** "[p]", "[u]", "[p] [u]", or "None" (a cell of a table is never left blank). */
    static String flags(boolean provisional, boolean lowReliability) {
        List<String> f = new ArrayList<>();
        if (provisional) {
            f.add(Shorthand.PROVISIONAL.code());
        }
        if (lowReliability) {
            f.add(Shorthand.LOW_RELIABILITY.code());
        }
        return f.isEmpty() ? "None" : String.join(" ", f);
    }

    /** Numbered categories in numeric order (age bands, previous-offence and sentence bands), unknowns last. */
    static final Comparator<String> CATEGORY_ORDER = Comparator.comparing(
                    (String c) -> c.equals("UNKNOWN") || c.equals("U") || c.equals("OUT_OF_AREA"))
            .thenComparing(c -> leadingNumber(c) == null)
            .thenComparing(c -> leadingNumber(c) == null ? 0L : leadingNumber(c))
            .thenComparing(Comparator.naturalOrder());

    static final Comparator<String> POPULATION_ORDER = Comparator.comparing(p -> {
        int i = List.of("ALL", "ADULT", "JUVENILE").indexOf(p);
        return i < 0 ? 3 : i;
    });

    private static Long leadingNumber(String c) {
        Matcher m = LEADING_NUMBER.matcher(c);
        return m.find() ? Long.parseLong(m.group(1)) : null;
    }
}
