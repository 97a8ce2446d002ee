package org.lcjp.reoffending.reports.performance;

import java.time.LocalDate;

/**
 * One row of the published {@code performance} table: a measure in one period against its target. A measure
 * whose source table or column is not published has one row with {@code availability} saying so and no figures.
 */
public record PerformanceRow(
        String measureId,
        String title,
        String sourceTable,
        String filters,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        String status,
        Double value,
        Double numerator,
        Double denominator,
        double target,
        String direction,
        double amberTolerance,
        String rag,
        String previousPeriod,
        Double changeOnYear,
        Double changeOnYearCiLow,
        Double changeOnYearCiHigh,
        Boolean changeOnYearSignificant,
        String baselinePeriod,
        Double changeOnBaseline,
        Double changeOnBaselineCiLow,
        Double changeOnBaselineCiHigh,
        Boolean changeOnBaselineSignificant,
        String statistic,
        String format,
        String availability,
        String note) {
    public static final String AVAILABLE = "AVAILABLE";
    public static final String TABLE_ABSENT = "TABLE_ABSENT";
    public static final String COLUMN_ABSENT = "COLUMN_ABSENT";
    public static final String NO_DATA = "NO_DATA";
    public static final String UNREADABLE = "UNREADABLE";

    /** The filters as a map ("population=ADULT; dimension=ALL" becomes population: ADULT, dimension: ALL). */
    public java.util.Map<String, String> filterMap() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        if (filters != null && !filters.isBlank()) {
            for (String part : filters.split("; ")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    m.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
        }
        return m;
    }

    public boolean available() {
        return AVAILABLE.equals(availability);
    }
}
