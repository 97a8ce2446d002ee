package org.lcjp.reoffending.jobs;

/** The input cannot be published from (e.g. row counts do not reconcile): nothing is published, exit status 3. */
public class InputRejectedException extends RuntimeException {
    public InputRejectedException(String message) {
        super(message);
    }
}
