package org.lcjp.reoffending.jobs;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.domain.ProvenReoffendingColumns;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.linkage.sensitivity.HeadlineSensitivity;
import org.lcjp.reoffending.reports.pack.PackData;
import org.lcjp.reoffending.reports.pack.PackData.BalanceRow;
import org.lcjp.reoffending.reports.pack.PackData.ComparisonRow;
import org.lcjp.reoffending.reports.pack.PackData.DataQualityRow;
import org.lcjp.reoffending.reports.pack.PackData.IomRow;
import org.lcjp.reoffending.reports.pack.PackData.LinkageQualityRow;
import org.lcjp.reoffending.reports.pack.PackData.LinkageSensitivityRow;
import org.lcjp.reoffending.reports.pack.PackData.ReoffendingRow;
import org.lcjp.reoffending.reports.performance.SourceTable;
import org.lcjp.reoffending.spark.JobDescriptions;

/**
 * Reads the published aggregate tables (outputs.md) into the pack's plain records. They are small (cohorts x
 * breakdown cells, source files, comparison groups), so collecting them to the driver is fine.
 */
final class PublishedTables {
    static final String PROVEN_REOFFENDING = "proven_reoffending";
    static final String DATA_QUALITY = "data_quality";
    static final String LINKAGE_QUALITY = "linkage_quality";
    static final String COHORT_COMPARISON = "cohort_comparison";
    static final String COMPARISON_BALANCE = "comparison_balance";
    static final String IOM_PRE_POST = "iom_pre_post";
    static final String RJ_ACTIVITY = "rj_activity";
    static final String FAMILY_OFFENDING = "family_offending";

    private final SparkSession spark;
    private final Storage storage;
    private final StoragePath publishDir;
    private long rowsRead;

    PublishedTables(SparkSession spark, Storage storage, StoragePath publishDir) {
        this.spark = spark;
        this.storage = storage;
        this.publishDir = publishDir;
    }

    long rowsRead() {
        return rowsRead;
    }

    List<ReoffendingRow> provenReoffending() {
        // Tolerant of a table written before outputs.md v2.0 (no harm_days, months_observed, status_reason).
        return read(
                        PROVEN_REOFFENDING,
                        r -> new ReoffendingRow(
                                date(r, ProvenReoffendingColumns.COHORT_START),
                                        date(r, ProvenReoffendingColumns.COHORT_END),
                                r.getAs(ProvenReoffendingColumns.POPULATION),
                                        r.getAs(ProvenReoffendingColumns.DIMENSION),
                                r.getAs(ProvenReoffendingColumns.CATEGORY), lng(r, ProvenReoffendingColumns.OFFENDERS),
                                lng(r, ProvenReoffendingColumns.REOFFENDERS),
                                        lng(r, ProvenReoffendingColumns.REOFFENCES),
                                dbl(r, "harm_days"), integer(r, "months_observed"),
                                r.getAs(ProvenReoffendingColumns.STATUS), str(r, "status_reason")))
                .orElseThrow(() -> new IllegalStateException("Cannot build panel pack: the proven_reoffending table "
                        + "is missing (" + publishDir.resolve(PROVEN_REOFFENDING) + "); run the measure stage first"));
    }

