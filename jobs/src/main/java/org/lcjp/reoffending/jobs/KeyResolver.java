package org.lcjp.reoffending.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.settings.SettingsException;

/**
 * KEY_FILE is required for any input other than the synthetic sample-inputs/ beside conf/; for the sample the
 * committed sample key is used, loudly.
 */
public final class KeyResolver {
    private static final Logger LOG = LogManager.getLogger(KeyResolver.class);
    public static final String SAMPLE_KEY = "sample.key";

    private KeyResolver() {
    }

    public static PseudonymisationKey resolve(RunRequest request) {
        if (request.keyFile() != null) {
            return PseudonymisationKey.load(request.keyFile());
        }
        if (isSampleInput(request)) {
            String warning = "WARNING: using the SAMPLE pseudonymisation key " + request.confDir().resolve(SAMPLE_KEY)
                    + " because the input is the synthetic sample-inputs/. Never use it for real data.";
            LOG.warn(warning);
            System.err.println(warning);
            return PseudonymisationKey.load(request.confDir().resolve(SAMPLE_KEY));
        }
        throw new SettingsException("Cannot pseudonymise " + request.input() + ": a key file is required for any input "
                + "other than sample-inputs/ (pass --key-file, or KEY_FILE=... to make). " + PseudonymisationKey.HOW_TO_MAKE);
    }

    /** The synthetic sample is a local folder beside conf/; an input on any other file system never is. */
    static boolean isSampleInput(RunRequest request) {
        Path sample = request.confDir().toAbsolutePath().normalize().resolveSibling("sample-inputs");
        if (!request.input().isLocal()) {
            return false;
        }
        Path input = request.input().toLocalPath();
        try {
            return Files.isDirectory(input) && Files.isDirectory(sample) && Files.isSameFile(input, sample);
        } catch (IOException e) {
            return false;
        }
    }
}
