package org.lcjp.reoffending.measures;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.DataQualityColumns;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.FileReport;

/**
 * How far the data reaches (methodology.md section 4). A dataset's coverage date is the latest extract date of a
 * delivery read (status READ: parsed and reconciled; a file rejected whole brings no data) up to the as-of date. The
 * effective date is the earlier of the as-of date and the earliest coverage date of the datasets that prove
 * offences; when one of them has never delivered there is none, and nothing can be FINAL.
 *
 * @param asOf     the run's as-of date
 * @param coverage every contract dataset ({@code agency/dataset}, contract order) to its coverage date, null when it
 *                 has never delivered up to the as-of date
 */
public record DataCoverage(LocalDate asOf, Map<String, LocalDate> coverage) {
    /** The datasets that prove offences, in the order methodology.md names them (which also breaks ties). */
    public static final List<DatasetId> PROVING =
            List.of(Datasets.POLICE_OUTCOMES, Datasets.COURTS_CONVICTIONS, Datasets.YOS_OUTCOMES);

    /** The published data_coverage table: one row per contract dataset. */
    public static final StructType SCHEMA = new StructType()
            .add("dataset", DataTypes.StringType, false)
            .add("coverage_date", DataTypes.DateType, true)
            .add("proves_offences", DataTypes.BooleanType, false)
            .add("limits_effective_date", DataTypes.BooleanType, false)
            .add("as_of", DataTypes.DateType, false)
            .add("effective_date", DataTypes.DateType, true)
            .add("first_cohort", DataTypes.DateType, true);

    public DataCoverage {
        coverage = Collections.unmodifiableMap(new LinkedHashMap<>(coverage));
    }

    /** From the per-file ingest figures of every delivery ever read (warehouse file counts or data_quality). */
    public static DataCoverage fromFiles(LocalDate asOf, Collection<FileReport> files) {
        Map<String, LocalDate> latest = new LinkedHashMap<>();
        Datasets.all().forEach(spec -> latest.put(spec.id().path(), null));
        for (FileReport f : files) {
            if (f.extractDate() == null
                    || f.extractDate().isAfter(asOf)
                    || !DataQualityColumns.STATUS_READ.equals(f.status())) {
                continue;
            }
            latest.merge(f.agency() + "/" + f.dataset(), f.extractDate(), (a, b) -> a == null || b.isAfter(a) ? b : a);
        }
        return new DataCoverage(asOf, latest);
    }

    /** Every contract dataset delivered up to the same date. */
    public static DataCoverage complete(LocalDate asOf, LocalDate deliveredTo) {
        Map<String, LocalDate> m = new LinkedHashMap<>();
        Datasets.all().forEach(spec -> m.put(spec.id().path(), deliveredTo));
        return new DataCoverage(asOf, m);
    }

    public LocalDate coverageOf(DatasetId id) {
        return coverage.get(id.path());
    }

    /** The proving datasets that have never delivered up to the as-of date. */
    public List<String> neverDelivered() {
        return PROVING.stream()
                .filter(id -> coverageOf(id) == null)
                .map(DatasetId::path)
                .toList();
    }

    /** The earlier of the as-of date and the proving datasets' earliest coverage; empty when one never delivered. */
    public Optional<LocalDate> effectiveDate() {
        if (!neverDelivered().isEmpty()) {
            return Optional.empty();
        }
        LocalDate effective = asOf;
        for (DatasetId id : PROVING) {
            if (coverageOf(id).isBefore(effective)) {
                effective = coverageOf(id);
            }
        }
        return Optional.of(effective);
    }

    /**
     * The proving dataset that holds the effective date back: one never delivered, else the one with the earliest
     * coverage (the first named on a tie). Empty when the data reaches the as-of date, which then limits it.
     */
    public Optional<String> limitingDataset() {
        if (!neverDelivered().isEmpty()) {
            return Optional.of(neverDelivered().get(0));
        }
        LocalDate effective = effectiveDate().orElseThrow();
        if (!effective.isBefore(asOf)) {
            return Optional.empty();
        }
        return PROVING.stream()
                .filter(id -> coverageOf(id).equals(effective))
                .map(DatasetId::path)
                .findFirst();
    }

    /** The rows of data_coverage; the run-wide dates repeat on every row. */
    public List<Row> rows(LocalDate firstCohort) {
        List<Row> rows = new ArrayList<>();
        String limiting = limitingDataset().orElse(null);
        coverage.forEach((dataset, date) -> rows.add(RowFactory.create(
                dataset,
                sql(date),
                PROVING.stream().anyMatch(id -> id.path().equals(dataset)),
                dataset.equals(limiting),
                sql(asOf),
                sql(effectiveDate().orElse(null)),
                sql(firstCohort))));
        return rows;
    }

    private static Date sql(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
