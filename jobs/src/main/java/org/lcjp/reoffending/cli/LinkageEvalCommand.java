package org.lcjp.reoffending.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.jobs.LinkageEvaluation;
import org.lcjp.reoffending.settings.PipelineSettings;
import org.lcjp.reoffending.spark.SparkSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "linkage-eval", mixinStandardHelpOptions = true,
        description = "Pseudonymise and link the public linkage benchmarks (FEBRL3, FEBRL4, fake_1000, historical_50k) "
                + "and print precision, recall and F1 against their truth.")
final class LinkageEvalCommand implements Callable<Integer> {
    @Option(names = "--benchmarks", defaultValue = "../shared/linkage-benchmarks", paramLabel = "DIR",
            description = "Folder of the benchmark data sets (default: ${DEFAULT-VALUE}).")
    Path benchmarks;

    @Option(names = "--scratch", defaultValue = "out/linkage-eval", paramLabel = "DIR",
            description = "Scratch folder for Spark (default: ${DEFAULT-VALUE}).")
    Path scratch;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SparkSession spark = SparkSessions.create("reoffending linkage-eval", PipelineSettings.defaults().spark(),
                scratch.resolve("spark-local"));
        spark.sparkContext().setCheckpointDir(scratch.resolve("checkpoints").toAbsolutePath().toString());
        LinkageEvaluation.run(spark, benchmarks, new java.io.PrintStream(System.out, true));
        return ExitCodes.OK;
    }
}
