package org.lcjp.reoffending.reports.pack;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lcjp.reoffending.reports.performance.PerformanceRow;

/**
 * Everything the panel pack shows, as plain records mirroring the published Parquet tables (outputs.md), with
 * exact figures: the pack applies disclosure control itself. An optional table that was not produced this run is
 * {@link Optional#empty()}, and its sheet says so.
 *
 * @param asOf                the run's as-of date
 * @param runId               the run id (manifest)
 * @param title               pack title (settings: report.title)
 * @param contact             contact line (settings: report.contact)
 * @param threshold           disclosure threshold: counts 1..threshold-1 are suppressed (disclosure.threshold)
 * @param lowReliabilityBelow a rate over fewer people than this is marked [u] (report.low_reliability_below)
 * @param finalAfterMonths    follow-up plus waiting months (18), for the notes
 * @param labels              codes as words (conf/labels.yaml)
 * @param latestExtracts      latest extract date per agency/dataset (from data_quality)
 * @param provenReoffending   proven_reoffending rows (quarterly cohorts)
 * @param crossTabs           local authority by sex and by age band, per cohort (from the index events)
 * @param dataQuality         data_quality rows
 * @param linkageQuality      linkage_quality rows
 * @param comparisons         cohort_comparison rows
 * @param balance             comparison_balance rows
 * @param iomPrePost          iom_pre_post rows
 * @param performance         the performance table (methodology section 7)
 * @param linkageSensitivity  linkage_sensitivity rows (persons and headline rates at each match threshold)
 * @param rjActivity          rj_activity rows (methodology section 8); empty when rj/referrals was not delivered
 * @param familyOffending     family_offending rows (methodology section 9); empty when family/links was not delivered
 * @param services            needs and gaps, IOM reach and Checkpoint activity (methodology section 10)
 */
