package org.lcjp.reoffending.settings;

/** Settings or arguments that cannot be used: the CLI maps it to exit status 2. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
