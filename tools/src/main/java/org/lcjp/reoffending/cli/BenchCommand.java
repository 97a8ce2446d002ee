package org.lcjp.reoffending.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lcjp.reoffending.jobs.NightlyRun;
import org.lcjp.reoffending.jobs.RunRequest;
import org.lcjp.reoffending.jobs.Stages;
import org.lcjp.reoffending.jobs.results.StageSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Generates (once, cached) a synthetic input of a given size, runs the nightly job on it and prints seconds,
 * rows per second and peak heap per stage; with --scaling also at a quarter of the size, and the ratio.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmark the nightly run on generated data of a chosen size; prints per-stage figures.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--people", defaultValue = "20000", description = "People simulated (default: ${DEFAULT-VALUE}).")
    long people;

    @Option(names = "--from", defaultValue = "2014", description = "First year (default: ${DEFAULT-VALUE}).")
    int fromYear;

    @Option(names = "--to", defaultValue = "2019", description = "Last year (default: ${DEFAULT-VALUE}; six years).")
    int toYear;

    @Option(
            names = "--data",
            defaultValue = "bench-data",
            paramLabel = "DIR",
            description = "Cache of generated inputs and bench outputs (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--scaling", description = "Also run at a quarter of the size and report the time ratio.")
    boolean scaling;

    @Option(
            names = "--conf",
            defaultValue = "conf",
            paramLabel = "DIR",
            description = "Settings folder (default: ${DEFAULT-VALUE}).")
    Path conf;

    @Option(
            names = "--linkage-people",
            defaultValue = "0",
            paramLabel = "N",
            description =
                    "Also benchmark the link stage alone on N generated people (256000 give about a million staged records; "
                            + "default: ${DEFAULT-VALUE}, none).")
    long linkagePeople;

    @Option(
            names = "--linkage-only",
            description = "Only the linkage benchmark (run it in a fresh JVM: the link stage cold).")
    boolean linkageOnly;

    @Option(
            names = "--prepare-only",
            description = "Only generate and ingest the linkage benchmark's input (kept for later runs).")
    boolean prepareOnly;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (people < 1 || linkagePeople < 0) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--people must be at least 1 and --linkage-people at least 0 (0: no linkage benchmark)");
        }
        BenchInputs inputs = new BenchInputs(data, fromYear, toYear, out);
        // Job counts and times per step, to say where a stage's time goes (read by SparkConf from system properties).
        System.setProperty("spark.extraListeners", SparkJobTimes.class.getName());
        if (linkagePeople > 0) {
            LinkageBench linkage =
                    new LinkageBench(data, linkagePeople, LocalDate.of(toYear + 2, 12, 31), conf, inputs.key(), out);
            linkage.prepare(linkagePeople, inputs);
            if (!prepareOnly) {
                linkage.run();
            }
            if (linkageOnly || prepareOnly) {
                return ExitCodes.OK;
            }
        }
        List<Long> sizes = scaling ? List.of(Math.max(1, people / 4), people) : List.of(people);
        List<Double> totals = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        for (long n : sizes) {
            Path input = data.resolve("people-" + n).resolve("input");
            long generated = inputs.ensure(n, input, input.resolveSibling("truth"));
            Path output = data.resolve("people-" + n).resolve("out");
            BenchInputs.deleteQuietly(output);
            List<StageSummary> results = new ArrayList<>();
            RunRequest request = new RunRequest(
                    input.toAbsolutePath(),
                    output.toAbsolutePath(),
                    LocalDate.of(toYear + 2, 12, 31),
                    inputs.key(),
                    conf.toAbsolutePath());
            SparkJobTimes.drain();
            NightlyRun.Outcome o = new NightlyRun(request, r -> {
                        results.add(r);
                        printSteps(out, r);
                    })
                    .run(Stages.names(), true);
            out.printf("%nbench: %,d people, %,d input rows, total %.1f s%n", n, generated, o.seconds());
            out.printf(
                    "%-10s %14s %14s %9s %12s %9s %10s%n",
                    "stage", "rows in", "rows out", "seconds", "rows/s", "CPU s", "peak MiB");
            for (StageSummary r : results) {
                out.printf(
                        "%-10s %,14d %,14d %9.1f %,12.0f %9s %10s%n",
                        r.stage(),
                        r.rowsIn(),
                        r.rowsOut(),
                        r.seconds(),
                        r.seconds() > 0 ? r.rowsIn() / r.seconds() : 0.0,
                        r.cost() == null || r.cost().cpuSeconds() == null
                                ? "?"
                                : r.cost().cpuSeconds(),
                        r.cost() == null ? "?" : r.cost().peakHeapMb());
            }
            out.flush();
            totals.add(o.seconds());
            rows.add(generated);
        }
        if (scaling) {
            out.printf(
                    "%nscaling: %.2fx the rows took %.2fx the time (target: 4x rows in at most 4.5x time)%n",
                    (double) rows.get(1) / rows.get(0), totals.get(1) / totals.get(0));
        }
        out.printf("max heap available %,d MiB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return ExitCodes.OK;
    }

    /** The stage's Spark jobs and tasks, and its five costliest job descriptions. */
    static void printSteps(PrintWriter out, StageSummary r) {
        Map<String, long[]> steps = SparkJobTimes.drain();
        double inJobs = steps.values().stream().mapToLong(v -> v[1]).sum() / 1000.0;
        out.printf(
                "%s: %.1f s, %,d Spark jobs (%.1f s inside jobs), %,d tasks; costliest steps:%n",
                r.stage(), r.seconds(), r.cost().sparkJobs(), inJobs, r.cost().sparkTasks());
        steps.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(5)
                .forEach(e -> out.printf(
                        "    %7.1f s %4d jobs  %s%n", e.getValue()[1] / 1000.0, e.getValue()[0], e.getKey()));
        out.flush();
    }
}
