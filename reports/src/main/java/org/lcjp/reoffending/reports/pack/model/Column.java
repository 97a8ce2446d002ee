package org.lcjp.reoffending.reports.pack.model;

/** A column of a table: its heading and how its values are shown. */
public record Column(String header, Kind kind) {
    /** How a column's values are formatted, and its width in characters. */
    public enum Kind {
        TEXT(24, false, null),
        LONG_TEXT(60, false, null),
        FLAGS(12, false, null),
        /** A count of people (disclosure-controlled). */
        COUNT(13, true, "#,##0"),
        /** A count of something other than people: file rows, records, pairs (not suppressed). */
        NUMBER(13, true, "#,##0"),
        PERCENT(12, true, "0.0%"),
        DECIMAL(12, true, "0.00"),
        P_VALUE(10, true, "0.000"),
        DATE(14, true, "d mmm yyyy");

        public final int width;
        public final boolean numeric;
        public final String format;

        Kind(int width, boolean numeric, String format) {
            this.width = width;
            this.numeric = numeric;
            this.format = format;
        }
    }

    public static Column text(String header) {
        return new Column(header, Kind.TEXT);
    }

    public static Column longText(String header) {
        return new Column(header, Kind.LONG_TEXT);
    }

    /** The row's shorthand that belongs to the whole row ({@code [p]}, {@code [u]}), beside its numbers. */
    public static Column flags(String header) {
        return new Column(header, Kind.FLAGS);
    }

    public static Column count(String header) {
        return new Column(header, Kind.COUNT);
    }

    public static Column number(String header) {
        return new Column(header, Kind.NUMBER);
    }

    public static Column percent(String header) {
        return new Column(header, Kind.PERCENT);
    }

    public static Column decimal(String header) {
        return new Column(header, Kind.DECIMAL);
    }

    public static Column pValue(String header) {
        return new Column(header, Kind.P_VALUE);
    }

    public static Column date(String header) {
        return new Column(header, Kind.DATE);
    }
}
