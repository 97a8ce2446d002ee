package org.lcjp.reoffending.measures;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The partnership's year, April to March (methodology.md sections 5 and 8-10), named by its start: FY2018-19 runs from
 * 1 April 2018 to 31 March 2019.
 */
public record FinancialYear(int startYear) {
    private static final int FIRST_MONTH = 4;

    public static FinancialYear of(LocalDate date) {
        return new FinancialYear(date.getMonthValue() >= FIRST_MONTH ? date.getYear() : date.getYear() - 1);
    }

    /** The 1 April starting the financial year of a date column. */
    public static Column start(Column date) {
        return make_date(
                year(date).minus(when(month(date).lt(FIRST_MONTH), lit(1)).otherwise(lit(0))),
                lit(FIRST_MONTH),
                lit(1));
    }

    /** Every financial year lying wholly between the two dates (both inclusive), earliest first. */
    public static List<FinancialYear> within(LocalDate from, LocalDate to) {
        List<FinancialYear> out = new ArrayList<>();
        if (from == null || to == null) {
            return out;
        }
        FinancialYear y = of(from);
        if (y.start().isBefore(from)) {
            y = y.next();
        }
        for (; !y.end().isAfter(to); y = y.next()) {
            out.add(y);
        }
        return out;
    }

    public LocalDate start() {
        return LocalDate.of(startYear, FIRST_MONTH, 1);
    }

    public LocalDate end() {
        return start().plusYears(1).minusDays(1);
    }

    public FinancialYear next() {
        return new FinancialYear(startYear + 1);
    }

    /** "FY2018-19", as cohort_comparison's period names financial years (ComparisonPeriods). */
    public String label() {
        return String.format("FY%d-%02d", startYear, (startYear + 1) % 100);
    }
}
