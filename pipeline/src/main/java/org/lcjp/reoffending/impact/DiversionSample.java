package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.lcjp.reoffending.impact.MatchingColumns.HARM_DAYS;
import static org.lcjp.reoffending.impact.MatchingColumns.INDEX_DATE;
import static org.lcjp.reoffending.impact.MatchingColumns.OFFENCE_GROUP;
import static org.lcjp.reoffending.impact.MatchingColumns.PERSON_ID;
import static org.lcjp.reoffending.impact.MatchingColumns.TREATED;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.measures.MeasureColumns;
import org.lcjp.reoffending.measures.OffenceReference;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.settings.CohortSettings;

/**
 * The Checkpoint comparison sample (methodology.md section 5): one row per person, their first eligible decision,
 * DIVERTED (treated) or PROSECUTED, index date = decision date, with the matching covariates and the proven
 * reoffences after it; only decisions whose follow-up is complete, each in its financial year. Age is null when the
 * date of birth is unknown.
 */
public final class DiversionSample {
    public static final String ELIGIBLE = "eligible";
    public static final String DECISION = "decision";
    public static final String DECISION_DATE = "decision_date";
    public static final String DIVERTED = "DIVERTED";
    public static final String PROSECUTED = "PROSECUTED";
    public static final String UNKNOWN_GROUP = "UNKNOWN";
    public static final TreatmentComparison.Arms ARMS =
            new TreatmentComparison.Arms(ComparisonRow.DIVERSION, DIVERTED, PROSECUTED);
    /** Matched on age, sex, previous offences, harm of the referral offence and its offence group, in the same year. */
    public static final MatchingDesign DESIGN = ComparisonSample.DESIGN;

    private final CohortSettings cohort;
    private final DateOfBirthCipher cipher;

    public DiversionSample(CohortSettings cohort, DateOfBirthCipher cipher) {
        this.cohort = cohort;
        this.cipher = cipher;
    }

    /**
     * @param referrals  staged checkpoint/referrals
     * @param recordPerson linkage record_person
     * @param attributes PersonAttributes (person_id, dob_cipher, sex)
     * @param offences   conf/reference/offences.csv
     * @param proven     ProvenOffences
     * @param periods    which decisions have complete follow-up, and their financial year
     */
    public Dataset<Row> build(
            Dataset<Row> referrals,
            Dataset<Row> recordPerson,
            Dataset<Row> attributes,
            Dataset<Row> offences,
            Dataset<Row> proven,
            ComparisonPeriods periods) {
        Dataset<Row> eligible = LinkedRecords.of(
                referrals.filter(col(ELIGIBLE).equalTo("Y")), Datasets.CHECKPOINT_REFERRALS, recordPerson);
        Dataset<Row> first = eligible.withColumn(
                        "_n",
                        row_number()
                                .over(Window.partitionBy(PERSON_ID)
                                        .orderBy(col(DECISION_DATE), col(StagedColumns.RECORD_ID))))
                .filter(col("_n").equalTo(1))
                .select(
                        col(PERSON_ID),
                        col(DECISION).as(OutcomeSummaries.GROUP_NAME),
                        col(DECISION).equalTo(DIVERTED).as(TREATED),
                        col(DECISION_DATE).as(INDEX_DATE),
                        upper(trim(col(MeasureColumns.OFFENCE_CODE))).as("_ref_code"));
        Dataset<Row> described = periods.select(first, INDEX_DATE)
                .join(broadcast(OffenceReference.normalise(offences)), new String[] {"_ref_code"}, "left")
                .withColumn(OFFENCE_GROUP, coalesce(col("_offence_group"), lit(UNKNOWN_GROUP)))
                .withColumn(HARM_DAYS, coalesce(col("_harm_days"), lit(0.0)))
                .drop("_ref_code", "_offence_group", "_is_breach", "_harm_days");
        return ComparisonSample.describe(described, attributes, proven, cohort, cipher);
    }
}
