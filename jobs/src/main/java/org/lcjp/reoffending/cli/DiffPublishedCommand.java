package org.lcjp.reoffending.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.settings.PipelineSettings;
import org.lcjp.reoffending.spark.SparkSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Are two published folders the same figures? Every Parquet table present in either is compared as a multiset
 * of rows (order-free); the research release is skipped unless asked, since its ids are keyed per release.
 */
@Command(name = "diff-published", mixinStandardHelpOptions = true,
        description = "Compare the Parquet tables of two published folders; exit 1 when any table differs.")
final class DiffPublishedCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "A published/<as_of> folder.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "Another published/<as_of> folder.")
    Path b;

    @CommandLine.Option(names = "--skip", split = ",", defaultValue = "research",
            description = "Tables not compared (default: ${DEFAULT-VALUE}).")
    java.util.List<String> skip;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SparkSession spark = SparkSessions.create("reoffending diff-published", PipelineSettings.defaults().spark(), null);
        TreeSet<String> tables = new TreeSet<>();
        tables.addAll(tables(a));
        tables.addAll(tables(b));
        tables.removeAll(skip);
        int differing = 0;
        for (String t : tables) {
            if (!Files.isDirectory(a.resolve(t)) || !Files.isDirectory(b.resolve(t))) {
                out.printf("%-20s only in %s%n", t, Files.isDirectory(a.resolve(t)) ? a : b);
                differing++;
                continue;
            }
            Dataset<Row> x = rounded(spark.read().parquet(a.resolve(t).toString()));
            Dataset<Row> y = rounded(spark.read().parquet(b.resolve(t).toString()));
            long onlyA = x.exceptAll(y).count();
            long onlyB = y.exceptAll(x).count();
            boolean same = onlyA == 0 && onlyB == 0;
            out.printf("%-20s %s (%,d rows; %d only in A, %d only in B)%n", t, same ? "same" : "DIFFERENT", x.count(), onlyA, onlyB);
            differing += same ? 0 : 1;
        }
        out.flush();
        return differing == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** Sums of doubles depend on partitioning in the last bits; figures agreeing to 9 places are the same. */
    private static Dataset<Row> rounded(Dataset<Row> t) {
        org.apache.spark.sql.Column[] cols = java.util.Arrays.stream(t.schema().fields())
                .map(f -> f.dataType() instanceof org.apache.spark.sql.types.DoubleType
                        ? org.apache.spark.sql.functions.round(t.col(f.name()), 9).as(f.name())
                        // EXCEPT cannot compare maps (data_quality.quarantined_by_rule): compare their sorted entries.
                        : f.dataType() instanceof org.apache.spark.sql.types.MapType
                        ? org.apache.spark.sql.functions.array_sort(org.apache.spark.sql.functions.map_entries(t.col(f.name()))).as(f.name())
                        : t.col(f.name()))
                .toArray(org.apache.spark.sql.Column[]::new);
        return t.select(cols);
    }

    private static java.util.List<String> tables(Path folder) throws java.io.IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> Files.exists(p.resolve("_SUCCESS"))).map(p -> p.getFileName().toString()).toList();
        }
    }
}
