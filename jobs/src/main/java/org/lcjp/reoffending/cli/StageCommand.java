package org.lcjp.reoffending.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.lcjp.reoffending.jobs.NightlyRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** One stage of the nightly run on its own (registered once per stage under the stage's name). */
@Command(
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:Success.",
            "1:Any other failure (see the log).",
            "2:Bad arguments or configuration.",
            "3:Input rejected: nothing published."
        })
final class StageCommand implements Callable<Integer> {
    private final String stage;

    @Mixin
    RunOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    StageCommand(String stage) {
        this.stage = stage;
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        new NightlyRun(options.request(), r -> out.println(r.summaryLine()))
                .rekey(options.rekey)
                .run(List.of(stage), false);
        out.flush();
        return ExitCodes.OK;
    }
}
