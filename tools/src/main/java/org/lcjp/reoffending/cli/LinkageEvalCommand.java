package org.lcjp.reoffending.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.jobs.LinkageEvaluation;
import org.lcjp.reoffending.settings.PipelineSettings;
import org.lcjp.reoffending.settings.SettingsLoader;
import org.lcjp.reoffending.spark.SparkSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "linkage-eval",
        mixinStandardHelpOptions = true,
        description = {
            "Pseudonymise and link the public linkage benchmarks (FEBRL3, FEBRL4, fake_1000, historical_50k) and generated "
                    + "agency data, and print precision, recall and F1 against their truth.",
            "Each is linked twice: with the Bloom filters unhardened, then with the encoding of the settings, and the cost "
                    + "of hardening is printed."
        })
final class LinkageEvalCommand implements Callable<Integer> {
    @Option(
            names = "--benchmarks",
            defaultValue = "../shared/linkage-benchmarks",
            paramLabel = "DIR",
            description = "Folder of the benchmark data sets (default: ${DEFAULT-VALUE}).")
    Path benchmarks;

    @Option(
            names = "--scratch",
            defaultValue = "out/linkage-eval",
            paramLabel = "DIR",
            description = "Scratch folder for Spark (default: ${DEFAULT-VALUE}).")
    Path scratch;

    @Option(
            names = "--conf",
            defaultValue = "conf",
            paramLabel = "DIR",
            description =
                    "Settings folder: its pseudonymise and linkage settings are evaluated (default: ${DEFAULT-VALUE}).")
    Path conf;

    @Option(
            names = "--only",
            split = ",",
            paramLabel = "NAME",
            description = "Only these: febrl4, febrl3, fake_1000, historical_50k, generated (default: all).")
    List<String> only;

    @Option(names = "--no-unhardened", description = "Skip the unhardened run (no before/after).")
    boolean noUnhardened;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PipelineSettings settings = SettingsLoader.load(conf.resolve("pipeline.yaml"));
        SparkSession spark =
                SparkSessions.create("reoffending linkage-eval", settings.spark(), scratch.resolve("spark-local"));
        spark.sparkContext()
                .setCheckpointDir(
                        scratch.resolve("checkpoints").toAbsolutePath().toString());
        System.out.println("Encoding: " + settings.pseudonymise().encoding());
        LinkageEvaluation.run(
                spark,
                benchmarks,
                new java.io.PrintStream(System.out, true),
                settings.linkage(),
                settings.pseudonymise(),
                !noUnhardened,
                only == null ? Set.of() : Set.copyOf(only));
        return ExitCodes.OK;
    }
}
