package org.lcjp.reoffending.reports.performance;

import java.util.Map;

/**
 * One outcome measure of {@code conf/targets.yaml} (methodology section 7).
 *
 * @param id             stable id, snake_case (the performance table's measure_id)
 * @param title          what the panel reads
 * @param figure         the published figure it reads
 * @param direction      which side of the target is good
 * @param target         the target value, in the figure's own unit (a proportion 0..1 for rates and shares)
 * @param amberTolerance how far on the wrong side of the target still rates AMBER (same unit, at least 0)
 * @param baseline       the period changes are measured against: a financial year ({@code 2016-17}) or
 *                       {@code POOLED}/{@code ALL} for tables without years
 * @param format         how the pack shows values: PERCENT, DECIMAL, COUNT or MONTHS
 */
public record Target(
        String id,
        String title,
        Figure figure,
        Direction direction,
        double target,
        double amberTolerance,
        String baseline,
        Format format) {

    public enum Direction {
        LOWER_IS_BETTER,
        HIGHER_IS_BETTER
    }

    public enum Format {
        PERCENT,
        DECIMAL,
        COUNT,
        MONTHS
    }

    /**
     * How a value and its uncertainty come out of the source rows. PROPORTION: numerator / denominator counts of
     * people (pooled by summing; two-proportion interval). RATE: events per person (Poisson interval). RATIO:
     * numerator / denominator with no interval (e.g. harm per offender: the tables hold no spread). COUNT: the
     * column summed (Poisson interval). ESTIMATE: the column as published, one row per period, with its interval
     * columns when named.
     */
    public enum Statistic {
        PROPORTION,
        RATE,
        RATIO,
        COUNT,
        ESTIMATE
    }

    /** NONE: one value per period. MAX: the largest over the period's rows (the largest gap). LATEST: the newest row only. */
    public enum Aggregate {
        NONE,
        MAX,
        LATEST
    }

    /**
     * The published figure: table, the rows (filters: column = value), the column, and what the statistic needs.
     */
    public record Figure(
            String table,
            Map<String, String> filters,
            String column,
            Statistic statistic,
            String numerator,
            String denominator,
            String ciLow,
            String ciHigh,
            Aggregate aggregate,
            String periodColumn) {
        public Figure {
            // In the targets file's order: the published filters text must not change from one JVM to the next
            // (Map.copyOf iterates in a per-JVM random order).
            filters = filters == null
                    ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(filters));
        }
    }
}
