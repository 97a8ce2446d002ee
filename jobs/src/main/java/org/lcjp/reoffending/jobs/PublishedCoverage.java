package org.lcjp.reoffending.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.io.Storage;
import org.lcjp.reoffending.io.StoragePath;

/**
 * The run-wide figures of the published data_coverage table (written by the measure stage), for the manifest: the
 * effective date, the dataset limiting it, the first cohort and each dataset's coverage date. All null when the
 * measure stage did not run.
 */
record PublishedCoverage(
        String effectiveDate, String limitingDataset, String firstCohort, Map<String, String> dataCoverage) {

    static PublishedCoverage read(SparkSession spark, Storage storage, StoragePath table) {
        if (!storage.isDirectory(table)) {
            return new PublishedCoverage(null, null, null, Map.of());
        }
        List<Row> rows = spark.read().parquet(table.toString()).collectAsList();
        Map<String, String> coverage = new LinkedHashMap<>();
        String effective = null;
        String limiting = null;
        String first = null;
        for (Row r : rows) {
            coverage.put(r.getAs("dataset"), text(r.getAs("coverage_date")));
            effective = text(r.getAs("effective_date"));
            first = text(r.getAs("first_cohort"));
            if (Boolean.TRUE.equals(r.getAs("limits_effective_date"))) {
                limiting = r.getAs("dataset");
            }
        }
        return new PublishedCoverage(effective, limiting, first, coverage);
    }

    private static String text(Object date) {
        return date == null ? null : date.toString();
    }
}
