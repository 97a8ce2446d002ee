package org.lcjp.reoffending.settings;

/**
 * Disclosure control for the Excel pack (methodology section 6).
 *
 * @param threshold counts from 1 to threshold - 1 are suppressed (default 5)
 */
public record DisclosureSettings(Integer threshold) {
    public DisclosureSettings {
        threshold = Defaults.or(threshold, 5);
    }

    /** What is wrong with these values, keys relative to the section (none: usable). */
    public java.util.List<String> problems() {
        Problems p = new Problems();
        p.check(threshold >= 1, "threshold", "must be at least 1", threshold);
        return p.list();
    }

    public static DisclosureSettings defaults() {
        return new DisclosureSettings(null);
    }
}
