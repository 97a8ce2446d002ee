package org.lcjp.reoffending.linkage.sensitivity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring_index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.ProvenReoffendingColumns;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.linkage.clustering.ThresholdSensitivity;

/**
 * linkage_sensitivity: persons and the headline FINAL reoffending rates (adult, juvenile: the latest FINAL cohort's
 * whole-population cell of proven_reoffending) at each match threshold. The other thresholds' figures come from the
 * measures library itself, run on the records whose persons differ there ({@link ThresholdSensitivity}): those
 * records are whole persons under both clusterings, and every count of proven_reoffending is a sum over persons, so a
 * threshold's count is the main count minus these records' count under their main persons plus their count under
 * their persons at that threshold. No second counting rule exists: the library counts both sides.
 */
public final class HeadlineSensitivity {
    public static final String TABLE = "linkage_sensitivity";
    public static final StructType SCHEMA = new StructType()
            .add("match_threshold", DataTypes.DoubleType, false)
            .add("main", DataTypes.BooleanType, false)
            .add("persons", DataTypes.LongType, false)
            .add("records_reclustered", DataTypes.LongType, false)
            .add(ProvenReoffendingColumns.POPULATION, DataTypes.StringType, false)
            .add(ProvenReoffendingColumns.COHORT_START, DataTypes.DateType, true)
            .add(ProvenReoffendingColumns.COHORT_END, DataTypes.DateType, true)
            .add(ProvenReoffendingColumns.OFFENDERS, DataTypes.LongType, true)
            .add(ProvenReoffendingColumns.REOFFENDERS, DataTypes.LongType, true)
            .add(ProvenReoffendingColumns.REOFFENDING_RATE, DataTypes.DoubleType, true)
            .add("rate_change", DataTypes.DoubleType, true)
            .add("exceeds_tolerance", DataTypes.BooleanType, false);
    static final List<String> POPULATIONS =
            List.of(ProvenReoffendingColumns.POPULATION_ADULT, ProvenReoffendingColumns.POPULATION_JUVENILE);
    private static final String MAIN_PREFIX = "M";
    private static final String OTHER_PREFIX = "A";
    private static final String PREFIX_END = "|";
    static final String SOURCE_RECORD_ID = "source_record_id";

    private HeadlineSensitivity() {}

    /** The cohort cell a headline rate comes from. */
    public record Cell(LocalDate cohortStart, LocalDate cohortEnd, long offenders, long reoffenders) {
        Cell plus(Cell other, int sign) {
            if (other == null) {
                return this;
            }
            return new Cell(
                    cohortStart, cohortEnd, offenders + sign * other.offenders, reoffenders + sign * other.reoffenders);
        }

        Double rate() {
            return offenders == 0 ? null : (double) reoffenders / offenders;
        }
    }

    /** Per population (ADULT, JUVENILE), the whole-population cell of its latest FINAL cohort (absent: none is FINAL). */
    public static Map<String, Cell> headline(Dataset<Row> provenReoffending) {
        Map<String, Cell> out = new TreeMap<>();
        for (Row r : allCells(provenReoffending)
                .where(col(ProvenReoffendingColumns.STATUS).equalTo(ProvenReoffendingColumns.STATUS_FINAL))
                .collectAsList()) {
            Cell c = cell(r);
            out.merge(
                    r.getAs(ProvenReoffendingColumns.POPULATION),
                    c,
                    (a, b) -> a.cohortStart().isAfter(b.cohortStart()) ? a : b);
        }
        return out;
    }

    /** A table's whole-population cells of the given cohorts (by population; a cohort it lacks counts nothing). */
    public static Map<String, Cell> cells(Dataset<Row> provenReoffending, Map<String, Cell> cohorts) {
        Map<String, Cell> out = new TreeMap<>();
        cohorts.forEach((p, c) -> out.put(p, new Cell(c.cohortStart(), c.cohortEnd(), 0, 0)));
        for (Row r : allCells(provenReoffending).collectAsList()) {
            String p = r.getAs(ProvenReoffendingColumns.POPULATION);
            Cell c = cell(r);
            if (cohorts.containsKey(p) && cohorts.get(p).cohortStart().equals(c.cohortStart())) {
                out.put(p, c);
            }
        }
        return out;
    }

    private static Dataset<Row> allCells(Dataset<Row> provenReoffending) {
        return provenReoffending.where(col(ProvenReoffendingColumns.DIMENSION)
                .equalTo(ProvenReoffendingColumns.POPULATION_ALL)
                .and(col(ProvenReoffendingColumns.CATEGORY).equalTo(ProvenReoffendingColumns.POPULATION_ALL))
                .and(col(ProvenReoffendingColumns.POPULATION).isin(POPULATIONS.toArray())));
    }

    private static Cell cell(Row r) {
        return new Cell(
                ((java.sql.Date) r.getAs(ProvenReoffendingColumns.COHORT_START)).toLocalDate(),
                ((java.sql.Date) r.getAs(ProvenReoffendingColumns.COHORT_END)).toLocalDate(),
                r.<Long>getAs(ProvenReoffendingColumns.OFFENDERS),
                r.<Long>getAs(ProvenReoffendingColumns.REOFFENDERS));
    }

    /** The person-id prefix of a threshold's main (side "M") or re-clustered (side "A") variant. */
    public static String prefix(double threshold, boolean main) {
        return (main ? MAIN_PREFIX : OTHER_PREFIX) + threshold + PREFIX_END;
    }

