package org.lcjp.reoffending.settings;

/**
 * The panel pack.
 *
 * @param title   the pack's title on the cover
 * @param contact the contact line in the notes
 */
public record ReportSettings(String title, String contact) {
    public ReportSettings {
        title = Defaults.or(title, "Proven reoffending: Durham and Cleveland Local Criminal Justice Partnership");
        contact = Defaults.or(contact, "LCJP performance and analysis team");
    }

    public static ReportSettings defaults() {
        return new ReportSettings(null, null);
    }
}
