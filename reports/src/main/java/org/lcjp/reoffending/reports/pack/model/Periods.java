package org.lcjp.reoffending.reports.pack.model;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods in words, as the Analysis Function asks: "Jan to Mar 2019" for a quarter, "April 2018 to March 2019"
 * for a longer run of whole months, never "Q1 2019".
 */
public final class Periods {
    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM", Locale.UK);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");

    private Periods() {}

    /** A date in words: "31 March 2025". */
    public static String day(LocalDate d) {
        return DAY.format(d);
    }

    /** A period in words. */
    public static String label(LocalDate start, LocalDate end) {
        boolean wholeMonths = start.getDayOfMonth() == 1 && end.plusDays(1).getDayOfMonth() == 1;
        if (!wholeMonths) {
            return DAY.format(start) + " to " + DAY.format(end);
        }
        if (end.equals(start.plusMonths(1).minusDays(1))) {
            return MONTH_YEAR.format(start);
        }
        if (end.equals(start.plusMonths(3).minusDays(1))) {
            // Locale.UK spells September "Sept"; the guidance's examples use three letters.
            return shortMonth(start) + " to " + shortMonth(end) + " " + end.getYear();
        }
        return MONTH_YEAR.format(start) + " to " + MONTH_YEAR.format(end);
    }

    private static String shortMonth(LocalDate d) {
        String s = SHORT_MONTH.format(d);
        return s.length() > 3 ? s.substring(0, 3) : s;
    }

    /** A financial year (April to March), the partnership's year. */
    public record FinancialYear(int startYear) implements Comparable<FinancialYear> {
        public static FinancialYear of(LocalDate date) {
            return new FinancialYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
        }

        /**
         * A financial year written by a published table ({@code 2018-19}, {@code 2018/19}, {@code FY2018},
         * {@code 2018-04-01}, "April 2018 to March 2019"): the first four-digit year is the year it starts in.
         */
        public static Optional<FinancialYear> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            Matcher m = YEAR.matcher(text);
            return m.find() ? Optional.of(new FinancialYear(Integer.parseInt(m.group(1)))) : Optional.empty();
        }

        public LocalDate start() {
            return LocalDate.of(startYear, 4, 1);
        }

        public LocalDate end() {
            return LocalDate.of(startYear + 1, 3, 31);
        }

        public FinancialYear previous() {
            return new FinancialYear(startYear - 1);
        }

        public String label() {
            return Periods.label(start(), end());
        }

        /** {@code 2018-19}, for table names and keys. */
        public String code() {
            return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
        }

        @Override
        public int compareTo(FinancialYear o) {
            return Integer.compare(startYear, o.startYear);
        }
    }
}
