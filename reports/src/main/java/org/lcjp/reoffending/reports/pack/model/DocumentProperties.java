package org.lcjp.reoffending.reports.pack.model;

/**
 * What a writer records in the workbook's own properties, beside its sheets.
 *
 * @param title   the document title
 * @param creator who made it (the pack's contact), where the format has a place for it
 */
public record DocumentProperties(String title, String creator) {}
