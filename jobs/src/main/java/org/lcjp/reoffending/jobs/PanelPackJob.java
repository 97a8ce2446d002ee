package org.lcjp.reoffending.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.jobs.results.ReportResult;
import org.lcjp.reoffending.measures.MeasureColumns;
import org.lcjp.reoffending.reports.PanelPack;
import org.lcjp.reoffending.reports.pack.Labels;
import org.lcjp.reoffending.reports.pack.PackData;
import org.lcjp.reoffending.reports.pack.PackData.CrossTabRow;
import org.lcjp.reoffending.reports.pack.PackData.DataQualityRow;
import org.lcjp.reoffending.reports.pack.PackData.ReoffendingRow;
import org.lcjp.reoffending.reports.performance.PerformanceFramework;
import org.lcjp.reoffending.reports.performance.PerformanceRow;
import org.lcjp.reoffending.reports.performance.SourceTable;
import org.lcjp.reoffending.reports.performance.Target;
import org.lcjp.reoffending.settings.PipelineSettings;
import org.lcjp.reoffending.spark.JobDescriptions;

/**
 * The "report" stage: reads the published tables of this run, computes the {@code performance} table against
 * {@code conf/targets.yaml} (methodology section 7) and publishes it, then writes {@code panel-pack-<as_of>.xlsx}
 * and {@code .ods} beside them with disclosure control applied to every count (the Parquet tables keep exact
 * figures). Only proven_reoffending is required; any other table that is absent gets a sheet saying so.
 */
public final class PanelPackJob implements Stage {
    public static final String NAME = ReportResult.STAGE;
    public static final String PERFORMANCE = "performance";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReportResult run(SparkSession spark, RunContext context) {
        long started = System.nanoTime();
        PublishedTables tables = new PublishedTables(spark, context.storage(), context.publishDir());
        List<Target> targets = TargetsCheck.load(context.confDir());
        Map<String, SourceTable> sources = new LinkedHashMap<>();
        targets.stream()
                .map(t -> t.figure().table())
                .distinct()
                .forEach(name -> tables.source(name).ifPresent(s -> sources.put(name, s)));
        List<PerformanceRow> performance = PerformanceFramework.compute(targets, sources);
        long performanceRows = PerformanceTable.write(
                spark, performance, context.published(PERFORMANCE).toString());
        PackData data = packData(spark, tables, context, performance);
        StoragePath xlsx = context.publishDir().resolve(data.baseName() + ".xlsx");
        StoragePath ods = context.publishDir().resolve(data.baseName() + ".ods");
        // Disclosure is solved once, in the build, for both formats.
        List<org.lcjp.reoffending.reports.pack.model.Sheet> sheets = PanelPack.build(data);
        context.storage().write(xlsx, PanelPack.xlsxBytes(sheets, data));
        context.storage().write(ods, PanelPack.odsBytes(sheets, data));
        List<StoragePath> files = List.of(xlsx, ods);
        List<String> absent = new ArrayList<>();
        data.dataQuality().ifPresentOrElse(x -> {}, () -> absent.add(PublishedTables.DATA_QUALITY));
        data.comparisons().ifPresentOrElse(x -> {}, () -> absent.add(PublishedTables.COHORT_COMPARISON));
        data.iomPrePost().ifPresentOrElse(x -> {}, () -> absent.add(PublishedTables.IOM_PRE_POST));
        long available = performance.stream()
                .filter(PerformanceRow::available)
                .map(PerformanceRow::measureId)
                .distinct()
                .count();
        return new ReportResult(
                tables.rowsRead(),
                files.size(),
                (System.nanoTime() - started) / 1e9,
                xlsx.getFileName(),
                ods.getFileName(),
                performanceRows,
                available,
                targets.size(),
                absent,
                null);
    }

