package org.lcjp.reoffending.jobs.results;

import java.util.List;

/**
 * What the report stage did.
 *
 * @param tablesRead        rows read from the published tables
 * @param files             pack files written
 * @param pack              the xlsx pack's file name
 * @param ods               the ods pack's file name
 * @param performanceRows   performance rows published
 * @param measuresAvailable measures of conf/targets.yaml with a figure
 * @param targets           targets in conf/targets.yaml
 * @param absent            tables the pack found absent (a sheet says so), in the pack's order
 */
public record ReportResult(
        long tablesRead,
        int files,
        double seconds,
        String pack,
        String ods,
        long performanceRows,
        long measuresAvailable,
        int targets,
        List<String> absent,
        StageCost cost)
        implements StageSummary {
    public static final String STAGE = "report";

    @Override
    public String stage() {
        return STAGE;
    }

    @Override
    public long rowsIn() {
        return tablesRead;
    }

    @Override
    public long rowsOut() {
        return files;
    }

    @Override
    public ReportResult withCost(StageCost cost) {
        return new ReportResult(
                tablesRead, files, seconds, pack, ods, performanceRows, measuresAvailable, targets, absent, cost);
    }

    @Override
    public List<Figure> figures() {
        return Figure.list()
                .add("pack", pack)
                .add("ods", ods)
                .add("performance_rows", performanceRows)
                .add("measures_available", measuresAvailable + "/" + targets)
                .addIfPresent("absent", absent.isEmpty() ? null : String.join(",", absent))
                .build();
    }
}
