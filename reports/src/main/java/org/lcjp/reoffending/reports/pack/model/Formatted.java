package org.lcjp.reoffending.reports.pack.model;

/** A cell whose number format differs from its column's (a column mixing rates and means). */
public record Formatted(Object value, Column.Kind kind) {}