    static PackData packData(
            SparkSession spark, PublishedTables tables, RunContext context, List<PerformanceRow> performance) {
        PipelineSettings s = context.settings();
        Optional<List<DataQualityRow>> dataQuality = tables.dataQuality();
        List<ReoffendingRow> reoffending = tables.provenReoffending();
        return new PackData(
                context.asOf(),
                runId(context),
                s.report().title(),
                s.report().contact(),
                s.disclosure().threshold(),
                s.report().lowReliabilityBelow(),
                s.cohort().followUpMonths() + s.cohort().waitingMonths(),
                Labels.load(context.confDir().resolve("labels.yaml")),
                latestExtracts(dataQuality.orElse(List.of())),
                reoffending,
                crossTabs(spark, context, reoffending),
                dataQuality,
                tables.linkageQuality(),
                tables.comparisons(),
                tables.balance(),
                tables.iomPrePost(),
                Optional.of(performance),
                tables.linkageSensitivity(),
                tables.rjActivity(),
                tables.familyOffending(),
                tables.services());
    }

    /**
     * Local authority by sex and by age band per published cohort, population ALL, from the index events: a
     * small aggregate, grouped by Spark and collected.
     */
    static Optional<List<CrossTabRow>> crossTabs(
            SparkSession spark, RunContext context, List<ReoffendingRow> published) {
        StoragePath events = context.warehouse().measures().resolve(MeasuresJob.INDEX_EVENTS);
        if (!context.storage().isTable(events)) {
            return Optional.empty();
        }
        Set<LocalDate> cohorts = new HashSet<>();
        published.forEach(r -> cohorts.add(r.cohortStart()));
        Dataset<Row> e = spark.read().parquet(events.toString());
        List<CrossTabRow> out = new ArrayList<>();
        for (String[] d : new String[][] {{"SEX", MeasureColumns.SEX}, {"AGE_BAND", MeasureColumns.AGE_BAND}}) {
            List<Row> rows = JobDescriptions.describe(
                    spark,
                    NAME,
                    "cross-tabulating local authority by " + d[0],
                    () -> e.groupBy(
                                    col(MeasureColumns.COHORT_START),
                                    col(MeasureColumns.COHORT_END),
                                    col(MeasureColumns.LOCAL_AUTHORITY),
                                    col(d[1]))
                            .agg(
                                    count(lit(1)).as("offenders"),
                                    sum(when(col(MeasureColumns.REOFFENCES).gt(0), 1)
                                                    .otherwise(0))
                                            .as("reoffenders"),
                                    sum(col(MeasureColumns.REOFFENCES)).as("reoffences"))
                            .collectAsList());
            for (Row r : rows) {
                LocalDate start = ((Date) r.get(0)).toLocalDate();
                if (!cohorts.contains(start)) {
                    continue;
                }
                out.add(new CrossTabRow(
                        start,
                        ((Date) r.get(1)).toLocalDate(),
                        "LOCAL_AUTHORITY",
                        r.isNullAt(2) ? MeasureColumns.UNKNOWN : r.getString(2),
                        d[0],
                        r.isNullAt(3) ? MeasureColumns.UNKNOWN : String.valueOf(r.get(3)),
                        r.getLong(4),
                        ((Number) r.get(5)).longValue(),
                        r.isNullAt(6) ? 0 : ((Number) r.get(6)).longValue()));
            }
        }
        return Optional.of(out);
    }

    /** The latest extract date per agency, for the sources sheet. */
    static Map<String, LocalDate> latestExtracts(List<DataQualityRow> files) {
        Map<String, LocalDate> latest = new TreeMap<>();
        for (DataQualityRow f : files) {
            if (f.agency() != null && f.extractDate() != null) {
                latest.merge(f.agency(), f.extractDate(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return latest;
    }

    /** The run id from manifest.json when it is already written, else one made from the as-of date. */
    static String runId(RunContext context) {
        StoragePath manifest = context.publishDir().resolve("manifest.json");
        if (context.storage().isFile(manifest)) {
            try {
                JsonNode id = new ObjectMapper()
                        .readTree(context.storage().readBytes(manifest))
                        .get("run_id");
                if (id != null && id.isTextual()) {
                    return id.asText();
                }
            } catch (IOException e) {
                // An unreadable manifest is the publisher's problem; the pack falls back to the as-of date.
            }
        }
        return "as-of " + context.asOf();
    }
}
