package org.lcjp.reoffending.settings;

/**
 * The panel pack.
 *
 * @param title               the pack's title on the cover
 * @param contact             the contact line
 * @param lowReliabilityBelow a rate or share over fewer people than this is marked [u] low reliability (default 30)
 */
public record ReportSettings(String title, String contact, Integer lowReliabilityBelow) {
    public ReportSettings {
        title = Defaults.or(title, "Proven reoffending: Durham and Cleveland Local Criminal Justice Partnership");
        contact = Defaults.or(contact, "LCJP performance and analysis team");
        lowReliabilityBelow = Defaults.or(lowReliabilityBelow, 30);
    }

    /** What is wrong with these values, keys relative to the section (none: usable). */
    public java.util.List<String> problems() {
        Problems p = new Problems();
        p.check(lowReliabilityBelow >= 0, "low_reliability_below", "must not be negative", lowReliabilityBelow);
        return p.list();
    }

    public static ReportSettings defaults() {
        return new ReportSettings(null, null, null);
    }
}
