package org.lcjp.reoffending.cli;

import java.io.PrintWriter;
import org.lcjp.reoffending.jobs.Stages;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code reoffending}: the nightly reoffending analytics pipeline, the product's commands only (the spark-submit jar's
 * main class). The development tools (generate, bench, linkage-eval, diff-published) are added by the tools module's
 * {@code DevCommand}.
 */
@Command(
        name = "reoffending",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Reoffending analytics pipeline: ingest agency extracts, link people, measure proven reoffending, "
                        + "compare cohorts and publish Parquet and the panel pack.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:Success.",
            "1:Any other failure (see the log).",
            "2:Bad arguments or configuration.",
            "3:Input rejected: nothing published."
        },
        subcommands = {RunCommand.class, PublishCommand.class, TrainLinkageCommand.class, CommandLine.HelpCommand.class
        })
public final class ReoffendingCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (tests call execute on it directly). */
    public static CommandLine commandLine() {
        return commandLine(new Object[0]);
    }

    /**
     * The configured command line with further subcommands (picocli {@code @Command} objects: the dev CLI's tools),
     * added before the exit codes and handlers are set so that they end like every product command.
     */
    public static CommandLine commandLine(Object... extraSubcommands) {
        CommandLine cl = new CommandLine(new ReoffendingCommand());
        for (String stage : Stages.names()) {
            CommandLine sub = new CommandLine(new StageCommand(stage));
            sub.getCommandSpec()
                    .usageMessage()
                    .description(
                            Stages.describe(stage),
                            "Writes its published tables to OUTPUT/staging/<as_of>/; `reoffending publish` moves them into place.");
            cl.addSubcommand(stage, sub);
        }
        for (Object sub : extraSubcommands) {
            cl.addSubcommand(sub);
        }
        ExitCodes codes = new ExitCodes();
        cl.setExitCodeExceptionMapper(codes);
        cl.setExecutionExceptionHandler(codes);
        // A malformed option (--as-of 2020-13-01, an unknown option) ends like every other failure: one line saying
        // what to do.
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("Error: " + ex.getMessage());
            err.println("What to do: correct the command line (see `reoffending "
                    + ex.getCommandLine().getCommandName() + " --help`), then run again.");
            err.flush();
            return ExitCodes.BAD_CONFIGURATION;
        });
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing subcommand: try `reoffending run` or `reoffending --help`.");
    }
}
