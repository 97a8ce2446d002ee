package org.lcjp.reoffending.reports.pack;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the pack names cohorts and orders categories. */
public final class Cohorts {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");
    private static final List<String> POPULATIONS = List.of("ALL", "ADULT", "JUVENILE");

    private Cohorts() {
    }

    /** "Jan to Mar 2024" for a calendar quarter, "2024" for a calendar year, else the two dates. */
    public static String label(LocalDate start, LocalDate end) {
        if (start.getDayOfMonth() == 1 && end.equals(start.plusMonths(3).minusDays(1))) {
            return MONTH.format(start) + " to " + MONTH.format(end) + " " + end.getYear();
        }
        if (start.getDayOfYear() == 1 && end.equals(start.plusYears(1).minusDays(1))) {
            return String.valueOf(start.getYear());
        }
        return DAY.format(start) + " to " + DAY.format(end);
    }

    /** Numbered categories in numeric order (age bands, previous-offence and sentence bands), unknowns last. */
    public static final Comparator<String> CATEGORY_ORDER = Comparator
            .comparing((String c) -> c.equals("UNKNOWN") || c.equals("U"))
            .thenComparing(c -> leadingNumber(c) == null)
            .thenComparing(c -> leadingNumber(c) == null ? 0L : leadingNumber(c))
            .thenComparing(Comparator.naturalOrder());

    public static final Comparator<String> POPULATION_ORDER = Comparator.comparing(p -> {
        int i = POPULATIONS.indexOf(p);
        return i < 0 ? POPULATIONS.size() : i;
    });

    public static String titleCase(String code) {
        String s = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Long leadingNumber(String c) {
        Matcher m = LEADING_NUMBER.matcher(c);
        return m.find() ? Long.parseLong(m.group(1)) : null;
    }
}
