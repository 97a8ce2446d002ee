package org.lcjp.reoffending.cli;

import java.io.PrintWriter;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.lcjp.reoffending.jobs.InputRejectedException;
import org.lcjp.reoffending.settings.SettingsException;
import picocli.CommandLine;

/** Exit statuses of outputs.md, and the one line saying what to do that ends every failure. */
final class ExitCodes implements CommandLine.IExitCodeExceptionMapper, CommandLine.IExecutionExceptionHandler {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_CONFIGURATION = 2;
    static final int INPUT_REJECTED = 3;

    static final String[] HELP_LIST = {
        "0:Success.",
        "1:Any other failure (see the log).",
        "2:Bad arguments or configuration.",
        "3:Input rejected: nothing published."
    };

    /** The stack trace of a failure goes to the log file only (conf/log4j2.properties); the console gets two lines. */
    private static final Logger FAILURE_LOG = LogManager.getLogger("org.lcjp.reoffending.failure");

    @Override
    public int getExitCode(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof SettingsException || e instanceof CommandLine.ParameterException) {
            return BAD_CONFIGURATION;
        }
        if (e instanceof InputRejectedException) {
            return INPUT_REJECTED;
        }
        return FAILURE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        Throwable e = unwrap(ex);
        FAILURE_LOG.error("Run failed: " + e.getMessage(), e);
        PrintWriter err = cmd.getErr();
        err.println("Error: " + e.getMessage());
        err.println("What to do: " + advice(e));
        err.flush();
        return getExitCode(e);
    }

    private static String advice(Throwable e) {
        if (e instanceof SettingsException s && s.advice() != null) {
            return s.advice();
        }
        if (e instanceof SettingsException) {
            return "correct the option or conf/pipeline.yaml as the message says, then run again.";
        }
        if (e instanceof InputRejectedException r && r.advice() != null) {
            return r.advice();
        }
        if (e instanceof InputRejectedException) {
            return "see warehouse/quarantine and the message above; nothing was published. Fix or withdraw the file and rerun.";
        }
        if (String.valueOf(e.getMessage()).startsWith("Cannot start run: another run holds the lock")) {
            return "wait for that run to finish (a lock whose run is gone is taken over by itself: run.lock_stale_minutes), then run "
                    + "again; never delete the lock while its run is alive.";
        }
        if (String.valueOf(e.getMessage()).startsWith("Cannot start run: could not take the lock")) {
            return "run again in a minute: another run was starting on the same OUTPUT at the same moment.";
        }
        return "look up the cause in the log file " + logFile()
                + " (stack trace there); once it is fixed, run again - a failed run "
                + "published nothing and a rerun repairs what it left.";
    }

    /** The log file the launcher named, or where log4j2.properties puts it by default. */
    static String logFile() {
        String named = System.getProperty("reoffending.log_file");
        return named != null ? named : System.getProperty("java.io.tmpdir") + "/reoffending.log";
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CommandLine.ExecutionException
                        || e instanceof java.lang.reflect.UndeclaredThrowableException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
