package org.lcjp.reoffending.io;

/**
 * Named points where a run can be stopped dead for fault-injection tests: with the system property
 * {@value #PROPERTY} set to a point's name, the JVM halts there (no shutdown hooks, no cleanup: as a kill -9 or a lost
 * node would). Unset, reaching a point costs one property lookup. The points are placed where the storage design
 * must survive a crash: between the renames of a publish, around each switch to a new table version, after each
 * stage's writes.
 */
public final class CrashPoints {
    public static final String PROPERTY = "reoffending.crash_at";
    /**
     * With this property set to {@code throw}, a crash point throws {@link Crash} instead of halting: an in-process
     * test then crashes and reruns in one JVM (seconds, not a JVM start per point). A {@link Crash} is an Error, so no
     * cleanup written for failures ({@code catch (RuntimeException)}) runs, as after a kill; try-with-resources
     * still closes the run lock, which a kill would leave for the stale-lock rule.
     */
    public static final String ACTION_PROPERTY = "reoffending.crash_action";
    /** Exit status of a halt at a crash point (a test tells it from a real failure). */
    public static final int HALT_STATUS = 86;

    public static final String PUBLISH_BEFORE_RENAME = "publish.before_rename";
    public static final String PUBLISH_BETWEEN_RENAMES = "publish.between_renames";
    public static final String PUBLISH_AFTER_RENAME = "publish.after_rename";
    public static final String TABLE_BEFORE_SWITCH = "table.before_switch";
    public static final String TABLE_BETWEEN_SWITCH = "table.between_switch";
    public static final String INGEST_BEFORE_MANIFEST = "ingest.before_manifest";
    /** After a delivery's old partitions are dropped, before its rows are written; qualified by the table. */
    public static final String INGEST_BETWEEN_DELETE_AND_WRITE = "ingest.between_delete_and_write";
    /** After a stage's writes; qualified by the stage's name ({@code stage.written:ingest}). */
    public static final String STAGE_WRITTEN = "stage.written";

    private CrashPoints() {}

    /** Halts the JVM when the switch names {@code point} (or {@code point:<qualifier>}, e.g. a stage's name). */
    public static void reach(String point, String qualifier) {
        String at = System.getProperty(PROPERTY);
        if (at != null && (at.equals(point) || at.equals(point + ":" + qualifier))) {
            String where = point + (qualifier == null ? "" : ":" + qualifier);
            if ("throw".equals(System.getProperty(ACTION_PROPERTY))) {
                throw new Crash(where);
            }
            System.err.println("Crash point reached: " + where + " (halting)");
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }

    public static void reach(String point) {
        reach(point, null);
    }

    /** A simulated crash ({@value #ACTION_PROPERTY}=throw). */
    public static final class Crash extends Error {
        public Crash(String point) {
            super("Simulated crash at " + point);
        }
    }
}
