package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static org.lcjp.reoffending.measures.MeasureColumns.DISPOSAL_DATE;
import static org.lcjp.reoffending.measures.MeasureColumns.INDEX_DATE;
import static org.lcjp.reoffending.measures.MeasureColumns.PERSON_ID;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.measures.AgeAtDate;
import org.lcjp.reoffending.measures.MeasureColumns;
import org.lcjp.reoffending.measures.StagedTables;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.settings.ComparisonSettings;

/**
 * The IOM pre/post sample (methodology.md section 5). Each adopted person at their first adoption date, with its IOM
 * category; a comparison group of adults never adopted, each at a pseudo-adoption date taken from their own history
 * (a date on which they had an offence disposed of, as adoption follows offending). Both only with complete
 * follow-up, in the financial year of the date.
 *
 * <p>Matching is on coarsened strata of prior offending, 1:1 with replacement, so that both groups are selected at
 * the same height of offending and regression to the mean affects both. Each adopted person is matched at the finest
 * of three levels that has a candidate: (1) the same calendar quarter, prior 12-month proven offences (capped) and
 * prior harm in doubling bands; (2) the same financial year, prior offences in bands and harm in quadrupling bands;
 * (3) the same financial year and prior-offence band. Within a stratum the k-th adopted person takes the
 * (k mod m)-th of its m candidates in a fixed hash order: an equi-join, never a search. The finest strata alone are
 * too fine to fill (an adopted person's exact count of offences in a given quarter is often unique).
 */
public final class IomSample {
    public static final String ADOPTED_DATE = "adopted_date";
    public static final String CATEGORY = "category";
    public static final String IOM = "IOM";
    public static final String COMPARISON = "COMPARISON";
    public static final String MATCHED = "matched";
    /** 1, 2 or 3: the strata an adopted person was matched in (null when unmatched); see the class comment. */
    public static final String MATCH_LEVEL = "match_level";

    public static final int LEVELS = 3;
    private static final String STRATUM = "stratum";
    private static final String LEVEL = "_level";

    private final CohortSettings cohort;
    private final ComparisonSettings settings;
    private final DateOfBirthCipher cipher;

    public IomSample(CohortSettings cohort, ComparisonSettings settings, DateOfBirthCipher cipher) {
        this.cohort = cohort;
        this.settings = settings;
        this.cipher = cipher;
    }

