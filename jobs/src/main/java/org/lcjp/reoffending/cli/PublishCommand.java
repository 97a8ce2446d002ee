package org.lcjp.reoffending.cli;

import java.util.concurrent.Callable;
import org.lcjp.reoffending.jobs.NightlyRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description =
                "Move what single-stage commands staged in OUTPUT/staging/<as_of>/ to published/<as_of>/, with its manifest.")
final class PublishCommand implements Callable<Integer> {
    @Mixin
    RunOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NightlyRun.Outcome o = new NightlyRun(options.request(), r -> {}).publishStaging();
        spec.commandLine().getOut().println("Published " + o.publishedTo());
        return ExitCodes.OK;
    }
}
