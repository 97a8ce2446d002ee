package org.lcjp.reoffending.cli;

import java.util.concurrent.Callable;
import org.lcjp.reoffending.jobs.NightlyRun;
import org.lcjp.reoffending.jobs.Stages;
import org.lcjp.reoffending.jobs.results.MeasureResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description =
                "The whole nightly run: ingest, link, measure, compare, services, research release and panel pack, "
                        + "published atomically to OUTPUT/published/<as_of>/.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:Success.",
            "1:Any other failure (see the log).",
            "2:Bad arguments or configuration.",
            "3:Input rejected: nothing published."
        })
final class RunCommand implements Callable<Integer> {
    @Mixin
    RunOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        NightlyRun.Outcome o = new NightlyRun(options.request(), r -> {
                    out.println(r.summaryLine());
                    out.flush();
                })
                .rekey(options.rekey)
                .run(Stages.names(), true);
        if (o.leftoversRemoved() > 0) {
            out.printf(
                    "Removed %d leftover(s) of crashed runs (unpublished folders, scratch, checkpoints; see the log)%n",
                    o.leftoversRemoved());
        }
        out.printf("Published %s in %.1f s (run %s)%n", o.publishedTo(), o.seconds(), o.runId());
        o.stage(MeasureResult.class)
                .ifPresent(m -> out.printf(
                        "Figures as complete as the data up to %s (limited by %s); cohorts from %s: %s FINAL, %s PROVISIONAL%n",
                        m.effectiveDateText(),
                        m.limitedByText(),
                        m.firstCohort(),
                        m.finalCohorts(),
                        m.provisionalCohorts()));
        return ExitCodes.OK;
    }
}
