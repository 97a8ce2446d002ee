package org.lcjp.reoffending.settings;

/** Settings or arguments that cannot be used: the CLI maps it to exit status 2. */
public class SettingsException extends RuntimeException {
    private String advice;

    public SettingsException(String message) {
        super(message);
    }

    /** A problem with its own "What to do" line (the CLI's last line), instead of the general one. */
    public static SettingsException withAdvice(String message, String advice) {
        SettingsException e = new SettingsException(message);
        e.advice = advice;
        return e;
    }

    /** What to do about it, or null for the general advice. */
    public String advice() {
        return advice;
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
