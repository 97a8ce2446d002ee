package org.lcjp.reoffending.domain;

/** How a raw extract column is parsed and what it becomes in the staged layer. */
public enum ColumnType {
    /** Free text, trimmed; empty is null. */
    TEXT,
    /** A calendar date in the dataset's date format. */
    DATE,
    /** A decimal number (e.g. months of custody). */
    DECIMAL,
    /** One of a closed list of codes, matched case-insensitively after trimming. */
    CODE,
    /** An offence code that must exist in the offence reference table. */
    OFFENCE_CODE,
    /** A person identifier (name, date of birth, PNC ID, postcode, agency reference): pseudonymised at ingest. */
    IDENTIFIER
}
