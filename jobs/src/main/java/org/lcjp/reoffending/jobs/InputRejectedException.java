package org.lcjp.reoffending.jobs;

/** The input cannot be published from (e.g. row counts do not reconcile): nothing is published, exit status 3. */
public class InputRejectedException extends RuntimeException {
    private final String advice;

    public InputRejectedException(String message) {
        this(message, null);
    }

    /** @param advice what to do about it, for the run's last line; null for the general advice */
    public InputRejectedException(String message, String advice) {
        super(message);
        this.advice = advice;
    }

    public String advice() {
        return advice;
    }
}
