package org.lcjp.reoffending.reports.pack;

/** A column of a data table: its header and how its values are shown. */
public record Column(String header, Kind kind) {
    /** How values of a column are formatted, and the column's width in characters. */
    public enum Kind {
        SHORT_TEXT(12, false), TEXT(22, false), LONG_TEXT(48, false), COUNT(13, true), PERCENT(12, true),
        DECIMAL(12, true), P_VALUE(10, true), DATE(13, true);

        final int width;
        /** Numbers are right-aligned, and so are their headings. */
        final boolean numeric;

        Kind(int width, boolean numeric) {
            this.width = width;
            this.numeric = numeric;
        }
    }

    public static Column text(String header) {
        return new Column(header, Kind.TEXT);
    }

    public static Column shortText(String header) {
        return new Column(header, Kind.SHORT_TEXT);
    }

    public static Column longText(String header) {
        return new Column(header, Kind.LONG_TEXT);
    }

    public static Column count(String header) {
        return new Column(header, Kind.COUNT);
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
