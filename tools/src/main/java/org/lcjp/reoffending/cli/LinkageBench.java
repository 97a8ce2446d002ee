package org.lcjp.reoffending.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.io.Warehouse;
import org.lcjp.reoffending.jobs.IngestJob;
import org.lcjp.reoffending.jobs.LinkageJob;
import org.lcjp.reoffending.jobs.NightlyRun;
import org.lcjp.reoffending.jobs.RunRequest;
import org.lcjp.reoffending.jobs.results.LinkResult;
import org.lcjp.reoffending.jobs.results.StageSummary;
import org.lcjp.reoffending.linkage.quality.PairwiseAccuracy;
import org.lcjp.reoffending.linkage.quality.TruthAccuracy;

/**
 * The linkage benchmark: the link stage alone on an ingested warehouse of generated people (about 3.9 staged records
 * a person), timed on its first night (no earlier persons) and on a second night over the same records (every
 * person id carried over). The input and its ingested warehouse are generated once and kept; each night links a
 * fresh copy. The truth is kept away from the input, so the timed stage does not measure itself against it; the
 * figures are computed after, untimed.
 */
final class LinkageBench {
    /** The target of issue 4: a million records linked in this many seconds on the 2-core machine. */
    static final double TARGET_SECONDS = 90;

    static final long TARGET_RECORDS = 1_000_000;

    private final Path dir;
    private final Path conf;
    private final Path key;
    private final LocalDate asOf;
    private final PrintWriter out;

    LinkageBench(Path data, long people, LocalDate asOf, Path conf, Path key, PrintWriter out) {
        this.dir = data.resolve("linkage-" + people).toAbsolutePath();
        this.asOf = asOf;
        this.conf = conf.toAbsolutePath();
        this.key = key;
        this.out = out;
    }

    /** Generates and ingests the input unless kept from an earlier run. */
    void prepare(long people, BenchInputs inputs) throws Exception {
        inputs.ensure(people, dir.resolve("input"), dir.resolve("truth"));
        Path done = dir.resolve("ingested.ok");
        if (Files.exists(done)) {
            return;
        }
        BenchInputs.deleteQuietly(dir.resolve("ingested"));
        StageSummary r = new NightlyRun(request(dir.resolve("ingested")), x -> {})
                .run(List.of(IngestJob.NAME), false)
                .stages()
                .get(0);
        out.printf(
                "ingested %,d rows into %,d staged records in %.1f s (kept in %s)%n",
                r.rowsIn(), r.rowsOut(), r.seconds(), dir.resolve("ingested"));
        Files.writeString(done, Long.toString(r.rowsOut()));
    }

    /** Links a fresh copy of the ingested warehouse twice (first and second night) and prints the figures. */
    void run() throws Exception {
        Path output = dir.resolve("run");
        BenchInputs.deleteQuietly(output);
        copy(dir.resolve("ingested"), output);
        RunRequest request = request(output);
        double first = 0;
        long records = 0;
        for (String night : List.of("first night", "second night")) {
            SparkJobTimes.drain();
            LinkResult r = new NightlyRun(request, x -> {})
                    .run(List.of(LinkageJob.NAME), false)
                    .stage(LinkResult.class)
                    .orElseThrow();
            BenchCommand.printSteps(out, r);
            PairwiseAccuracy.Figures f = accuracy(output);
            out.printf(
                    "linkage %s: %,d records in %.1f s (%s CPU s, peak heap %s MiB); %s profiles, %s candidate pairs, %s persons; "
                            + "against the truth P %.5f R %.5f F1 %.5f%n  steps %s%n",
                    night,
                    r.rowsIn(),
                    r.seconds(),
                    r.cost().cpuSeconds(),
                    r.cost().peakHeapMb(),
                    r.profiles(),
                    r.pairs(),
                    r.persons(),
                    f.precision(),
                    f.recall(),
                    f.f1(),
                    r.stepsText());
            if (first == 0) {
                first = r.seconds();
                records = r.rowsIn();
            }
        }
        double perMillion = first * TARGET_RECORDS / Math.max(records, 1);
        out.printf(
                "%nlinkage target: %,d records in at most %.0f s; first night %,d records in %.1f s (%.1f s a million): %s%n",
                TARGET_RECORDS,
                TARGET_SECONDS,
                records,
                first,
                perMillion,
                records >= TARGET_RECORDS * 0.95 && perMillion <= TARGET_SECONDS ? "MET" : "NOT MET");
        out.flush();
    }

    private PairwiseAccuracy.Figures accuracy(Path output) {
        SparkSession spark = SparkSession.active();
        return TruthAccuracy.measure(
                spark.read().parquet(new Warehouse(output).recordPerson().toString()),
                spark.read()
                        .option("header", true)
                        .csv(dir.resolve("truth").resolve(LinkageJob.TRUTH_FILE).toString()));
    }

    private RunRequest request(Path output) {
        return new RunRequest(dir.resolve("input"), output, asOf, key, conf);
    }

    private static void copy(Path from, Path to) {
        org.lcjp.reoffending.io.Storage.defaults()
                .copy(org.lcjp.reoffending.io.StoragePath.local(from), org.lcjp.reoffending.io.StoragePath.local(to));
    }
}
