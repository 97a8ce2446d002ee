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

    private KeyResolver() {}

    public static PseudonymisationKey resolve(RunRequest request) {
        return resolve(request, false);
    }

    /**
     * @param allowReadable run with a key file that other users can read (run.allow_readable_key), with a warning;
     *                      otherwise such a key is refused (exit 2): whoever can read it can reverse every token
     */
    public static PseudonymisationKey resolve(RunRequest request, boolean allowReadable) {
        if (request.keyFile() != null) {
            requirePrivate(request.keyFile(), allowReadable);
            return PseudonymisationKey.load(request.keyFile());
        }
        if (isSampleInput(request)) {
            String warning = "WARNING: using the SAMPLE pseudonymisation key "
                    + request.confDir().resolve(SAMPLE_KEY)
                    + " because the input is the synthetic sample-inputs/. Never use it for real data.";
            LOG.warn(warning);
            System.err.println(warning);
            return PseudonymisationKey.load(request.confDir().resolve(SAMPLE_KEY));
        }
        throw new SettingsException("Cannot pseudonymise " + request.input() + ": a key file is required for any input "
                + "other than sample-inputs/ (pass --key-file, or KEY_FILE=... to make). "
                + PseudonymisationKey.HOW_TO_MAKE);
    }

    /** A key file others may read is refused unless allowed; on a file system without POSIX modes nothing is checked. */
    static void requirePrivate(Path keyFile, boolean allowReadable) {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(keyFile);
        } catch (UnsupportedOperationException | IOException e) {
            return;
        }
        if (!mode.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
            return;
        }
        String problem = "the key file " + keyFile + " can be read by every user of this machine (mode "
                + java.nio.file.attribute.PosixFilePermissions.toString(mode)
                + "), and whoever reads it can reverse the tokens";
        if (allowReadable) {
            LOG.warn("WARNING: {}; running anyway because run.allow_readable_key is true", problem);
            System.err.println("WARNING: " + problem + "; running anyway because run.allow_readable_key is true.");
            return;
        }
        throw new SettingsException("Cannot pseudonymise: " + problem + ". Restrict it (chmod 600 " + keyFile
                + "), or set run.allow_readable_key: true in pipeline.yaml to accept the risk.");
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