    /**
     * @param iomCohort    staged iom/cohort
     * @param recordPerson linkage record_person
     * @param proven       ProvenOffences
     * @param attributes   PersonAttributes (person_id, dob_cipher), for the comparison group's age
     * @param periods      complete follow-up and financial years
     * @return one row per adopted person and one per match: person_id, group_name (IOM, COMPARISON), index_date,
     *         period, period_start, period_end, category (the adopted person's, also on their comparison row),
     *         matched, match_level and the PrePostOffending columns; a comparison person used n times appears n times
     */
    public Dataset<Row> build(
            Dataset<Row> iomCohort,
            Dataset<Row> recordPerson,
            Dataset<Row> proven,
            Dataset<Row> attributes,
            ComparisonPeriods periods) {
        PrePostOffending prePost = new PrePostOffending(cohort);
        Column category = upper(coalesce(
                StagedTables.optional(iomCohort, CATEGORY, DataTypes.StringType), lit(MeasureColumns.UNKNOWN)));
        Dataset<Row> everAdopted =
                LinkedRecords.of(iomCohort.withColumn(CATEGORY, category), Datasets.IOM_COHORT, recordPerson);
        Dataset<Row> first = everAdopted
                .withColumn(
                        "_n",
                        row_number()
                                .over(Window.partitionBy(PERSON_ID)
                                        .orderBy(col(ADOPTED_DATE), col(StagedColumns.RECORD_ID))))
                .filter(col("_n").equalTo(1))
                .select(col(PERSON_ID), col(ADOPTED_DATE).as(INDEX_DATE), col(CATEGORY));
        Dataset<Row> adopted = levels(prePost.build(periods.select(first, INDEX_DATE), proven));

        Dataset<Row> candidateDates = proven.select(
                        col(PERSON_ID), col(DISPOSAL_DATE).as(INDEX_DATE))
                .distinct()
                .join(everAdopted.select(PERSON_ID), new String[] {PERSON_ID}, "left_anti")
                .join(attributes.select(PERSON_ID, MeasureColumns.DOB_CIPHER), new String[] {PERSON_ID}, "left")
                .filter(AgeAtDate.age(cipher, col(MeasureColumns.DOB_CIPHER), col(INDEX_DATE))
                        .geq(cohort.adultAge()))
                .drop(MeasureColumns.DOB_CIPHER);
        Dataset<Row> inYears = periods.select(candidateDates, INDEX_DATE)
                .join(
                        adopted.select(ComparisonPeriods.PERIOD).distinct(),
                        new String[] {ComparisonPeriods.PERIOD},
                        "left_semi");
        Dataset<Row> candidates = levels(prePost.build(inYears, proven));

        // Every candidate in each level's stratum, numbered in a fixed hash order; m = the stratum's size.
        Dataset<Row> numberedCandidates = byLevel(candidates)
                .withColumn(
                        "_j",
                        row_number()
                                .over(Window.partitionBy(LEVEL, STRATUM)
                                        .orderBy(
                                                hash(col(PERSON_ID), col(INDEX_DATE)), col(PERSON_ID), col(INDEX_DATE)))
                                .minus(1))
                .withColumn("_m", count(lit(1)).over(Window.partitionBy(LEVEL, STRATUM)));
        Dataset<Row> sizes =
                numberedCandidates.select(col(LEVEL), col(STRATUM), col("_m")).distinct();
        // Each adopted person's finest level with a candidate, then the k-th of a stratum takes candidate k mod m.
        Dataset<Row> chosen = byLevel(adopted)
                .join(sizes, new String[] {LEVEL, STRATUM})
                .withColumn(
                        "_finest",
                        row_number().over(Window.partitionBy(PERSON_ID).orderBy(col(LEVEL))))
                .filter(col("_finest").equalTo(1))
                .withColumn(
                        "_k",
                        row_number()
                                .over(Window.partitionBy(LEVEL, STRATUM).orderBy(col(PERSON_ID)))
                                .minus(1))
                .withColumn("_j", pmod(col("_k"), col("_m")))
                .select(col(PERSON_ID), col(LEVEL), col(STRATUM), col("_j"));
        Dataset<Row> treated = adopted.join(
                        chosen.select(col(PERSON_ID), col(LEVEL).as(MATCH_LEVEL)), new String[] {PERSON_ID}, "left")
                .withColumn(OutcomeSummaries.GROUP_NAME, lit(IOM))
                .withColumn(MATCHED, col(MATCH_LEVEL).isNotNull());
        Dataset<Row> partners = chosen.join(
                        adopted.select(
                                col(PERSON_ID),
                                col(CATEGORY),
                                col(ComparisonPeriods.PERIOD),
                                col(ComparisonPeriods.PERIOD_START),
                                col(ComparisonPeriods.PERIOD_END)),
                        PERSON_ID)
                .select(
                        col(LEVEL),
                        col(STRATUM),
                        col("_j"),
                        col(LEVEL).as(MATCH_LEVEL),
                        col(CATEGORY),
                        col(ComparisonPeriods.PERIOD),
                        col(ComparisonPeriods.PERIOD_START),
                        col(ComparisonPeriods.PERIOD_END));
        Dataset<Row> comparison = partners.join(
                        numberedCandidates.drop(
                                CATEGORY,
                                ComparisonPeriods.PERIOD,
                                ComparisonPeriods.PERIOD_START,
                                ComparisonPeriods.PERIOD_END,
                                "_m"),
                        new String[] {LEVEL, STRATUM, "_j"})
                .withColumn(OutcomeSummaries.GROUP_NAME, lit(COMPARISON))
                .withColumn(MATCHED, lit(true));
        String[] out = {
            PERSON_ID,
            OutcomeSummaries.GROUP_NAME,
            INDEX_DATE,
            ComparisonPeriods.PERIOD,
            ComparisonPeriods.PERIOD_START,
            ComparisonPeriods.PERIOD_END,
            CATEGORY,
            MATCHED,
            MATCH_LEVEL,
            PrePostOffending.BEFORE_OFFENCES,
            PrePostOffending.AFTER_OFFENCES,
            PrePostOffending.BEFORE_HARM,
            PrePostOffending.AFTER_HARM
        };
        String[] rest = java.util.Arrays.copyOfRange(out, 1, out.length);
        return treated.select(PERSON_ID, rest).unionByName(comparison.select(PERSON_ID, rest));
    }

    /** Adds the stratum of each level (stratum_1..3). */
    private Dataset<Row> levels(Dataset<Row> prePost) {
        Column offences = col(PrePostOffending.BEFORE_OFFENCES);
        Column harm = col(PrePostOffending.BEFORE_HARM).plus(1);
        Column capped = least(offences, lit((double) settings.iomPriorOffencesCap()));
        Column band = lit(0);
        for (int start : settings.iomPriorOffenceBandStarts()) {
            band = when(offences.geq(start), lit(start)).otherwise(band);
        }
        // Doubling bands: 0, 1, 2-3, 4-7, ... days of harm (harm weights span four orders of magnitude).
        Column doubling = floor(log(2.0, harm));
        Column quadrupling = floor(log(4.0, harm));
        Column quarter = trunc(col(INDEX_DATE), "quarter").cast("string");
        Column year = col(ComparisonPeriods.PERIOD);
        return prePost.withColumn(
                        STRATUM + "_1", concat_ws("|", quarter, capped.cast("string"), doubling.cast("string")))
                .withColumn(STRATUM + "_2", concat_ws("|", year, band.cast("string"), quadrupling.cast("string")))
                .withColumn(STRATUM + "_3", concat_ws("|", year, band.cast("string")));
    }

    /** One row per unit and level, with that level's stratum. */
    private static Dataset<Row> byLevel(Dataset<Row> units) {
        List<Dataset<Row>> parts = new ArrayList<>();
        for (int level = 1; level <= LEVELS; level++) {
            parts.add(units.withColumn(LEVEL, lit(level)).withColumn(STRATUM, col(STRATUM + "_" + level)));
        }
        Dataset<Row> all = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            all = all.unionByName(parts.get(i));
        }
        return all.drop(STRATUM + "_1", STRATUM + "_2", STRATUM + "_3");
    }
}
