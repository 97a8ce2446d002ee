package org.lcjp.reoffending.jobs;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.domain.ProvenReoffendingColumns;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.jobs.results.SensitivityResult;
import org.lcjp.reoffending.linkage.clustering.ThresholdSensitivity;
import org.lcjp.reoffending.linkage.sensitivity.HeadlineSensitivity;
import org.lcjp.reoffending.measures.DataCoverage;
import org.lcjp.reoffending.measures.MeasureInputs;
import org.lcjp.reoffending.measures.MeasurePipeline;
import org.lcjp.reoffending.measures.ProvenReoffending;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.settings.SettingsException;
import org.lcjp.reoffending.spark.Checkpoints;
import org.lcjp.reoffending.spark.JobDescriptions;

/**
 * Publishes linkage_sensitivity after the measure stage: persons and the headline FINAL reoffending rates at every
 * threshold of linkage.sensitivity. The main threshold's figures are the published proven_reoffending's; the others
 * come from one run of the measures library ({@link MeasurePipeline}, the same code as proven_reoffending) over the
 * records the link stage re-clustered there (warehouse/linkage/sensitivity), under their main persons and under their
 * persons at each threshold ({@link HeadlineSensitivity}). Its cost grows with the records whose persons differ
 * between thresholds, not with all records.
 */
