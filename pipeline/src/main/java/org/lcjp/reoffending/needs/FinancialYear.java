package org.lcjp.reoffending.needs;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.trunc;

import java.time.LocalDate;
import org.apache.spark.sql.Column;

/** The partnership's year, April to March (methodology.md sections 5 and 8-10), named by its start: 2018-19. */
public record FinancialYear(LocalDate start) {
    static final int FIRST_MONTH = 4;

    public FinancialYear {
        if (start.getMonthValue() != FIRST_MONTH || start.getDayOfMonth() != 1) {
            throw new IllegalArgumentException("Cannot start a financial year on " + start + ": it starts on 1 April");
        }
    }

    public static FinancialYear of(LocalDate date) {
        int year = date.getMonthValue() >= FIRST_MONTH ? date.getYear() : date.getYear() - 1;
        return new FinancialYear(LocalDate.of(year, FIRST_MONTH, 1));
    }

    /** The first day of the financial year holding the date, as a Spark column. */
    public static Column startOf(Column date) {
        return add_months(trunc(add_months(date, -(FIRST_MONTH - 1)), "year"), FIRST_MONTH - 1);
    }

    public LocalDate end() {
        return start.plusYears(1).minusDays(1);
    }

    public FinancialYear next() {
        return new FinancialYear(start.plusYears(1));
    }

    /** "FY2018-19", as the comparisons name a financial year (ComparisonPeriods). */
    public String label() {
        return "FY" + start.getYear() + "-" + String.format("%02d", (start.getYear() + 1) % 100);
    }
}
