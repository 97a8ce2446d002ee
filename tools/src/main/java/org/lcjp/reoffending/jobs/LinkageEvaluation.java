package org.lcjp.reoffending.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.when;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.domain.ColumnSpec;
import org.lcjp.reoffending.domain.ColumnType;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.io.Warehouse;
import org.lcjp.reoffending.jobs.results.LinkResult;
import org.lcjp.reoffending.linkage.LinkPeople;
import org.lcjp.reoffending.linkage.clustering.ConnectedComponents;
import org.lcjp.reoffending.linkage.core.LinkageColumns;
import org.lcjp.reoffending.linkage.quality.PairwiseAccuracy;
import org.lcjp.reoffending.linkage.quality.TruthAccuracy;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.pseudonymise.PseudonymiseIdentifiers;
import org.lcjp.reoffending.settings.LinkageSettings;
import org.lcjp.reoffending.settings.PipelineSettings;
import org.lcjp.reoffending.settings.PseudonymiseSettings;
import org.lcjp.reoffending.synthetic.GeneratorSettings;
import org.lcjp.reoffending.synthetic.SyntheticExtracts;

/**
 * Links the public benchmarks (../shared/linkage-benchmarks: FEBRL4 a vs b, FEBRL3, fake_1000, historical_50k)
 * exactly as the nightly run links agency data: identity columns mapped, pseudonymised under a throwaway key,
 * model trained by EM on that data; prints pairwise precision, recall and F1 against the truth clusters.
 */
public final class LinkageEvaluation {
    static final String TRUTH = "truth";

    /** Figures for one benchmark; unhardened: the same linkage with the Bloom filters encoded unhardened (or null). */
    public record Result(
            String benchmark,
            long records,
            long pairsScored,
            double precision,
            double recall,
            double f1,
            double seconds,
            Map<String, Double> stepSeconds,
            Result unhardened) {
        public String line() {
            StringBuilder steps = new StringBuilder();
            stepSeconds.forEach((k, v) -> steps.append(String.format(" %s %.1f", k, v)));
            return String.format(
                    "%-15s records %,7d  pairs %,9d  precision %.4f  recall %.4f  F1 %.4f  %.1f s  (%s)",
                    benchmark,
                    records,
                    pairsScored,
                    precision,
                    recall,
                    f1,
                    seconds,
                    steps.toString().strip());
        }

        /** What hardening the encodings costs on this benchmark: before, after and the change. */
        public String costLine() {
            if (unhardened == null) {
                return "";
            }
            return String.format(
                    "%-15s cost of hardening: precision %.4f -> %.4f (%+.4f)  recall %.4f -> %.4f (%+.4f)  F1 %.4f -> %.4f (%+.4f)",
                    benchmark,
                    unhardened.precision,
                    precision,
                    precision - unhardened.precision,
                    unhardened.recall,
                    recall,
                    recall - unhardened.recall,
                    unhardened.f1,
                    f1,
                    f1 - unhardened.f1);
        }

        Result withUnhardened(Result before) {
            return new Result(benchmark, records, pairsScored, precision, recall, f1, seconds, stepSeconds, before);
        }
    }

    private LinkageEvaluation() {}

    public static List<Result> run(SparkSession spark, Path benchmarksDir, PrintStream out) {
        return run(spark, benchmarksDir, out, LinkageSettings.defaults());
    }

    /** sweep: further match thresholds whose figures are printed too (re-clustering the same scored pairs). */
    public static List<Result> run(
            SparkSession spark, Path benchmarksDir, PrintStream out, LinkageSettings settings, double... sweep) {
        return run(spark, benchmarksDir, out, settings, java.util.Set.of(), sweep);
    }

    /** only: names of the benchmarks to run (febrl4, febrl3, fake_1000, historical_50k, generated); empty = all. */
    public static List<Result> run(
            SparkSession spark,
            Path benchmarksDir,
            PrintStream out,
            LinkageSettings settings,
            java.util.Set<String> only,
            double... sweep) {
        return run(spark, benchmarksDir, out, settings, PseudonymiseSettings.defaults(), true, only, sweep);
    }

