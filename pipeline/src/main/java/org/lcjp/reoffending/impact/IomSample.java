package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trunc;
import static org.lcjp.reoffending.measures.MeasureColumns.DISPOSAL_DATE;
import static org.lcjp.reoffending.measures.MeasureColumns.INDEX_DATE;
import static org.lcjp.reoffending.measures.MeasureColumns.PERSON_ID;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.settings.ComparisonSettings;

/**
 * The IOM pre/post sample (methodology.md section 5): each adopted person at their first adoption date, and a
 * comparison group of people never adopted, each at a pseudo-adoption date taken from their own history (a date on
 * which they had an offence disposed of, as adoption follows offending), matched 1:1 with replacement on the same
 * stratum: prior 12-month proven offences (capped), prior harm in doubling bands, and calendar quarter. That is
 * what separates the scheme's effect from regression to the mean: both groups are selected at the same height of
 * offending. Within a stratum the k-th adopted person takes the (k mod m)-th candidate in a fixed hash order, an
 * equi-join rather than a search.
 */
public final class IomSample {
    public static final String ADOPTED_DATE = "adopted_date";
    public static final String IOM = "IOM";
    public static final String COMPARISON = "COMPARISON";
    public static final String MATCHED = "matched";
    private static final String STRATUM = "stratum";

    private final CohortSettings cohort;
    private final ComparisonSettings settings;

    public IomSample(CohortSettings cohort, ComparisonSettings settings) {
        this.cohort = cohort;
        this.settings = settings;
    }

    /**
     * @return person-level rows: person_id, group_name (IOM, COMPARISON), index_date, matched (an IOM person with a
     *         comparison partner; true for every comparison row) and the PrePostOffending columns; a comparison
     *         person used n times appears n times
     */
    public Dataset<Row> build(Dataset<Row> iomCohort, Dataset<Row> recordPerson, Dataset<Row> proven) {
        PrePostOffending prePost = new PrePostOffending(cohort);
        Dataset<Row> adopted = LinkedRecords.of(iomCohort, Datasets.IOM_COHORT, recordPerson)
                .groupBy(PERSON_ID).agg(min(col(ADOPTED_DATE)).as(INDEX_DATE));
        Dataset<Row> iom = stratified(prePost.build(adopted, proven));

        Dataset<Row> bounds = adopted.agg(min(col(INDEX_DATE)).as("_from"), max(col(INDEX_DATE)).as("_to"));
        Dataset<Row> candidateDates = proven.select(col(PERSON_ID), col(DISPOSAL_DATE).as(INDEX_DATE)).distinct()
                .join(adopted.select(PERSON_ID), new String[] {PERSON_ID}, "left_anti")
                .crossJoin(bounds)
                .filter(trunc(col(INDEX_DATE), "quarter").between(trunc(col("_from"), "quarter"), trunc(col("_to"), "quarter")))
                .drop("_from", "_to");
        Dataset<Row> candidates = stratified(prePost.build(candidateDates, proven))
                .withColumn("_j", row_number().over(Window.partitionBy(STRATUM)
                        .orderBy(hash(col(PERSON_ID), col(INDEX_DATE)), col(PERSON_ID), col(INDEX_DATE))).minus(1))
                .withColumn("_m", count(lit(1)).over(Window.partitionBy(STRATUM)));
        Dataset<Row> sizes = candidates.select(col(STRATUM), col("_m")).distinct();
        Dataset<Row> numbered = iom
                .withColumn("_k", row_number().over(Window.partitionBy(STRATUM).orderBy(col(PERSON_ID))).minus(1))
                .join(sizes, new String[] {STRATUM}, "left")
                .withColumn("_j", pmod(col("_k"), col("_m")));
        Dataset<Row> comparison = numbered.select(col(STRATUM), col("_j"), col(PERSON_ID).as("_partner"))
                .join(candidates.drop("_m"), new String[] {STRATUM, "_j"})
                .withColumn(OutcomeSummaries.GROUP_NAME, lit(COMPARISON)).withColumn(MATCHED, lit(true));
        Dataset<Row> treated = numbered.withColumn(OutcomeSummaries.GROUP_NAME, lit(IOM))
                .withColumn(MATCHED, col("_m").isNotNull());
        String[] out = {PERSON_ID, OutcomeSummaries.GROUP_NAME, INDEX_DATE, MATCHED, PrePostOffending.BEFORE_OFFENCES,
                PrePostOffending.AFTER_OFFENCES, PrePostOffending.BEFORE_HARM, PrePostOffending.AFTER_HARM};
        return treated.select(PERSON_ID, java.util.Arrays.copyOfRange(out, 1, out.length))
                .unionByName(comparison.select(PERSON_ID, java.util.Arrays.copyOfRange(out, 1, out.length)));
    }

    private Dataset<Row> stratified(Dataset<Row> prePost) {
        Column offences = least(col(PrePostOffending.BEFORE_OFFENCES), lit((double) settings.iomPriorOffencesCap()));
        // Doubling bands: 0, 1, 2-3, 4-7, ... days of harm; harm weights span four orders of magnitude.
        Column harmBand = floor(log(2.0, col(PrePostOffending.BEFORE_HARM).plus(1)));
        return prePost.withColumn(STRATUM, org.apache.spark.sql.functions.concat_ws("|",
                offences.cast("string"), harmBand.cast("string"), trunc(col(INDEX_DATE), "quarter").cast("string")));
    }
}
