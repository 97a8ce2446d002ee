package org.lcjp.reoffending.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lcjp.reoffending.jobs.NightlyRun;
import org.lcjp.reoffending.jobs.TrainLinkageJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "train-linkage",
        mixinStandardHelpOptions = true,
        description = {
            "Retrain the linkage model on the staged records of OUTPUT's warehouse (run `ingest` first) and write "
                    + "linkage-model.json: by default into OUTPUT's model store, which the nightly run then predicts with.",
            "The nightly run never retrains by itself once it has a model."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:Success.",
            "1:Any other failure (see the log).",
            "2:Bad arguments or configuration (or no staged records)."
        })
final class TrainLinkageCommand implements Callable<Integer> {
    @Mixin
    RunOptions options;

    @Option(
            names = "--model",
            paramLabel = "FILE",
            description =
                    "Write the model here instead (e.g. conf/linkage-model.json, then name it in linkage.model.file).")
    Path model;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        new NightlyRun(options.request(), r -> out.println(r.summaryLine()))
                .runStages(List.of(new TrainLinkageJob(model)), false);
        out.flush();
        return ExitCodes.OK;
    }
}