public record PackData(
        LocalDate asOf,
        String runId,
        String title,
        String contact,
        int threshold,
        int lowReliabilityBelow,
        int finalAfterMonths,
        Labels labels,
        Map<String, LocalDate> latestExtracts,
        List<ReoffendingRow> provenReoffending,
        Optional<List<CrossTabRow>> crossTabs,
        Optional<List<DataQualityRow>> dataQuality,
        Optional<List<LinkageQualityRow>> linkageQuality,
        Optional<List<ComparisonRow>> comparisons,
        Optional<List<BalanceRow>> balance,
        Optional<List<IomRow>> iomPrePost,
        Optional<List<PerformanceRow>> performance,
        Optional<List<LinkageSensitivityRow>> linkageSensitivity,
        Optional<List<RjActivityRow>> rjActivity,
        Optional<List<FamilyRow>> familyOffending,
        ServiceTables services) {

    /** The same data with the RJ Hub's and Think Family's tables. */
    public PackData withRjAndFamily(Optional<List<RjActivityRow>> rj, Optional<List<FamilyRow>> family) {
        return new PackData(
                asOf,
                runId,
                title,
                contact,
                threshold,
                lowReliabilityBelow,
                finalAfterMonths,
                labels,
                latestExtracts,
                provenReoffending,
                crossTabs,
                dataQuality,
                linkageQuality,
                comparisons,
                balance,
                iomPrePost,
                performance,
                linkageSensitivity,
                rj,
                family,
                services);
    }

    public PackData {
        latestExtracts = Map.copyOf(latestExtracts);
        provenReoffending = List.copyOf(provenReoffending);
        services = services == null ? ServiceTables.NONE : services;
        if (threshold < 1) {
            throw new IllegalArgumentException(
                    "Cannot build pack: disclosure threshold must be at least 1 (" + threshold + ")");
        }
    }

    /** The same data with these service tables. */
    public PackData withServices(ServiceTables tables) {
        return new PackData(
                asOf,
                runId,
                title,
                contact,
                threshold,
                lowReliabilityBelow,
                finalAfterMonths,
                labels,
                latestExtracts,
                provenReoffending,
                crossTabs,
                dataQuality,
                linkageQuality,
                comparisons,
                balance,
                iomPrePost,
                performance,
                linkageSensitivity,
                rjActivity,
                familyOffending,
                tables);
    }

    /**
     * The service tables of methodology section 10, each empty when not produced this run.
     *
     * @param needsAndGaps       needs_and_gaps rows
     * @param iomReach           iom_reach rows
     * @param checkpointActivity checkpoint_activity rows
     */
    public record ServiceTables(
            Optional<List<NeedsRow>> needsAndGaps,
            Optional<List<ReachRow>> iomReach,
            Optional<List<CheckpointRow>> checkpointActivity) {
        public static final ServiceTables NONE =
                new ServiceTables(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** One needs_and_gaps row; the without-service figures are null for needs no service is set against. */
    public record NeedsRow(
            String period,
            LocalDate periodStart,
            LocalDate periodEnd,
            String localAuthority,
            String sex,
            String need,
            String service,
            long peopleAssessed,
            long peopleWithNeed,
            Double needShare,
            Long peopleWithoutService,
            Double shareWithoutService,
            Double ciLow,
            Double ciHigh,
            String status) {
        public boolean isFinal() {
            return "FINAL".equals(status);
        }
    }

    /** One iom_reach row. */
    public record ReachRow(
            String period,
            LocalDate periodStart,
            LocalDate periodEnd,
            String route,
            String localAuthority,
            long highestRiskAdults,
            long onIom,
            Double shareOnIom,
            Double ciLow,
            Double ciHigh,
            String status) {
        public boolean isFinal() {
            return "FINAL".equals(status);
        }
    }

    /** One checkpoint_activity row. */
    public record CheckpointRow(
            String period,
            LocalDate periodStart,
            LocalDate periodEnd,
            long referrals,
            long peopleReferred,
            long eligible,
            long diverted,
            long prosecuted,
            long contractsEnded,
            long completed,
            long contractsOpen,
            Double completionRate,
            Double ciLow,
            Double ciHigh,
            Double meanContractDays,
            String status) {
        public boolean isFinal() {
            return "FINAL".equals(status);
        }
    }

    /** The pack's file name without extension, {@code panel-pack-<as_of>}. */
    public String baseName() {
        return "panel-pack-" + asOf;
    }

    /**
     * One proven_reoffending row. Boxed fields are null where the published table holds null or lacks the column
     * (a table written before outputs.md v2.0 has no harm_days, months_observed or status_reason).
     */
    public record ReoffendingRow(
            LocalDate cohortStart,
            LocalDate cohortEnd,
            String population,
            String dimension,
            String category,
            long offenders,
            long reoffenders,
            long reoffences,
            Double harmDays,
            Integer monthsObserved,
            String status,
            String statusReason) {
        public boolean isFinal() {
            return "FINAL".equals(status);
        }
    }

    /**
     * Index events of one cohort cell crossed by two dimensions (local authority by sex, by age band), population
     * ALL: the breakdowns' margins, so disclosure control treats them together.
     */
    public record CrossTabRow(
            LocalDate cohortStart,
            LocalDate cohortEnd,
            String rowDimension,
            String rowCategory,
            String columnDimension,
            String columnCategory,
            long offenders,
            long reoffenders,
            long reoffences) {}

    /** One data_quality row (one source file). */
    public record DataQualityRow(
            String sourceFile,
            String agency,
            String dataset,
            LocalDate extractDate,
            long rowsRead,
            long rowsAccepted,
            long rowsQuarantined,
            long rowsSuperseded,
            long rowsDeleted,
            long pncCheckFailures,
            long warnings,
            Map<String, Long> quarantinedByRule,
            String status) {
        public DataQualityRow {
            quarantinedByRule = quarantinedByRule == null ? Map.of() : Map.copyOf(quarantinedByRule);
        }
    }

    /**
     * One linkage_quality row, e.g. SHARE_LINKED_TO_POLICE_OR_COURT of dimension DATASET, group "substance/treatment";
     * dimension and group are {@code ALL} for figures over all records (and in a table written before they existed).
     */
    public record LinkageQualityRow(String metric, String category, Double value, String dimension, String groupName) {
        public LinkageQualityRow {
            dimension = dimension == null ? "ALL" : dimension;
            groupName = groupName == null ? "ALL" : groupName;
        }

        public LinkageQualityRow(String metric, String category, Double value) {
            this(metric, category, value, null, null);
        }
    }

    /**
     * One linkage_sensitivity row: persons and a population's headline FINAL cohort at one match threshold. Boxed
     * fields are null where the table holds null (no FINAL cohort).
     */
    public record LinkageSensitivityRow(
            double matchThreshold,
            boolean main,
            long persons,
            long recordsReclustered,
            String population,
            LocalDate cohortStart,
            LocalDate cohortEnd,
            Long offenders,
            Long reoffenders,
            Double reoffendingRate,
            Double rateChange,
            boolean exceedsTolerance) {}

    /**
     * One cohort_comparison row; nullable boxed fields are null where the table holds null. {@code period} is a
     * financial year or {@code POOLED} (outputs.md v2.0), null in a table written before it.
     */
    public record ComparisonRow(
            String comparison,
            String period,
            LocalDate cohortStart,
            LocalDate cohortEnd,
            String method,
            String groupName,
            String subgroup,
            String measure,
            Long people,
            Double value,
            Double ciLow,
            Double ciHigh,
            String referenceGroup,
            Double difference,
            Double differenceCiLow,
            Double differenceCiHigh,
            Double pValue,
            Boolean significant,
            Long sampleSizeNeeded,
            String status,
            String note) {}

    /** One comparison_balance row. */
    public record BalanceRow(
            String comparison,
            String covariate,
            Double treatedMean,
            Double controlMeanBefore,
            Double controlMeanAfter,
            Double smdBefore,
            Double smdAfter,
            Boolean imbalancedAfter) {}

    /** One iom_pre_post row. */
    public record IomRow(
            String groupName,
            String measure,
            Long people,
            Double beforeTotal,
            Double afterTotal,
            Double beforeMean,
            Double afterMean,
            Double changeMean,
            Double changeCiLow,
            Double changeCiHigh,
            Double did,
            Double didCiLow,
            Double didCiHigh,
            Double pValue,
            String status,
            String note) {}

    /** One rj_activity row: a measure and category of the RJ Hub's activity in one financial year of referral. */
    public record RjActivityRow(
            String period,
            LocalDate periodStart,
            LocalDate periodEnd,
            String measure,
            String category,
            long count,
            Long denominator,
            Double value,
            Double ciLow,
            Double ciHigh,
            String status) {}

    /** One family_offending row (Think Family): a group's share in one period of one measure set. */
    public record FamilyRow(
            String measureSet,
            String period,
            LocalDate periodStart,
            LocalDate periodEnd,
            String groupName,
            String measure,
            String unit,
            long denominator,
            Long numerator,
            Double value,
            Double ciLow,
            Double ciHigh,
            String referenceGroup,
            Double difference,
            Double differenceCiLow,
            Double differenceCiHigh,
            Double pValue,
            Boolean significant,
            String status) {}
}
