package org.lcjp.reoffending.publish;

/**
 * Named points where a run can be stopped dead for fault-injection tests: with the system property
 * {@value #PROPERTY} set to a point's name, the JVM halts there (no shutdown hooks, no cleanup: as a kill -9 or a lost
 * node would). Unset, reaching a point costs one property lookup. The points are placed where the storage design
 * must survive a crash: between the renames of a publish, around each switch to a new table version, after each
 * stage's writes.
 */
public final class CrashPoints {
    public static final String PROPERTY = "reoffending.crash_at";
    /** Exit status of a halt at a crash point (a test tells it from a real failure). */
    public static final int HALT_STATUS = 86;

    public static final String PUBLISH_BEFORE_RENAME = "publish.before_rename";
    public static final String PUBLISH_BETWEEN_RENAMES = "publish.between_renames";
    public static final String PUBLISH_AFTER_RENAME = "publish.after_rename";
    public static final String TABLE_BEFORE_SWITCH = "table.before_switch";
    public static final String TABLE_BETWEEN_SWITCH = "table.between_switch";
    public static final String INGEST_BEFORE_MANIFEST = "ingest.before_manifest";
    /** After a stage's writes; qualified by the stage's name ({@code stage.written:ingest}). */
    public static final String STAGE_WRITTEN = "stage.written";

    private CrashPoints() {
    }

    /** Halts the JVM when the switch names {@code point} (or {@code point:<qualifier>}, e.g. a stage's name). */
    public static void reach(String point, String qualifier) {
        String at = System.getProperty(PROPERTY);
        if (at != null && (at.equals(point) || at.equals(point + ":" + qualifier))) {
            System.err.println("Crash point reached: " + point + (qualifier == null ? "" : ":" + qualifier) + " (halting)");
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }

    public static void reach(String point) {
        reach(point, null);
    }
}
