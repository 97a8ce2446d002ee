package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;
import static org.lcjp.reoffending.impact.MatchingColumns.AGE;
import static org.lcjp.reoffending.impact.MatchingColumns.DAYS_TO_FIRST_REOFFENCE;
import static org.lcjp.reoffending.impact.MatchingColumns.FEMALE;
import static org.lcjp.reoffending.impact.MatchingColumns.HARM_DAYS;
import static org.lcjp.reoffending.impact.MatchingColumns.INDEX_DATE;
import static org.lcjp.reoffending.impact.MatchingColumns.OFFENCE_GROUP;
import static org.lcjp.reoffending.impact.MatchingColumns.PERSON_ID;
import static org.lcjp.reoffending.impact.MatchingColumns.PREVIOUS_OFFENCES;
import static org.lcjp.reoffending.impact.MatchingColumns.REOFFENCES;
import static org.lcjp.reoffending.impact.MatchingColumns.REOFFENDED;
import static org.lcjp.reoffending.impact.MatchingColumns.TREATED;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.measures.AgeAtDate;
import org.lcjp.reoffending.measures.FollowUpWindow;
import org.lcjp.reoffending.measures.IndexEvents;
import org.lcjp.reoffending.measures.MeasureColumns;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.settings.CohortSettings;

/**
 * The one shape of a treated/control sample for {@link TreatmentComparison} (Checkpoint diversion, RJ): one row per
 * unit with the matching covariates taken at the index date and the proven reoffences after it.
 */
public final class ComparisonSample {
    /** Matched on age, sex, previous offences, harm and group of the index offence, in the same financial year. */
    public static final MatchingDesign DESIGN =
            new MatchingDesign(PERSON_ID, MatchingColumns.NUMERIC_COVARIATES, OFFENCE_GROUP, ComparisonPeriods.PERIOD);

    public static final List<String> COLUMNS = List.of(
            PERSON_ID,
            OutcomeSummaries.GROUP_NAME,
            TREATED,
            INDEX_DATE,
            ComparisonPeriods.PERIOD,
            ComparisonPeriods.PERIOD_START,
            ComparisonPeriods.PERIOD_END,
            AGE,
            FEMALE,
            PREVIOUS_OFFENCES,
            HARM_DAYS,
            OFFENCE_GROUP,
            REOFFENCES,
            REOFFENDED,
            DAYS_TO_FIRST_REOFFENCE);

    private ComparisonSample() {}

    /**
     * @param units      person_id, group_name, treated, index_date, the period columns (ComparisonPeriods.select), and
     *                   harm_days and offence_group of the index offence
     * @param attributes PersonAttributes (person_id, dob_cipher, sex)
     * @param proven     ProvenOffences
     * @return {@link #COLUMNS}: age (null when the date of birth is unknown), female, previous offences (disposed of
     *         before the index date), reoffences (methodology.md section 3), reoffended (0/1)
     */
    public static Dataset<Row> describe(
            Dataset<Row> units,
            Dataset<Row> attributes,
            Dataset<Row> proven,
            CohortSettings cohort,
            DateOfBirthCipher cipher) {
        Dataset<Row> described = units.join(
                        attributes.select(PERSON_ID, MeasureColumns.DOB_CIPHER, MeasureColumns.SEX),
                        new String[] {PERSON_ID},
                        "left")
                .withColumn(
                        AGE,
                        AgeAtDate.age(cipher, col(MeasureColumns.DOB_CIPHER), col(INDEX_DATE))
                                .cast("double"))
                .withColumn(
                        FEMALE, when(col(MeasureColumns.SEX).equalTo("F"), 1.0).otherwise(0.0))
                .drop(MeasureColumns.DOB_CIPHER, MeasureColumns.SEX);
        Dataset<Row> withPrevious = IndexEvents.withPreviousOffences(
                        described, proven, cohort.previousOffenceBandStarts())
                .withColumn(PREVIOUS_OFFENCES, col(PREVIOUS_OFFENCES).cast("double"))
                .drop(MeasureColumns.PREVIOUS_OFFENCES_BAND);
        return new FollowUpWindow(cohort)
                .withReoffences(withPrevious, proven)
                .withColumn(REOFFENDED, when(col(REOFFENCES).gt(0), 1).otherwise(0))
                .select(COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
    }
}
