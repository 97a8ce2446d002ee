package org.lcjp.reoffending.rj;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.lcjp.reoffending.impact.MatchingColumns.HARM_DAYS;
import static org.lcjp.reoffending.impact.MatchingColumns.INDEX_DATE;
import static org.lcjp.reoffending.impact.MatchingColumns.OFFENCE_GROUP;
import static org.lcjp.reoffending.impact.MatchingColumns.PERSON_ID;
import static org.lcjp.reoffending.impact.MatchingColumns.TREATED;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.impact.ComparisonPeriods;
import org.lcjp.reoffending.impact.ComparisonRow;
import org.lcjp.reoffending.impact.ComparisonSample;
import org.lcjp.reoffending.impact.LinkedRecords;
import org.lcjp.reoffending.impact.MatchingDesign;
import org.lcjp.reoffending.impact.OutcomeSummaries;
import org.lcjp.reoffending.impact.TreatmentComparison;
import org.lcjp.reoffending.measures.MeasureColumns;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.settings.CohortSettings;

/**
 * The RJ comparison sample, exactly as methodology.md section 8 defines it. The treated: each person's first referral
 * that ended in a completed process (CONFERENCE or INDIRECT), indexed at the disposal of the proven offence the
 * referral follows (the person's latest proven offence disposed of on or before the referral date), not at the
 * outcome date, which would skip the riskiest weeks after disposal and count the referred offence as a previous one.
 * Controls: people with a proven offence disposed of in the quarter of a treated index date who had not been referred
 * on or before that disposal (a later referral does not exclude them), indexed at their first such disposal of the
 * quarter. Also people whose only referrals ended otherwise, indexed as the treated. Only units whose follow-up is
 * complete count, each in the financial year of its index date (as every comparison: {@link ComparisonPeriods}).
 * Covariates at the index date for everyone, the index offence being the most harmful disposed of that day. One row
 * per unit in the columns of
 * {@link ComparisonSample} (as the Checkpoint sample), person_id being
 * {@code <person>@<index date>} since a person may be a control in several quarters.
 */
public final class RjSample {
    public static final String COMPLETED = "COMPLETED";
    public static final String NOT_REFERRED = "NOT_REFERRED";
    public static final String ENDED_OTHERWISE = "ENDED_OTHERWISE";
    /** Completed processes against not referred: observed and matched, subgroup ALL. */
    public static final TreatmentComparison.Arms ARMS =
            new TreatmentComparison.Arms(ComparisonRow.RJ, COMPLETED, NOT_REFERRED);
    /** Completed processes against referrals that ended otherwise: observed, subgroup REFERRED. */
    public static final TreatmentComparison.Arms REFERRED_ARMS =
            new TreatmentComparison.Arms(ComparisonRow.RJ, COMPLETED, ENDED_OTHERWISE);

    public static final String REFERRED = "REFERRED";
    /** Matched as Checkpoint: age, sex, previous offences, harm and group of the index offence, in the same year. */
    public static final MatchingDesign DESIGN = ComparisonSample.DESIGN;

    public static final List<String> COMPLETED_OUTCOMES = RjActivity.COMPLETED;
    public static final List<String> OTHER_OUTCOMES =
            List.of("VICTIM_DECLINED", "OFFENDER_DECLINED", "NOT_SUITABLE", "WITHDRAWN");
    static final String REFERRAL_DATE = RjActivity.REFERRAL_DATE;
    static final String OUTCOME = RjActivity.OUTCOME;
    private static final String PERSON = "_person";

    private final CohortSettings cohort;
    private final DateOfBirthCipher cipher;

    public RjSample(CohortSettings cohort, DateOfBirthCipher cipher) {
        this.cohort = cohort;
        this.cipher = cipher;
    }

    /**
     * @param sample              the units: COMPLETED, NOT_REFERRED and ENDED_OTHERWISE rows
     * @param referralsWithoutIndex referrals (completed or ended otherwise) with no proven offence disposed of on or
     *                            before them (e.g. after a community resolution): left out, and counted
     */
    public record Built(Dataset<Row> sample, long referralsWithoutIndex) {}

    /**
     * @param referrals    staged rj/referrals
     * @param recordPerson linkage record_person
     * @param attributes   PersonAttributes (person_id, dob_cipher, sex)
     * @param proven       ProvenOffences (person_id, offence_code, disposal_date, offence_group, harm_days...)
     * @param periods      which index dates have complete follow-up, and their financial year
     */
    public Built build(
            Dataset<Row> referrals,
            Dataset<Row> recordPerson,
            Dataset<Row> attributes,
            Dataset<Row> proven,
            ComparisonPeriods periods) {
        Dataset<Row> linked = LinkedRecords.of(referrals, Datasets.RJ_REFERRALS, recordPerson)
                .select(col(PERSON_ID), col(StagedColumns.RECORD_ID), col(REFERRAL_DATE), col(OUTCOME));
        Dataset<Row> disposals = proven.select(
                col(PERSON_ID).as("_pp"), col(MeasureColumns.DISPOSAL_DATE).as("_pd"));
        // Each referral's index: the latest disposal on or before the referral date (null when there is none).
        Dataset<Row> indexed = linked.join(
                        disposals,
                        col(PERSON_ID).equalTo(col("_pp")).and(col("_pd").leq(col(REFERRAL_DATE))),
                        "left")
                .groupBy(PERSON_ID, StagedColumns.RECORD_ID, REFERRAL_DATE, OUTCOME)
                .agg(max(col("_pd")).as(INDEX_DATE))
                .persist();
        try {
            Column completed = col(OUTCOME).isin(COMPLETED_OUTCOMES.toArray());
            Column other = col(OUTCOME).isin(OTHER_OUTCOMES.toArray());
            long withoutIndex = indexed.filter(
                            completed.or(other).and(col(INDEX_DATE).isNull()))
                    .count();
            Dataset<Row> treated = first(indexed.filter(completed), COMPLETED);
            Dataset<Row> everCompleted =
                    indexed.filter(completed).select(PERSON_ID).distinct();
            Dataset<Row> endedOtherwise = first(
                    indexed.filter(other).join(everCompleted, new String[] {PERSON_ID}, "left_anti"), ENDED_OTHERWISE);
            Dataset<Row> controls = controls(treated, endedOtherwise, indexed, proven);
            // Controls are drawn from the quarters of all treated index dates, then every unit must have complete
            // follow-up: a quarter straddling the last complete date keeps only its complete units on both sides.
            Dataset<Row> units =
                    periods.select(treated.unionByName(endedOtherwise).unionByName(controls), INDEX_DATE);
            return new Built(described(units, attributes, proven), withoutIndex);
        } finally {
            indexed.unpersist();
        }
    }