public final class LinkageSensitivityJob implements Stage {
    public static final String NAME = SensitivityResult.STAGE;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SensitivityResult run(SparkSession spark, RunContext context) {
        long start = System.nanoTime();
        double main = context.settings().linkage().matchThreshold();
        List<Double> others =
                new ArrayList<>(context.settings().linkage().sensitivity().withMain(main));
        others.remove(Double.valueOf(main));
        StoragePath recordPersonPath = context.warehouse().recordPerson();
        StoragePath published = context.published(MeasuresJob.PROVEN_REOFFENDING);
        if (!context.storage().isDirectory(published)) {
            throw new SettingsException(
                    "Cannot measure the sensitivity to the match threshold: proven_reoffending is not in "
                            + published.getParent() + ". Run `reoffending measure` (into the same staging) first");
        }
        Map<String, HeadlineSensitivity.Cell> headline =
                HeadlineSensitivity.headline(spark.read().parquet(published.toString()));
        Dataset<Row> recordPerson =
                StagedInputs.orEmpty(spark, context.storage(), recordPersonPath, RecordPersonColumns.SCHEMA);
        long mainPersons = JobDescriptions.describe(
                spark,
                NAME,
                "count persons",
                () -> recordPerson
                        .select(RecordPersonColumns.PERSON_ID)
                        .distinct()
                        .count());
        StoragePath reclusteredPath = LinkageJob.sensitivity(context);
        Dataset<Row> reclustered =
                StagedInputs.orEmpty(spark, context.storage(), reclusteredPath, ThresholdSensitivity.schema());
        Map<Double, Long> records = new LinkedHashMap<>();
        for (Row r : reclustered.groupBy(ThresholdSensitivity.THRESHOLD).count().collectAsList()) {
            records.put(r.getDouble(0), r.getLong(1));
        }
        List<Double> present =
                others.stream().filter(t -> records.getOrDefault(t, 0L) > 0).toList();
        List<HeadlineSensitivity.Other> figures = new ArrayList<>();
        if (!present.isEmpty()) {
            CohortSettings cohort = context.settings().cohort();
            Dataset<Row> variants = HeadlineSensitivity.variants(recordPerson, reclustered, present)
                    .localCheckpoint();
            DataCoverage coverage = MeasuresJob.coverage(spark, context);
            // Every classified index event, not only those of the published cohorts: the first published cohort follows
            // the earliest disposal, which for a handful of re-clustered records is not the whole data's; the headline
            // cohort (from the published table) picks the cells.
            // The library's intermediate tables are materialised as it makes them (as the measure stage writes them),
            // so its later steps do not recompute them from the staged tables.
            List<Dataset<Row>> made = new ArrayList<>();
            Dataset<Row> events = JobDescriptions.describe(
                    spark,
                    NAME,
                    "measure the re-clustered records",
                    () -> new MeasurePipeline(
                                    cohort, context.settings().measures(), new DateOfBirthCipher(context.key()))
                            .run(inputs(spark, context, variants), coverage, (table, rows) -> {
                                Dataset<Row> m = rows.localCheckpoint();
                                made.add(m);
                                return m;
                            })
                            .indexEvents());
            Map<String, Long> variantPersons = HeadlineSensitivity.persons(variants);
            for (double t : present) {
                Column mainSide = col(RecordPersonColumns.PERSON_ID).startsWith(HeadlineSensitivity.prefix(t, true));
                Column otherSide = col(RecordPersonColumns.PERSON_ID).startsWith(HeadlineSensitivity.prefix(t, false));
                long mainOnes = variantPersons.getOrDefault(HeadlineSensitivity.prefix(t, true), 0L);
                long otherOnes = variantPersons.getOrDefault(HeadlineSensitivity.prefix(t, false), 0L);
                ProvenReoffending measure = new ProvenReoffending();
                // Only the whole-population cells are needed: the other dimensions' aggregates are pruned.
                Column whole = col(ProvenReoffendingColumns.DIMENSION).equalTo(ProvenReoffending.ALL);
                figures.add(new HeadlineSensitivity.Other(
                        t,
                        records.get(t),
                        mainOnes,
                        otherOnes,
                        HeadlineSensitivity.cells(
                                measure.cells(events.where(mainSide)).where(whole), headline),
                        HeadlineSensitivity.cells(
                                measure.cells(events.where(otherSide)).where(whole), headline)));
            }
            made.forEach(Checkpoints::release);
            Checkpoints.release(variants);
        }
        for (double t : others) {
            if (!present.contains(t)) {
                figures.add(new HeadlineSensitivity.Other(t, 0, 0, 0, Map.of(), Map.of()));
            }
        }
        figures.sort(java.util.Comparator.comparingDouble(HeadlineSensitivity.Other::threshold));
        double tolerance = context.settings().linkage().sensitivity().rateTolerance();
        Dataset<Row> table = HeadlineSensitivity.table(spark, main, mainPersons, headline, figures, tolerance);
        List<Row> rows = table.collectAsList();
        JobDescriptions.describe(spark, NAME, "write " + HeadlineSensitivity.TABLE, () -> {
            table.coalesce(1)
                    .write()
                    .mode(SaveMode.Overwrite)
                    .parquet(context.published(HeadlineSensitivity.TABLE).toString());
            return null;
        });
        Map<Double, Long> persons = new java.util.TreeMap<>();
        rows.forEach(r -> persons.put(r.getDouble(0), r.getLong(2)));
        return new SensitivityResult(
                mainPersons,
                rows.size(),
                (System.nanoTime() - start) / 1e9,
                context.settings().linkage().sensitivity().withMain(main),
                persons,
                records,
                HeadlineSensitivity.exceeds(rows) ? tolerance : null,
                null);
    }

    /**
     * The measures' inputs for the variants: every staged table restricted to the variants' records (once per variant,
     * {@link HeadlineSensitivity#restrict}; absent tables empty), and the variants as record_person.
     */
    private static MeasureInputs inputs(SparkSession spark, RunContext context, Dataset<Row> variants) {
        Dataset<Row> recordPerson = variants.select(
                RecordPersonColumns.AGENCY,
                RecordPersonColumns.DATASET,
                RecordPersonColumns.RECORD_ID,
                RecordPersonColumns.PERSON_ID);
        return StagedInputs.measureInputs(
                spark, context, staged -> HeadlineSensitivity.restrict(staged, variants), recordPerson);
    }
}
