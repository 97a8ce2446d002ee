package org.lcjp.reoffending.jobs;

import java.nio.file.Path;
import java.util.List;
import org.lcjp.reoffending.reports.performance.Target;
import org.lcjp.reoffending.reports.performance.Targets;
import org.lcjp.reoffending.settings.PipelineSettings;
import org.lcjp.reoffending.settings.SettingsException;
import org.lcjp.reoffending.settings.SettingsLoader;

/** conf/targets.yaml as settings: loaded and checked before any data moves; every problem is exit status 2. */
final class TargetsCheck {
    static final String FILE = "targets.yaml";

    private TargetsCheck() {}

    /**
     * conf/pipeline.yaml, and the report stage's conf files when the run has that stage, checked together before any
     * data moves: a run with mistakes in both lists every one of them in one exception (exit status 2).
     */
    static PipelineSettings settingsAndReportFiles(Path confDir, boolean report) {
        SettingsException settingsProblems = null;
        PipelineSettings settings = null;
        try {
            settings = SettingsLoader.load(confDir.resolve("pipeline.yaml"));
        } catch (SettingsException e) {
            settingsProblems = e;
        }
        if (report) {
            try {
                checkAtStart(confDir);
            } catch (SettingsException e) {
                if (settingsProblems == null) {
                    throw e;
                }
                throw SettingsException.withAdvice(
                        settingsProblems.getMessage() + "\n" + e.getMessage(),
                        "correct conf/pipeline.yaml and conf/" + FILE + " as listed above, then run again.");
            }
        }
        if (settingsProblems != null) {
            throw settingsProblems;
        }
        return settings;
    }

    /** The report stage's conf files (targets, labels), checked at start-up so a bad one stops the run at once. */
    static void checkAtStart(Path confDir) {
        load(confDir);
        try {
            org.lcjp.reoffending.reports.pack.Labels.load(confDir.resolve("labels.yaml"));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage() + ". Restore conf/labels.yaml from the repository.", e);
        }
    }

    static List<Target> load(Path confDir) {
        try {
            return Targets.load(confDir.resolve(FILE));
        } catch (Targets.InvalidTargets e) {
            throw new SettingsException(
                    e.getMessage() + "\nFix conf/" + FILE + " (README, \"The performance framework\").", e);
        }
    }
}
