package org.lcjp.reoffending.cli;

import picocli.CommandLine;

/**
 * The development command line: every product command of {@link ReoffendingCommand} plus the tools (synthetic
 * extracts, the benchmark, linkage quality on public benchmarks, the published-figures diff). The launcher
 * ({@code bin/reoffending}, {@code make}) and {@code reoffending-all.jar} run this; the spark-submit jar holds only the
 * product and its {@link ReoffendingCommand}.
 */
public final class DevCommand {
    private DevCommand() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The product's command line with the tools added (tests call execute on it directly). */
    public static CommandLine commandLine() {
        return ReoffendingCommand.commandLine(
                new GenerateCommand(), new LinkageEvalCommand(), new DiffPublishedCommand(), new BenchCommand());
    }
}
