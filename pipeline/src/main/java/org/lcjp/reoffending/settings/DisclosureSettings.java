package org.lcjp.reoffending.settings;

/**
 * Disclosure control for the Excel pack (methodology section 6).
 *
 * @param threshold counts from 1 to threshold - 1 are suppressed (default 5)
 */
public record DisclosureSettings(Integer threshold) {
    public DisclosureSettings {
        threshold = Defaults.or(threshold, 5);
        if (threshold < 1) {
            throw new IllegalArgumentException("Cannot use disclosure threshold: must be at least 1 (" + threshold + ")");
        }
    }

    public static DisclosureSettings defaults() {
        return new DisclosureSettings(null);
    }
}