    /** Each person's first referral of a kind that has an index date: person_id, group_name, index_date. */
    private static Dataset<Row> first(Dataset<Row> referrals, String group) {
        return referrals
                .filter(col(INDEX_DATE).isNotNull())
                .withColumn(
                        "_n",
                        row_number()
                                .over(Window.partitionBy(PERSON_ID)
                                        .orderBy(col(REFERRAL_DATE), col(StagedColumns.RECORD_ID))))
                .filter(col("_n").equalTo(1))
                .select(col(PERSON_ID), lit(group).as(OutcomeSummaries.GROUP_NAME), col(INDEX_DATE));
    }

    /**
     * People with a disposal in a quarter holding a treated index date, not referred on or before it: their first such
     * disposal of the quarter. Only the disposal a treated (or ended-otherwise) unit is indexed at is not also a
     * control: nobody is their own comparison. A later referral, even about that offence, excludes nobody.
     */
    private Dataset<Row> controls(
            Dataset<Row> treated, Dataset<Row> endedOtherwise, Dataset<Row> referrals, Dataset<Row> proven) {
        Dataset<Row> quarters =
                treated.select(quarter(col(INDEX_DATE)).as("_quarter")).distinct();
        Dataset<Row> firstReferral = referrals
                .groupBy(col(PERSON_ID).as("_rp"))
                .agg(min(col(REFERRAL_DATE)).as("_first_referral"));
        Dataset<Row> referred = treated.unionByName(endedOtherwise).select(PERSON_ID, INDEX_DATE);
        return proven.select(col(PERSON_ID), col(MeasureColumns.DISPOSAL_DATE).as(INDEX_DATE))
                .withColumn("_quarter", quarter(col(INDEX_DATE)))
                .join(broadcast(quarters), "_quarter")
                .join(referred, new String[] {PERSON_ID, INDEX_DATE}, "left_anti")
                .join(firstReferral, col(PERSON_ID).equalTo(col("_rp")), "left")
                .filter(col("_first_referral")
                        .isNull()
                        .or(col("_first_referral").gt(col(INDEX_DATE))))
                .groupBy(PERSON_ID, "_quarter")
                .agg(min(col(INDEX_DATE)).as(INDEX_DATE))
                .select(col(PERSON_ID), lit(NOT_REFERRED).as(OutcomeSummaries.GROUP_NAME), col(INDEX_DATE));
    }

    /** The calendar quarter of a date, as its first day. */
    private static Column quarter(Column date) {
        return org.apache.spark.sql.functions.date_trunc("quarter", date).cast("date");
    }

    /** Covariates at the index date and the proven reoffences after it, in the Checkpoint sample's columns. */
    private Dataset<Row> described(Dataset<Row> units, Dataset<Row> attributes, Dataset<Row> proven) {
        // The index offence: the most harmful disposed of on the index date, then the lowest code (section 2).
        Dataset<Row> indexOffence = proven.select(
                        col(PERSON_ID).as("_op"),
                        col(MeasureColumns.DISPOSAL_DATE).as("_od"),
                        struct(
                                        col(MeasureColumns.HARM_DAYS).as("h"),
                                        col(MeasureColumns.OFFENCE_CODE).as("c"),
                                        col(MeasureColumns.OFFENCE_GROUP).as("g"))
                                .as("_o"))
                .withColumn(
                        "_rank",
                        row_number()
                                .over(Window.partitionBy("_op", "_od")
                                        .orderBy(col("_o.h").desc(), col("_o.c"))))
                .filter(col("_rank").equalTo(1));
        Dataset<Row> described = units.join(
                        indexOffence,
                        col(PERSON_ID).equalTo(col("_op")).and(col(INDEX_DATE).equalTo(col("_od"))),
                        "left")
                .withColumn(
                        OFFENCE_GROUP,
                        org.apache.spark.sql.functions.coalesce(col("_o.g"), lit(MeasureColumns.UNKNOWN)))
                .withColumn(HARM_DAYS, org.apache.spark.sql.functions.coalesce(col("_o.h"), lit(0.0)))
                .drop("_op", "_od", "_o", "_rank")
                .withColumn(TREATED, col(OutcomeSummaries.GROUP_NAME).equalTo(COMPLETED));
        // The unit id replaces the person id only once the person's records have been joined.
        return ComparisonSample.describe(described, attributes, proven, cohort, cipher)
                .withColumn(PERSON, col(PERSON_ID))
                .withColumn(
                        PERSON_ID, concat_ws("@", col(PERSON), col(INDEX_DATE).cast("string")))
                .select(ComparisonSample.COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
    }
}