    /**
     * The re-clustered records of each other threshold twice, as variants: under their main person and under their
     * person there. A variant's record and person ids carry its prefix ({@link #prefix}), so one run of the measures
     * library over {@link #restrict}ed staged tables and this record_person counts every variant apart, a prefix
     * selects one, and no record is seen by two variants (the library may rightly assume a record has one person).
     * recordPerson: the main record_person; reclustered: ThresholdSensitivity's records; thresholds: the other
     * thresholds (at least one). Result: agency, dataset, record_id (prefixed), person_id (prefixed), source_record_id.
     */
    public static Dataset<Row> variants(Dataset<Row> recordPerson, Dataset<Row> reclustered, List<Double> thresholds) {
        String[] key = {RecordPersonColumns.AGENCY, RecordPersonColumns.DATASET, RecordPersonColumns.RECORD_ID};
        Dataset<Row> mainPersons = recordPerson.select(
                col(key[0]),
                col(key[1]),
                col(key[2]),
                col(RecordPersonColumns.PERSON_ID).as("_main"));
        Dataset<Row> both = reclustered.join(mainPersons, key);
        Dataset<Row> out = null;
        for (double t : thresholds) {
            Dataset<Row> at = both.where(col(ThresholdSensitivity.THRESHOLD).equalTo(t));
            for (boolean main : new boolean[] {true, false}) {
                Column prefix = lit(prefix(t, main));
                Dataset<Row> v = at.select(
                        col(key[0]),
                        col(key[1]),
                        concat(prefix, col(key[2])).as(key[2]),
                        concat(prefix, col(main ? "_main" : RecordPersonColumns.PERSON_ID))
                                .as(RecordPersonColumns.PERSON_ID),
                        col(key[2]).as(SOURCE_RECORD_ID));
                out = out == null ? v : out.unionByName(v);
            }
        }
        return out;
    }

    /**
     * Distinct persons of each variant, by its {@link #prefix}, in one aggregation: a variant's person ids start with
     * its prefix, which ends at their first "|". A variant without records is absent.
     */
    public static Map<String, Long> persons(Dataset<Row> variants) {
        Map<String, Long> out = new TreeMap<>();
        for (Row r : variants.groupBy(substring_index(col(RecordPersonColumns.PERSON_ID), PREFIX_END, 1))
                .agg(countDistinct(col(RecordPersonColumns.PERSON_ID)))
                .collectAsList()) {
            out.put(r.getString(0) + PREFIX_END, r.getLong(1));
        }
        return out;
    }

    /** A staged table's rows of the variants' records, once per variant, record_id prefixed as in the variants. */
    public static Dataset<Row> restrict(Dataset<Row> staged, Dataset<Row> variants) {
        String[] key = {RecordPersonColumns.AGENCY, RecordPersonColumns.DATASET, SOURCE_RECORD_ID};
        Dataset<Row> keys = variants.select(
                col(key[0]),
                col(key[1]),
                col(SOURCE_RECORD_ID),
                col(RecordPersonColumns.RECORD_ID).as("_variant_id"));
        return staged.withColumnRenamed(RecordPersonColumns.RECORD_ID, SOURCE_RECORD_ID)
                .join(keys, key)
                .withColumnRenamed("_variant_id", RecordPersonColumns.RECORD_ID)
                .drop(SOURCE_RECORD_ID)
                .select(
                        staged.columns()[0],
                        java.util.Arrays.copyOfRange(staged.columns(), 1, staged.columns().length));
    }

    /**
     * The table's rows. mainPersons: persons at the main threshold; others: per other threshold, its records and
     * persons re-clustered and their main persons, and the two variants' headline cells.
     */
    public static Dataset<Row> table(
            SparkSession spark,
            double main,
            long mainPersons,
            Map<String, Cell> headline,
            List<Other> others,
            double tolerance) {
        List<Row> rows = new ArrayList<>();
        for (String p : POPULATIONS) {
            Cell h = headline.get(p);
            rows.add(row(main, true, mainPersons, 0, p, h, h, tolerance));
        }
        for (Other o : others) {
            long persons = mainPersons - o.mainPersons() + o.persons();
            for (String p : POPULATIONS) {
                Cell h = headline.get(p);
                Cell at = h == null
                        ? null
                        : h.plus(o.mainCells().get(p), -1).plus(o.cells().get(p), 1);
                rows.add(row(o.threshold(), false, persons, o.records(), p, at, h, tolerance));
            }
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    /**
     * A threshold other than the main one: records re-clustered there, the main persons and their persons there,
     * and the measures library's headline cells of the re-clustered records under each.
     */
    public record Other(
            double threshold,
            long records,
            long mainPersons,
            long persons,
            Map<String, Cell> mainCells,
            Map<String, Cell> cells) {}

    private static Row row(
            double threshold,
            boolean main,
            long persons,
            long records,
            String population,
            Cell at,
            Cell mainCell,
            double tolerance) {
        Double rate = at == null ? null : at.rate();
        Double mainRate = mainCell == null ? null : mainCell.rate();
        Double change = rate == null || mainRate == null ? null : rate - mainRate;
        return RowFactory.create(
                threshold,
                main,
                persons,
                records,
                population,
                at == null ? null : java.sql.Date.valueOf(at.cohortStart()),
                at == null ? null : java.sql.Date.valueOf(at.cohortEnd()),
                at == null ? null : at.offenders(),
                at == null ? null : at.reoffenders(),
                rate,
                change,
                change != null && Math.abs(change) > tolerance + 1e-12);
    }

    /** Whether any threshold moves a headline rate by more than the tolerance (the pack's data-quality sheet says so). */
    public static boolean exceeds(List<Row> table) {
        return table.stream().anyMatch(r -> r.getBoolean(SCHEMA.fieldIndex("exceeds_tolerance")));
    }
}
