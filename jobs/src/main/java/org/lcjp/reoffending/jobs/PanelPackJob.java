package org.lcjp.reoffending.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.reports.pack.PackData;
import org.lcjp.reoffending.reports.pack.PackData.DataQualityRow;
import org.lcjp.reoffending.reports.pack.PanelPack;
import org.lcjp.reoffending.settings.PipelineSettings;

/**
 * The "report" stage: reads the published tables of this run and writes {@code panel-pack-<as_of>.xlsx} beside
 * them, with disclosure control applied to every count (the Parquet tables keep exact figures). Only
 * proven_reoffending is required; any other table that is absent gets a sheet saying it was not produced.
 */
public final class PanelPackJob implements Stage {
    public static final String NAME = "report";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageResult run(SparkSession spark, RunContext context) {
        long started = System.nanoTime();
        PublishedTables tables = new PublishedTables(spark, context.storage(), context.publishDir());
        PackData data = packData(tables, context);
        StoragePath file = context.publishDir().resolve(data.fileName());
        context.storage().write(file, PanelPack.toBytes(data));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pack", file.getFileName());
        List<String> absent = new ArrayList<>();
        if (data.dataQuality().isEmpty()) {
            absent.add(PublishedTables.DATA_QUALITY);
        }
        if (data.comparisons().isEmpty()) {
            absent.add(PublishedTables.COHORT_COMPARISON);
        }
        if (data.iomPrePost().isEmpty()) {
            absent.add(PublishedTables.IOM_PRE_POST);
        }
        if (!absent.isEmpty()) {
            details.put("absent", String.join(",", absent));
        }
        return new StageResult(NAME, tables.rowsRead(), 1, (System.nanoTime() - started) / 1e9, details);
    }

    static PackData packData(PublishedTables tables, RunContext context) {
        PipelineSettings s = context.settings();
        Optional<List<DataQualityRow>> dataQuality = tables.dataQuality();
        return new PackData(context.asOf(), runId(context), s.report().title(), s.report().contact(),
                s.disclosure().threshold(), s.cohort().finalAfterMonths(),
                latestExtracts(dataQuality.orElse(List.of())), tables.provenReoffending(), dataQuality,
                tables.linkageQuality(), tables.comparisons(), tables.balance(), tables.iomPrePost());
    }

    /** The latest extract date per agency, for the cover's completeness table. */
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
                JsonNode id = new ObjectMapper().readTree(context.storage().readBytes(manifest)).get("run_id");
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
