package org.lcjp.reoffending.publish;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version and commit, stamped into version.properties at build time. */
public final class CodeVersion {
    private CodeVersion() {}

    public static String current() {
        try (InputStream in = CodeVersion.class.getResourceAsStream("/reoffending-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown") + "+" + p.getProperty("commit", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