    /** A published table as plain rows for the performance framework; empty when it was not published. */
    Optional<SourceTable> source(String table) {
        StoragePath dir = publishDir.resolve(table);
        if (!storage.isTable(dir)) {
            return Optional.empty();
        }
        Dataset<Row> df = spark.read().parquet(dir.toString());
        List<String> columns = List.of(df.columns());
        List<Row> rows = JobDescriptions.describe(spark, "report", "read " + table, df::collectAsList);
        rowsRead += rows.size();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                Object v = r.isNullAt(i) ? null : r.get(i);
                m.put(columns.get(i), v instanceof Date d ? d.toLocalDate() : v);
            }
            out.add(m);
        }
        return Optional.of(new SourceTable(table, columns, out));
    }

    Optional<List<DataQualityRow>> dataQuality() {
        return read(
                DATA_QUALITY,
                r -> new DataQualityRow(
                        r.getAs("source_file"),
                        r.getAs("agency"),
                        r.getAs("dataset"),
                        date(r, "extract_date"),
                        count(r, "rows_read"),
                        count(r, "rows_accepted"),
                        count(r, "rows_quarantined"),
                        count(r, "rows_superseded"),
                        count(r, "rows_deleted"),
                        count(r, "pnc_check_failures"),
                        count(r, "warnings"),
                        byRule(r),
                        str(r, "status")));
    }

    Optional<List<LinkageQualityRow>> linkageQuality() {
        return read(
                LINKAGE_QUALITY,
                r -> new LinkageQualityRow(
                        r.getAs("metric"),
                        r.getAs("category"),
                        dbl(r, "value"),
                        has(r, "dimension") ? r.getAs("dimension") : null,
                        has(r, "group_name") ? r.getAs("group_name") : null));
    }

    Optional<List<LinkageSensitivityRow>> linkageSensitivity() {
        return read(
                HeadlineSensitivity.TABLE,
                r -> new LinkageSensitivityRow(
                        r.<Double>getAs("match_threshold"),
                        r.<Boolean>getAs("main"),
                        r.<Long>getAs("persons"),
                        r.<Long>getAs("records_reclustered"),
                        r.getAs("population"),
                        date(r, "cohort_start"),
                        date(r, "cohort_end"),
                        lng(r, "offenders"),
                        lng(r, "reoffenders"),
                        dbl(r, "reoffending_rate"),
                        dbl(r, "rate_change"),
                        r.<Boolean>getAs("exceeds_tolerance")));
    }

    Optional<List<ComparisonRow>> comparisons() {
        return read(
                COHORT_COMPARISON,
                r -> new ComparisonRow(
                        r.getAs("comparison"),
                        str(r, "period"),
                        date(r, "cohort_start"),
                        date(r, "cohort_end"),
                        r.getAs("method"),
                        r.getAs("group_name"),
                        r.getAs("subgroup"),
                        r.getAs("measure"),
                        lng(r, "people"),
                        dbl(r, "value"),
                        dbl(r, "ci_low"),
                        dbl(r, "ci_high"),
                        r.getAs("reference_group"),
                        dbl(r, "difference"),
                        dbl(r, "difference_ci_low"),
                        dbl(r, "difference_ci_high"),
                        dbl(r, "p_value"),
                        r.isNullAt(r.fieldIndex("significant")) ? null : r.<Boolean>getAs("significant"),
                        lng(r, "sample_size_needed"),
                        r.getAs("status"),
                        r.getAs("note")));
    }

    Optional<List<BalanceRow>> balance() {
        return read(
                COMPARISON_BALANCE,
                r -> new BalanceRow(
                        r.getAs("comparison"),
                        r.getAs("covariate"),
                        dbl(r, "treated_mean"),
                        dbl(r, "control_mean_before"),
                        dbl(r, "control_mean_after"),
                        dbl(r, "smd_before"),
                        dbl(r, "smd_after"),
                        r.isNullAt(r.fieldIndex("imbalanced_after")) ? null : r.<Boolean>getAs("imbalanced_after")));
    }

    /** The pooled, all-category rows only: the pack shows no periods or categories yet. */
    Optional<List<IomRow>> iomPrePost() {
        return read(
                IOM_PRE_POST,
                r -> !hasColumn(r, "period")
                        || ("POOLED".equals(r.getAs("period")) && "ALL".equals(r.getAs("category"))),
                r -> new IomRow(
                        r.getAs("group_name"),
                        r.getAs("measure"),
                        lng(r, "people"),
                        dbl(r, "before_total"),
                        dbl(r, "after_total"),
                        dbl(r, "before_mean"),
                        dbl(r, "after_mean"),
                        dbl(r, "change_mean"),
                        dbl(r, "change_ci_low"),
                        dbl(r, "change_ci_high"),
                        dbl(r, "did"),
                        dbl(r, "did_ci_low"),
                        dbl(r, "did_ci_high"),
                        dbl(r, "p_value"),
                        r.getAs("status"),
                        r.getAs("note")));
    }

    Optional<List<PackData.RjActivityRow>> rjActivity() {
        return read(
                RJ_ACTIVITY,
                r -> new PackData.RjActivityRow(
                        r.getAs("period"),
                        date(r, "period_start"),
                        date(r, "period_end"),
                        r.getAs("measure"),
                        r.getAs("category"),
                        count(r, "count"),
                        lng(r, "denominator"),
                        dbl(r, "value"),
                        dbl(r, "ci_low"),
                        dbl(r, "ci_high"),
                        r.getAs("status")));
    }

    Optional<List<PackData.FamilyRow>> familyOffending() {
        return read(
                FAMILY_OFFENDING,
                r -> new PackData.FamilyRow(
                        r.getAs("measure_set"),
                        r.getAs("period"),
                        date(r, "period_start"),
                        date(r, "period_end"),
                        r.getAs("group_name"),
                        r.getAs("measure"),
                        r.getAs("unit"),
                        count(r, "denominator"),
                        lng(r, "numerator"),
                        dbl(r, "value"),
                        dbl(r, "ci_low"),
                        dbl(r, "ci_high"),
                        str(r, "reference_group"),
                        dbl(r, "difference"),
                        dbl(r, "difference_ci_low"),
                        dbl(r, "difference_ci_high"),
                        dbl(r, "p_value"),
                        r.isNullAt(r.fieldIndex("significant")) ? null : r.<Boolean>getAs("significant"),
                        r.getAs("status")));
    }

    /** needs_and_gaps, iom_reach and checkpoint_activity (methodology section 10), each empty when not published. */
    PackData.ServiceTables services() {
        return new PackData.ServiceTables(
                read(
                        NeedsAndGapsTable.NAME,
                        r -> new PackData.NeedsRow(
                                r.getAs("period"),
                                date(r, "period_start"),
                                date(r, "period_end"),
                                r.getAs("local_authority"),
                                r.getAs("sex"),
                                r.getAs("need"),
                                str(r, "service"),
                                count(r, "people_assessed"),
                                count(r, "people_with_need"),
                                dbl(r, "need_share"),
                                lng(r, "people_without_service"),
                                dbl(r, "share_without_service"),
                                dbl(r, "without_service_ci_low"),
                                dbl(r, "without_service_ci_high"),
                                r.getAs("status"))),
                read(
                        IomReachTable.NAME,
                        r -> new PackData.ReachRow(
                                r.getAs("period"),
                                date(r, "period_start"),
                                date(r, "period_end"),
                                r.getAs("route"),
                                r.getAs("local_authority"),
                                count(r, "highest_risk_adults"),
                                count(r, "on_iom"),
                                dbl(r, "share_on_iom"),
                                dbl(r, "ci_low"),
                                dbl(r, "ci_high"),
                                r.getAs("status"))),
                read(
                        CheckpointActivityTable.NAME,
                        r -> new PackData.CheckpointRow(
                                r.getAs("period"),
                                date(r, "period_start"),
                                date(r, "period_end"),
                                count(r, "referrals"),
                                count(r, "people_referred"),
                                count(r, "eligible"),
                                count(r, "diverted"),
                                count(r, "prosecuted"),
                                count(r, "contracts_ended"),
                                count(r, "completed"),
                                count(r, "contracts_open"),
                                dbl(r, "completion_rate"),
                                dbl(r, "completion_ci_low"),
                                dbl(r, "completion_ci_high"),
                                dbl(r, "mean_contract_days"),
                                r.getAs("status"))));
    }

    private <T> Optional<List<T>> read(String table, Function<Row, T> toRecord) {
        return read(table, r -> true, toRecord);
    }

    private static boolean hasColumn(Row r, String column) {
        return java.util.Arrays.asList(r.schema().fieldNames()).contains(column);
    }

    private <T> Optional<List<T>> read(
            String table, java.util.function.Predicate<Row> keep, Function<Row, T> toRecord) {
        StoragePath dir = publishDir.resolve(table);
        if (!storage.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Row> rows = JobDescriptions.describe(
                spark,
                "report",
                "read " + table,
                () -> spark.read().parquet(dir.toString()).collectAsList());
        rowsRead += rows.size();
        return Optional.of(rows.stream().filter(keep).map(toRecord).toList());
    }

    private static boolean has(Row r, String column) {
        return java.util.Arrays.asList(r.schema().fieldNames()).contains(column);
    }

    private static String str(Row r, String column) {
        return has(r, column) && !r.isNullAt(r.fieldIndex(column)) ? String.valueOf(r.get(r.fieldIndex(column))) : null;
    }

    private static Integer integer(Row r, String column) {
        return has(r, column) && !r.isNullAt(r.fieldIndex(column))
                ? ((Number) r.get(r.fieldIndex(column))).intValue()
                : null;
    }

    private static LocalDate date(Row r, String column) {
        if (!has(r, column)) {
            return null;
        }
        Object v = r.get(r.fieldIndex(column));
        if (v == null) {
            return null;
        }
        return v instanceof LocalDate d ? d : ((Date) v).toLocalDate();
    }

    private static Long lng(Row r, String column) {
        if (!has(r, column)) {
            return null;
        }
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? null : ((Number) r.get(i)).longValue();
    }

    private static long count(Row r, String column) {
        Long v = lng(r, column);
        return v == null ? 0 : v;
    }

    private static Double dbl(Row r, String column) {
        if (!has(r, column)) {
            return null;
        }
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? null : ((Number) r.get(i)).doubleValue();
    }

    private static Map<String, Long> byRule(Row r) {
        if (!has(r, "quarantined_by_rule")) {
            return Map.of();
        }
        int i = r.fieldIndex("quarantined_by_rule");
        Map<String, Long> out = new HashMap<>();
        if (!r.isNullAt(i)) {
            r.<String, Object>getJavaMap(i).forEach((k, v) -> out.put(k, v == null ? 0L : ((Number) v).longValue()));
        }
        return out;
    }
}
