package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;
import static org.lcjp.reoffending.measures.MeasureColumns.INDEX_DATE;
import static org.lcjp.reoffending.measures.MeasureColumns.PERSON_ID;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.measures.StagedTables;

/**
 * Flags each index event with the needs seen in the months before it (methodology.md section 5, female offenders):
 * substance-misuse treatment, housing support or probation supervision active at any time in the look-back window
 * [index - lookBackMonths, index). A spell runs from its start_date, or its referral_date where that is blank (a
 * referral counts from the day it was made), to its end_date, or the index date where that is blank; it is active
 * in the window when it began before the index date and had not ended before the window opened.
 * <p>
 * Beside these, the ten assessed needs of section 10 ({@link #withAssessedNeeds}): from the person's latest probation
 * assessment dated in the months up to the index date; null (not 0) when there is none, so that a share of people
 * with an assessed need is a share of the people assessed, not diluted by those never assessed.
 */
public final class NeedsProfile {
    public static final String SUBSTANCE_MISUSE = "SUBSTANCE_MISUSE";
    public static final String HOUSING_SUPPORT = "HOUSING_SUPPORT";
    public static final String PROBATION_SUPERVISION = "PROBATION_SUPERVISION";
    public static final List<String> NEEDS = List.of(SUBSTANCE_MISUSE, HOUSING_SUPPORT, PROBATION_SUPERVISION);
    /** The assessment's ten needs as published (ACCOMMODATION ... ATTITUDES). */
    public static final List<String> ASSESSED = AssessedNeeds.NEEDS;

    public static final String START_DATE = "start_date";
    public static final String END_DATE = "end_date";
    public static final String REFERRAL_DATE = "referral_date";

    private final int lookBackMonths;

    /** @param lookBackMonths months before the index date in which a spell counts (methodology: 12) */
    public NeedsProfile(int lookBackMonths) {
        this.lookBackMonths = lookBackMonths;
    }

    /** The column holding the 0/1 flag of a need. */
    public static String flag(String need) {
        return "need_" + need.toLowerCase(Locale.ROOT);
    }

    /** Adds one 0/1 column per need ({@link #flag}) to events with person_id and index_date; one row in, one out. */
    public Dataset<Row> build(
            Dataset<Row> events,
            Dataset<Row> substance,
            Dataset<Row> housing,
            Dataset<Row> probation,
            Dataset<Row> recordPerson) {
        Dataset<Row> spells = spells(substance, Datasets.SUBSTANCE_TREATMENT, SUBSTANCE_MISUSE, recordPerson)
                .unionByName(spells(housing, Datasets.HOUSING_SUPPORT, HOUSING_SUPPORT, recordPerson))
                .unionByName(spells(probation, Datasets.PROBATION_SUPERVISION, PROBATION_SUPERVISION, recordPerson));
        Column date = col(INDEX_DATE);
        Column active =
                col("_start").lt(date).and(col("_end").isNull().or(col("_end").geq(add_months(date, -lookBackMonths))));
        Column[] flags = NEEDS.stream()
                .map(n -> max(when(col("_need").equalTo(n), 1).otherwise(0)).as(flag(n)))
                .toArray(Column[]::new);
        Dataset<Row> found = events.select(col(PERSON_ID), date)
                .distinct()
                .join(spells, col(PERSON_ID).equalTo(col("_sp")).and(active))
                .groupBy(PERSON_ID, INDEX_DATE)
                .agg(flags[0], java.util.Arrays.copyOfRange(flags, 1, flags.length));
        Dataset<Row> out = events.join(found, new String[] {PERSON_ID, INDEX_DATE}, "left");
        for (String n : NEEDS) {
            out = out.withColumn(flag(n), org.apache.spark.sql.functions.coalesce(col(flag(n)), lit(0)));
        }
        return out;
    }

    /**
     * Adds one flag per assessed need ({@link #flag} of {@link #ASSESSED}): 1 when the event's assessment found it, 0
     * when it did not (or left the section blank), null when no assessment is dated in the window; one row in, one out.
     *
     * @param assessments {@link AssessedNeeds#linked} assessments
     */
    public static Dataset<Row> withAssessedNeeds(Dataset<Row> events, Dataset<Row> assessments, int lookBackMonths) {
        Dataset<Row> assessed = new AssessedNeeds(lookBackMonths).atIndex(events, assessments);
        for (int i = 0; i < ASSESSED.size(); i++) {
            String column = Datasets.ASSESSED_NEEDS.get(i);
            assessed = assessed.withColumn(
                    flag(ASSESSED.get(i)),
                    when(col(AssessedNeeds.ASSESSMENT_DATE).isNull(), lit(null))
                            .when(AssessedNeeds.has(column), 1)
                            .otherwise(0)
                            .cast(DataTypes.IntegerType));
        }
        return assessed.drop(Datasets.ASSESSED_NEEDS.toArray(String[]::new))
                .drop(AssessedNeeds.ASSESSMENT_DATE, AssessedNeeds.ASSESSMENT_RECORD, AssessedNeeds.REOFFENDING_RISK);
    }

    private static Dataset<Row> spells(Dataset<Row> staged, DatasetId id, String need, Dataset<Row> recordPerson) {
        Dataset<Row> linked = LinkedRecords.of(staged, id, recordPerson);
        Column start = org.apache.spark.sql.functions.coalesce(
                col(START_DATE), StagedTables.optional(linked, REFERRAL_DATE, DataTypes.DateType));
        return linked.select(
                        col(PERSON_ID).as("_sp"),
                        lit(need).as("_need"),
                        start.as("_start"),
                        col(END_DATE).as("_end"))
                .filter(col("_start").isNotNull());
    }
}
