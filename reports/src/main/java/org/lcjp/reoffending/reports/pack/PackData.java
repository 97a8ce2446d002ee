package org.lcjp.reoffending.reports.pack;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the panel pack shows, as plain records mirroring the published Parquet tables (outputs.md), with
 * exact figures: the pack applies disclosure control itself. An optional table that was not produced this run is
 * {@link Optional#empty()}, and its sheet says so.
 *
 * @param asOf               the run's as-of date
 * @param runId              the run id (manifest)
 * @param title              pack title (settings: report.title)
 * @param contact            contact line for the notes (settings: report.contact)
 * @param threshold          disclosure threshold: counts 1..threshold-1 are suppressed (settings: disclosure.threshold)
 * @param finalAfterMonths   months after a cohort's end when it is complete (follow-up plus waiting, default 18)
 * @param latestExtracts     latest extract date per agency (from data_quality)
 * @param provenReoffending  proven_reoffending rows
 * @param dataQuality        data_quality rows
 * @param linkageQuality     linkage_quality rows
 * @param comparisons        cohort_comparison rows
 * @param balance            comparison_balance rows
 * @param iomPrePost         iom_pre_post rows
 */
public record PackData(
        LocalDate asOf,
        String runId,
        String title,
        String contact,
        int threshold,
        int finalAfterMonths,
        Map<String, LocalDate> latestExtracts,
        List<ReoffendingRow> provenReoffending,
        Optional<List<DataQualityRow>> dataQuality,
        Optional<List<LinkageQualityRow>> linkageQuality,
        Optional<List<ComparisonRow>> comparisons,
        Optional<List<BalanceRow>> balance,
        Optional<List<IomRow>> iomPrePost) {

    public PackData {
        latestExtracts = Map.copyOf(latestExtracts);
        provenReoffending = List.copyOf(provenReoffending);
        if (threshold < 1) {
            throw new IllegalArgumentException("Cannot build pack: disclosure threshold must be at least 1 (" + threshold + ")");
        }
    }

    /** The pack's file name, {@code panel-pack-<as_of>.xlsx}. */
    public String fileName() {
        return "panel-pack-" + asOf + ".xlsx";
    }

    /** One proven_reoffending row. {@code reoffencesPerReoffender} is null when there are no reoffenders. */
    public record ReoffendingRow(LocalDate cohortStart, LocalDate cohortEnd, String population, String dimension,
                                 String category, long offenders, long reoffenders, long reoffences,
                                 double reoffendingRate, Double reoffencesPerReoffender, double reoffencesPerOffender,
                                 String status) {
    }

    /** One data_quality row (one source file). */
    public record DataQualityRow(String sourceFile, String agency, String dataset, LocalDate extractDate,
                                 long rowsRead, long rowsAccepted, long rowsQuarantined, long rowsSuperseded,
                                 long rowsDeleted, long pncCheckFailures, long warnings,
                                 Map<String, Long> quarantinedByRule) {
        public DataQualityRow {
            quarantinedByRule = quarantinedByRule == null ? Map.of() : Map.copyOf(quarantinedByRule);
        }
    }

    /** One linkage_quality row, e.g. SHARE_LINKED_TO_POLICE_OR_COURT for "substance/treatment". */
    public record LinkageQualityRow(String metric, String category, Double value) {
    }

    /** One cohort_comparison row; nullable boxed fields are null where the table holds null. */
    public record ComparisonRow(String comparison, LocalDate cohortStart, LocalDate cohortEnd, String method,
                                String groupName, String subgroup, String measure, Long people, Double value,
                                Double ciLow, Double ciHigh, String referenceGroup, Double difference,
                                Double differenceCiLow, Double differenceCiHigh, Double pValue, Boolean significant,
                                Long sampleSizeNeeded, String status, String note) {
    }

    /** One comparison_balance row. */
    public record BalanceRow(String comparison, String covariate, Double treatedMean, Double controlMeanBefore,
                             Double controlMeanAfter, Double smdBefore, Double smdAfter, Boolean imbalancedAfter) {
    }

    /** One iom_pre_post row. */
    public record IomRow(String groupName, String measure, Long people, Double beforeTotal, Double afterTotal,
                         Double beforeMean, Double afterMean, Double changeMean, Double changeCiLow,
                         Double changeCiHigh, Double did, Double didCiLow, Double didCiHigh, Double pValue,
                         String status, String note) {
    }
}
