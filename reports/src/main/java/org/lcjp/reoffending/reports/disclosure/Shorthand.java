package org.lcjp.reoffending.reports.disclosure;

/**
 * The Government Analysis Function's shorthand for figures a cell does not show (methodology section 6). A true
 * zero is the number 0, never a symbol.
 */
public enum Shorthand {
    CONFIDENTIAL("[c]", "confidential: withheld so that no count of fewer than %d people can be seen or worked out"),
    NOT_AVAILABLE("[x]", "not available"),
    NOT_APPLICABLE("[z]", "not applicable"),
    LOW_RELIABILITY("[u]", "low reliability: a rate or share over fewer than %2$d people, or a provisional figure"),
    PROVISIONAL(
            "[p]",
            "provisional: the follow-up and waiting periods are not yet all in the data, so the figure will change");

    private final String code;
    private final String meaning;

    Shorthand(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    /** The key's line, with the disclosure threshold and the low-reliability size filled in. */
    public String meaning(int threshold, int lowReliabilityBelow) {
        return String.format(meaning, threshold, lowReliabilityBelow);
    }
}
