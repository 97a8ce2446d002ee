package org.lcjp.reoffending.needs;

import java.time.LocalDate;

/** Collected dates are java.sql.Date, or LocalDate when the session uses the Java 8 time API. */
final class Dates {
    private Dates() {}

    static LocalDate local(Object value) {
        return value == null ? null : value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }
}