    /**
     * encoding: how identifiers are encoded (the hardened defaults); withUnhardened: each benchmark also linked with
     * the Bloom filters unhardened ({@link PseudonymiseSettings#unhardened}), first, and the cost of hardening printed.
     */
    public static List<Result> run(
            SparkSession spark,
            Path benchmarksDir,
            PrintStream out,
            LinkageSettings settings,
            PseudonymiseSettings encoding,
            boolean withUnhardened,
            java.util.Set<String> only,
            double... sweep) {
        if (!Files.isDirectory(benchmarksDir)) {
            throw new IllegalArgumentException(
                    "Cannot evaluate linkage: benchmarks folder not found (" + benchmarksDir + ")");
        }
        try {
            if (spark.sparkContext().getCheckpointDir().isEmpty()) {
                spark.sparkContext()
                        .setCheckpointDir(Files.createTempDirectory("linkage-eval-checkpoints")
                                .toString());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create a checkpoint folder for linkage evaluation", e);
        }
        Path febrl = benchmarksDir.resolve("febrl");
        Path splink = benchmarksDir.resolve("splink_datasets");
        Map<String, Benchmark> benchmarks = new LinkedHashMap<>();
        benchmarks.put(
                "febrl4",
                new Benchmark(
                        Map.of(
                                "febrl4a",
                                febrl(spark, febrl.resolve("dataset4a.csv")),
                                "febrl4b",
                                febrl(spark, febrl.resolve("dataset4b.csv"))),
                        FEBRL_FUZZY,
                        FEBRL_EXACT));
        benchmarks.put(
                "febrl3",
                new Benchmark(Map.of("febrl3", febrl(spark, febrl.resolve("dataset3.csv"))), FEBRL_FUZZY, FEBRL_EXACT));
        benchmarks.put(
                "fake_1000",
                new Benchmark(
                        Map.of("fake_1000", fake1000(spark, splink.resolve("fake_1000.csv"))),
                        List.of("city", "email"),
                        List.of()));
        benchmarks.put(
                "historical_50k",
                new Benchmark(
                        Map.of(
                                "historical_50k",
                                historical(spark, splink.resolve("historical_figures_with_errors_50k.parquet"))),
                        List.of("birth_place", "occupation"),
                        List.of()));
        List<Result> results = new ArrayList<>();
        for (var b : benchmarks.entrySet()) {
            if (!only.isEmpty() && !only.contains(b.getKey())) {
                continue;
            }
            Result before = null;
            if (withUnhardened) {
                before = evaluate(b.getKey(), b.getValue(), settings, encoding.unhardened());
                out.println(before.line() + "  [unhardened]");
            }
            Result r = evaluate(b.getKey(), b.getValue(), settings, encoding, sweep)
                    .withUnhardened(before);
            out.println(r.line());
            if (before != null) {
                out.println(r.costLine());
            }
            results.add(r);
        }
        if (only.isEmpty() || only.contains("generated")) {
            Result before = null;
            if (withUnhardened) {
                before = generated(spark, settings, encoding.unhardened(), GENERATED_PEOPLE);
                out.println(before.line() + "  [unhardened]");
            }
            Result g = generated(spark, settings, encoding, GENERATED_PEOPLE).withUnhardened(before);
            out.println(g.line());
            if (before != null) {
                out.println(g.costLine());
            }
            results.add(g);
        }
        return results;
    }

    static final int GENERATED_PEOPLE = 3000;
    static final int GENERATED_FROM = 2016;
    static final int GENERATED_TO = 2019;
    static final long GENERATED_SEED = 20161;

    /**
     * Agency data as the nightly run sees it: the synthetic generator (with its default identity noise) writes
     * extracts and their truth into a temporary folder, IngestJob and LinkageJob run on them, and record_person is
     * compared with the truth's record_person.csv.
     */
    static Result generated(SparkSession spark, LinkageSettings settings, PseudonymiseSettings encoding, int people) {
        long start = System.nanoTime();
        try {
            Path conf = Files.isDirectory(Path.of("conf", "reference")) ? Path.of("conf") : Path.of("..", "conf");
            Path dir = Files.createTempDirectory("linkage-eval-generated");
            Path input = dir.resolve("input");
            Path truth = dir.resolve("input-truth");
            GeneratorSettings d = GeneratorSettings.defaults(people, GENERATED_FROM, GENERATED_TO, GENERATED_SEED);
            SyntheticExtracts.generate(
                    new GeneratorSettings(
                            d.people(),
                            d.fromYear(),
                            d.toYear(),
                            d.seed(),
                            d.checkpointTrueEffect(),
                            conf.resolve("reference/offences.csv"),
                            conf.resolve("reference/areas.csv"),
                            d.historyYears(),
                            d.femaleShare(),
                            d.outOfAreaShare(),
                            d.identityNoise(),
                            d.invalidRowRate(),
                            d.substanceShare(),
                            d.housingShare(),
                            d.checkpointReferralShare()),
                    input,
                    truth);
            byte[] secret = new byte[48];
            new SecureRandom().nextBytes(secret);
            PipelineSettings base = PipelineSettings.defaults();
            PipelineSettings ps = new PipelineSettings(
                    base.ingest(),
                    encoding,
                    settings,
                    base.cohort(),
                    base.measures(),
                    base.comparison(),
                    base.disclosure(),
                    base.report(),
                    base.spark(),
                    base.run(),
                    base.needs(),
                    base.iom());
            Warehouse wh = new Warehouse(dir.resolve("out"));
            RunContext ctx = new RunContext(
                    input,
                    wh,
                    Files.createDirectories(dir.resolve("publish")),
                    LocalDate.of(GENERATED_TO + 1, 1, 7),
                    PseudonymisationKey.of(secret, "a throwaway evaluation key"),
                    conf,
                    ps);
            new IngestJob().run(spark, ctx);
            LinkResult linked = new LinkageJob().run(spark, ctx);
            PairwiseAccuracy.Figures f = TruthAccuracy.measure(
                    spark.read().parquet(wh.recordPerson().toString()),
                    spark.read()
                            .option("header", true)
                            .csv(truth.resolve(LinkageJob.TRUTH_FILE).toString()));
            return new Result(
                    "generated_" + people,
                    linked.rowsIn(),
                    linked.pairs(),
                    f.precision(),
                    f.recall(),
                    f.f1(),
                    (System.nanoTime() - start) / 1e9,
                    Map.of(),
                    null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot evaluate linkage on generated data: " + e.getMessage(), e);
        }
    }

    /** A benchmark's tables (clear) and its identifiers beyond the agency contract, compared as extra fields. */
    record Benchmark(Map<String, Dataset<Row>> clear, List<String> fuzzyExtras, List<String> exactExtras) {}

    static final List<String> FEBRL_FUZZY = List.of("address", "address_2", "suburb");
    /** The social security number is an identity number but not a PNC: an exact extra field, weighed by EM. */
    static final List<String> FEBRL_EXACT = List.of("soc_sec_id");

    static Result evaluate(
            String name, Benchmark bench, LinkageSettings settings, PseudonymiseSettings encoding, double... sweep) {
        Map<String, Dataset<Row>> clear = bench.clear();
        long start = System.nanoTime();
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        PseudonymiseIdentifiers pseudonymise =
                new PseudonymiseIdentifiers(encoding, PseudonymisationKey.of(secret, "a throwaway evaluation key"));
        Map<DatasetId, Dataset<Row>> staged = new LinkedHashMap<>();
        Dataset<Row> truth = null;
        for (var e : clear.entrySet()) {
            DatasetId id = new DatasetId("bench", e.getKey());
            Dataset<Row> d = e.getValue()
                    .withColumn(StagedColumns.AGENCY, lit(id.agency()))
                    .withColumn(StagedColumns.DATASET, lit(id.dataset()));
            staged.put(
                    id,
                    pseudonymise.withExtras(pseudonymise.apply(d, spec(id)), bench.fuzzyExtras(), bench.exactExtras()));
            Dataset<Row> t = d.select(col(StagedColumns.DATASET), col(StagedColumns.RECORD_ID), col(TRUTH));
            truth = truth == null ? t : truth.union(t);
        }
        // No persons at other thresholds: the benchmarks are scored pairwise at the main one (and any sweep below).
        LinkPeople.Outcome outcome =
                new LinkPeople(settings.withSensitivityThresholds(List.of()), encoding).run(staged, null, null);
        Dataset<Row> labelled = outcome.recordPerson()
                .join(
                        truth,
                        scala.jdk.javaapi.CollectionConverters.asScala(
                                        List.of(StagedColumns.DATASET, StagedColumns.RECORD_ID))
                                .toSeq());
        PairwiseAccuracy.Figures f = PairwiseAccuracy.measure(labelled, "person_id", TRUTH);
        for (double t : sweep) {
            // Other thresholds re-cluster the same scored pairs (no PNC/REF edges exist in the benchmarks).
            Dataset<Row> keyed = labelled.select(
                    concat_ws("/", col(StagedColumns.AGENCY), col(StagedColumns.DATASET), col(StagedColumns.RECORD_ID))
                            .as(LinkageColumns.RECORD_KEY),
                    col(TRUTH));
            Dataset<Row> edges = outcome.scoredPairs()
                    .where(col(LinkageColumns.MATCH_PROBABILITY).geq(t))
                    .select(
                            col(LinkageColumns.KEY_L).as("src"),
                            col(LinkageColumns.KEY_R).as("dst"));
            Dataset<Row> cc = new ConnectedComponents(settings.checkpointInterval(), 50)
                    .run(keyed.select(LinkageColumns.RECORD_KEY), edges);
            PairwiseAccuracy.Figures g =
                    PairwiseAccuracy.measure(cc.join(keyed, LinkageColumns.RECORD_KEY), LinkageColumns.CLUSTER, TRUTH);
            System.out.printf(
                    "%-15s   at threshold %.2f: precision %.4f  recall %.4f  F1 %.4f%n",
                    name, t, g.precision(), g.recall(), g.f1());
        }
        Result r = new Result(
                name,
                outcome.records(),
                outcome.pairsScored(),
                f.precision(),
                f.recall(),
                f.f1(),
                (System.nanoTime() - start) / 1e9,
                outcome.stepSeconds(),
                null);
        System.err.println(outcome.model().fs().describe());
        outcome.release();
        return r;
    }

    static DatasetSpec spec(DatasetId id) {
        return new DatasetSpec(
                id,
                List.of(
                        ColumnSpec.required(Datasets.RECORD_ID, ColumnType.TEXT),
                        ColumnSpec.optional(Datasets.FORENAME, ColumnType.IDENTIFIER),
                        ColumnSpec.optional(Datasets.SURNAME, ColumnType.IDENTIFIER),
                        ColumnSpec.optional(Datasets.DATE_OF_BIRTH, ColumnType.DATE),
                        ColumnSpec.optional(Datasets.SEX, ColumnType.TEXT),
                        ColumnSpec.optional(Datasets.POSTCODE, ColumnType.IDENTIFIER)),
                List.of(),
                Datasets.RECORD_ID);
    }

    private static Dataset<Row> identity(
            Column recordId,
            Column forename,
            Column surname,
            Column dob,
            Column sex,
            Column postcode,
            Column truth,
            Dataset<Row> d,
            Column... extras) {
        List<Column> cols = new ArrayList<>(List.of(
                recordId.cast("string").as(Datasets.RECORD_ID),
                forename.as(Datasets.FORENAME),
                surname.as(Datasets.SURNAME),
                dob.as(Datasets.DATE_OF_BIRTH),
                sex.as(Datasets.SEX),
                postcode.cast("string").as(Datasets.POSTCODE),
                truth.cast("string").as(TRUTH)));
        cols.addAll(List.of(extras));
        return d.select(cols.toArray(Column[]::new));
    }

    static Dataset<Row> febrl(SparkSession spark, Path csv) {
        Dataset<Row> d = spark.read()
                .option("header", true)
                .option("ignoreLeadingWhiteSpace", true)
                .option("ignoreTrailingWhiteSpace", true)
                .csv(csv.toString());
        return identity(
                col("rec_id"),
                col("given_name"),
                col("surname"),
                try_to_date(col("date_of_birth"), "yyyyMMdd"),
                lit(null).cast("string"),
                col("postcode"),
                regexp_extract(col("rec_id"), "rec-(\\d+)-", 1),
                d,
                concat_ws(" ", col("street_number"), col("address_1")).as("address"),
                col("address_2"),
                col("suburb"),
                col("soc_sec_id"));
    }

    static Dataset<Row> fake1000(SparkSession spark, Path csv) {
        Dataset<Row> d = spark.read().option("header", true).csv(csv.toString());
        return identity(
                col("unique_id"),
                col("first_name"),
                col("surname"),
                try_to_date(col("dob"), "yyyy-MM-dd"),
                lit(null).cast("string"),
                lit(null).cast("string"),
                col("cluster"),
                d,
                col("city"),
                col("email"));
    }

    static Dataset<Row> historical(SparkSession spark, Path parquet) {
        Dataset<Row> d = spark.read().parquet(parquet.toString());
        Column g = lower(trim(col("gender")));
        return identity(
                col("unique_id"),
                col("first_name"),
                col("surname"),
                try_to_date(col("dob").cast("string"), "yyyy-MM-dd"),
                when(g.equalTo("male"), lit("M")).when(g.equalTo("female"), lit("F")),
                col("postcode_fake"),
                col("cluster"),
                d,
                col("birth_place"),
                col("occupation"));
    }
}
