package org.lcjp.reoffending.domain;

/**
 * Rule codes of the quarantine table and of data_quality.quarantined_by_rule: each names a fault a data owner can
 * find and fix in the extract. Warnings (optional values nulled) use the same codes but never quarantine a row.
 */
public final class QuarantineRule {
    // Whole file
    /** A required column is missing from the header: every row of the file is quarantined. */
    public static final String MISSING_REQUIRED_COLUMN = "MISSING_REQUIRED_COLUMN";
    /** Two header names are the same after trimming and case folding: every row is quarantined. */
    public static final String DUPLICATE_COLUMN = "DUPLICATE_COLUMN";

    /** The header line itself cannot be split into fields: every row is quarantined. */
    public static final String MALFORMED_HEADER = "MALFORMED_HEADER";
    /** The file has no header line (it is empty). */
    public static final String EMPTY_FILE = "EMPTY_FILE";

    // One line
    /** A quoted field never closes, or text follows a closing quote. */
    public static final String MALFORMED_LINE = "MALFORMED_LINE";
    /** The record has more or fewer fields than the header. */
    public static final String WRONG_FIELD_COUNT = "WRONG_FIELD_COUNT";

    // One value
    public static final String MISSING_REQUIRED_VALUE = "MISSING_REQUIRED_VALUE";
    public static final String BAD_DATE = "BAD_DATE";
    public static final String DATE_OUT_OF_RANGE = "DATE_OUT_OF_RANGE";
    public static final String UNKNOWN_CODE = "UNKNOWN_CODE";
    public static final String UNKNOWN_OFFENCE_CODE = "UNKNOWN_OFFENCE_CODE";
    public static final String BAD_DECIMAL = "BAD_DECIMAL";

    // Across values
    /** A date lies before the date it must not precede (e.g. outcome_date before offence_date). */
    public static final String NOT_BEFORE = "NOT_BEFORE";
    /** A column the row's codes make required (e.g. custody_months for custodial disposals) is missing. */
    public static final String REQUIRED_WHEN = "REQUIRED_WHEN";

    // Warnings only
    /**
     * A value's bytes are not valid UTF-8: they are read as U+FFFD and the row is kept (the contract names UTF-8 but
     * no rule for other bytes); a warning names the file, line and column, never the value.
     */
    public static final String INVALID_UTF8 = "INVALID_UTF8";

    private QuarantineRule() {}
}
