package org.lcjp.reoffending.cli;

import java.io.PrintWriter;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.settings.PipelineSettings;
import org.lcjp.reoffending.spark.SparkSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Are two published folders the same figures? Every Parquet table present in either is compared as a multiset
 * of rows (order-free), those one folder down too (research/events). The folders may be on any file system (a
 * local run against an HDFS one).
 *
 * <p>The research release's person ids are pseudonyms of warehouse person ids, which survive from night to night
 * (a person keeps the id of the night they were first seen), so a warehouse built night by night and one built in
 * a single run may name the same person differently. Where the rows differ, the release is compared again as each
 * person's set of events, the id aside: "same but for person ids" means a researcher's every figure is the same, and
 * does not count as a difference.
 */
@Command(
        name = "diff-published",
        mixinStandardHelpOptions = true,
        description =
                "Compare the Parquet tables of two published folders (local or Hadoop URIs); exit 1 when any table differs.")
public final class DiffPublishedCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "A published/<as_of> folder.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "Another published/<as_of> folder.")
    String b;

    private static final String PERSON_ID = org.lcjp.reoffending.research.ResearchRelease.RESEARCH_PERSON_ID;

    @CommandLine.Option(
            names = "--skip",
            split = ",",
            description =
                    "Tables not compared, e.g. research/events when comparing releases of different as-of dates (default: none).")
    java.util.List<String> skip = new java.util.ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SparkSession spark = SparkSessions.create(
                "reoffending diff-published", PipelineSettings.defaults().spark(), null);
        Storage storage = Storage.of(spark.sparkContext().getConf());
        StoragePath left = StoragePath.of(a);
        StoragePath right = StoragePath.of(b);
        int differing = compare(spark, storage, left, right, skip, out);
        out.flush();
        return differing == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** Tables that differ (or are in one folder only), each reported on a line. */
    public static int compare(
            SparkSession spark,
            Storage storage,
            StoragePath a,
            StoragePath b,
            java.util.List<String> skip,
            PrintWriter out) {
        TreeSet<String> tables = new TreeSet<>();
        tables.addAll(tables(storage, a));
        tables.addAll(tables(storage, b));
        tables.removeAll(skip);
        int differing = 0;
        for (String t : tables) {
            boolean inA = storage.isDirectory(a.resolve(t));
            boolean inB = storage.isDirectory(b.resolve(t));
            if (!inA || !inB) {
                out.printf("%-20s only in %s%n", t, inA ? a : b);
                differing++;
                continue;
            }
            Dataset<Row> x = rounded(spark.read().parquet(a.resolve(t).toString()));
            Dataset<Row> y = rounded(spark.read().parquet(b.resolve(t).toString()));
            long onlyA = x.exceptAll(y).count();
            long onlyB = y.exceptAll(x).count();
            boolean same = onlyA == 0 && onlyB == 0;
            String verdict = same ? "same" : "DIFFERENT";
            if (!same && java.util.Arrays.asList(x.columns()).contains(PERSON_ID) && sameButForPersonIds(x, y)) {
                same = true;
                verdict = "same but for person ids";
            }
            out.printf("%-20s %s (%,d rows; %d only in A, %d only in B)%n", t, verdict, x.count(), onlyA, onlyB);
            differing += same ? 0 : 1;
        }
        return differing;
    }

    /** Each person's events (every column but the id, sorted) as a multiset: equal when only the ids differ. */
    static boolean sameButForPersonIds(Dataset<Row> x, Dataset<Row> y) {
        Dataset<Row> px = eventsPerPerson(x);
        Dataset<Row> py = eventsPerPerson(y);
        return px.exceptAll(py).isEmpty() && py.exceptAll(px).isEmpty();
    }

    private static Dataset<Row> eventsPerPerson(Dataset<Row> t) {
        org.apache.spark.sql.Column[] event = java.util.Arrays.stream(t.columns())
                .filter(c -> !c.equals(PERSON_ID))
                .map(t::col)
                .toArray(org.apache.spark.sql.Column[]::new);
        return t.groupBy(t.col(PERSON_ID))
                .agg(org.apache
                        .spark
                        .sql
                        .functions
                        .array_sort(org.apache.spark.sql.functions.collect_list(
                                org.apache.spark.sql.functions.struct(event)))
                        .as("events"))
                .select("events");
    }

    /** Sums of doubles depend on partitioning in the last bits: figures agreeing to 9 places are the same. */
    private static Dataset<Row> rounded(Dataset<Row> t) {
        org.apache.spark.sql.Column[] cols = java.util.Arrays.stream(t.schema().fields())
                .map(f -> f.dataType() instanceof org.apache.spark.sql.types.DoubleType
                        ? org.apache
                                .spark
                                .sql
                                .functions
                                .round(t.col(f.name()), 9)
                                .as(f.name())
                        // Set operations cannot compare maps: compare their sorted entries instead.
                        : f.dataType() instanceof org.apache.spark.sql.types.MapType
                                ? org.apache
                                        .spark
                                        .sql
                                        .functions
                                        .array_sort(org.apache.spark.sql.functions.map_entries(t.col(f.name())))
                                        .as(f.name())
                                : t.col(f.name()))
                .toArray(org.apache.spark.sql.Column[]::new);
        return t.select(cols);
    }

    /** The tables of a published folder: its Parquet folders and those of its sub-folders (research/events). */
    private static java.util.List<String> tables(Storage storage, StoragePath folder) {
        if (!storage.isDirectory(folder)) {
            throw new IllegalArgumentException("Cannot compare: not a folder (" + folder + ")");
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Storage.Entry e : storage.list(folder)) {
            if (!e.directory()) {
                continue;
            }
            if (storage.exists(e.path().resolve("_SUCCESS"))) {
                out.add(e.name());
            } else {
                storage.list(e.path()).stream()
                        .filter(x -> x.directory() && storage.exists(x.path().resolve("_SUCCESS")))
                        .forEach(x -> out.add(e.name() + "/" + x.name()));
            }
        }
        return out;
    }
}
