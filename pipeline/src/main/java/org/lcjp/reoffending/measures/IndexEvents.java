package org.lcjp.reoffending.measures;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static org.lcjp.reoffending.measures.MeasureColumns.*;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.settings.CohortSettings;

/**
 * At most one index event per person per cohort period (methodology.md section 2): the earliest event at which the
 * person is at least the minimum age, the more severe disposal winning a tie, then the more harmful offence, then the
 * lower offence code; with the person's age, population, attributes, local authority and previous offences.
 */
public final class IndexEvents {
    public static final String JUVENILE = "JUVENILE";
    public static final String ADULT = "ADULT";
    /** The force column of areas.csv. */
    public static final String AREAS_FORCE = "force";

    public static final List<String> COLUMNS = List.of(
            PERSON_ID,
            COHORT_START,
            COHORT_END,
            INDEX_DATE,
            INDEX_DISPOSAL,
            SOURCE,
            RECORD_ID,
            DISPOSAL,
            OFFENCE_CODE,
            OFFENCE_GROUP,
            HARM_DAYS,
            SENTENCE_MONTHS,
            SENTENCE_BAND,
            AGE,
            AGE_BAND,
            POPULATION,
            SEX,
            ETHNICITY,
            LOCAL_AUTHORITY,
            FORCE_AREA,
            PREVIOUS_OFFENCES,
            PREVIOUS_OFFENCES_BAND);

    private final CohortSettings settings;
    private final DateOfBirthCipher cipher;

    public IndexEvents(CohortSettings settings, DateOfBirthCipher cipher) {
        this.settings = settings;
        this.cipher = cipher;
    }

    /**
     * @param proven           ProvenOffences output
     * @param releases         staged prisons/releases
     * @param recordPerson     linkage record_person
     * @param personAttributes PersonAttributes output
     * @param areas            conf/reference/areas.csv (postcode_district, local_authority)
     */
    public Dataset<Row> build(
            Dataset<Row> proven,
            Dataset<Row> releases,
            Dataset<Row> recordPerson,
            Dataset<Row> personAttributes,
            Dataset<Row> areas) {
        return select(IndexCandidates.build(proven, releases, recordPerson), proven, personAttributes, areas);
    }

    /** From IndexCandidates output on. */
    public Dataset<Row> select(
            Dataset<Row> candidates, Dataset<Row> proven, Dataset<Row> personAttributes, Dataset<Row> areas) {
        Dataset<Row> aged = candidates
                .join(personAttributes, new String[] {PERSON_ID}, "left")
                .withColumn(AGE, AgeAtDate.age(cipher, col(DOB_CIPHER), col(INDEX_DATE)))
                // Under-age events go before the earliest is chosen, so a later adult-age event can still qualify.
                .filter(col(AGE).geq(settings.minimumAge()))
                .withColumn(COHORT_START, cohortStart(col(INDEX_DATE)));
        Dataset<Row> earliest = aged.withColumn(
                        "_n",
                        row_number()
                                .over(Window.partitionBy(col(PERSON_ID), col(COHORT_START))
                                        .orderBy(
                                                col(INDEX_DATE).asc(),
                                                severity(col(INDEX_DISPOSAL)).asc(),
                                                col(HARM_DAYS).desc(),
                                                col(OFFENCE_CODE).asc(),
                                                col(SOURCE).asc(),
                                                col(RECORD_ID).asc())))
                .filter(col("_n").equalTo(1));
        Dataset<Row> described = earliest.withColumn(
                        COHORT_END, date_sub(add_months(col(COHORT_START), settings.periodMonths()), 1))
                .withColumn(
                        POPULATION,
                        when(col(AGE).geq(settings.adultAge()), lit(ADULT)).otherwise(lit(JUVENILE)))
                .withColumn(
                        AGE_BAND,
                        Bands.band(col(AGE), settings.ageBandStarts(), Bands.countLabels(settings.ageBandStarts())))
                .withColumn(
                        SENTENCE_BAND,
                        when(
                                col(INDEX_DISPOSAL).equalTo(CUSTODY),
                                coalesce(
                                        Bands.band(
                                                col(SENTENCE_MONTHS),
                                                settings.sentenceBandStartsMonths(),
                                                Bands.monthLabels(settings.sentenceBandStartsMonths())),
                                        lit(UNKNOWN))));
        Dataset<Row> located = withLocalAuthority(described, areas);
        return withPreviousOffences(located, proven, settings.previousOffenceBandStarts())
                .select(COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
    }

    /** First day of the cohort period holding the date: calendar quarter or year. */
    public Column cohortStart(Column date) {
        return trunc(date, settings.period().equals("QUARTER") ? "quarter" : "year");
    }

    /** 0 for the most severe disposal level. */
    public static Column severity(Column level) {
        Column rank = lit(DISPOSAL_LEVELS.size());
        for (int i = DISPOSAL_LEVELS.size() - 1; i >= 0; i--) {
            rank = when(level.equalTo(DISPOSAL_LEVELS.get(i)), lit(i)).otherwise(rank);
        }
        return rank;
    }

    /**
     * Adds local_authority and force_area from the record's postcode district, else the person's latest
     * (latest_postcode_district): a district outside areas.csv is OUT_OF_AREA, no district at all UNKNOWN. The one
     * place a place is given to an event: proven_reoffending and the research release both come through here.
     */
    public static Dataset<Row> withLocalAuthority(Dataset<Row> events, Dataset<Row> areas) {
        Dataset<Row> ref = areas.select(
                upper(trim(col(POSTCODE_DISTRICT))).as("_district"),
                trim(col(LOCAL_AUTHORITY)).as("_la"),
                upper(trim(col(AREAS_FORCE))).as("_force"));
        Dataset<Row> e = events.withColumn(
                "_district", upper(trim(coalesce(col(POSTCODE_DISTRICT), col(LATEST_POSTCODE_DISTRICT)))));
        return e.join(broadcast(ref), new String[] {"_district"}, "left")
                .withColumn(
                        LOCAL_AUTHORITY,
                        when(col("_district").isNull(), lit(UNKNOWN)).otherwise(coalesce(col("_la"), lit(OUT_OF_AREA))))
                .withColumn(
                        FORCE_AREA,
                        when(col("_district").isNull(), lit(UNKNOWN))
                                .otherwise(coalesce(col("_force"), lit(OUT_OF_AREA))))
                .drop("_district", "_la", "_force");
    }

    /**
     * Adds previous_offences (proven offences disposed of before index_date) and its band to any Dataset with
     * person_id and index_date, one row in, one row out.
     */
    public static Dataset<Row> withPreviousOffences(
            Dataset<Row> events, Dataset<Row> proven, List<Integer> bandStarts) {
        Dataset<Row> pairs = events.select(col(PERSON_ID), col(INDEX_DATE)).distinct();
        Dataset<Row> p =
                proven.select(col(PERSON_ID).as("_pp"), col(DISPOSAL_DATE).as("_pd"));
        Dataset<Row> counts = pairs.join(
                        p, col(PERSON_ID).equalTo(col("_pp")).and(col("_pd").lt(col(INDEX_DATE))), "left")
                .groupBy(PERSON_ID, INDEX_DATE)
                .agg(count(col("_pp")).as(PREVIOUS_OFFENCES));
        return events.join(counts, new String[] {PERSON_ID, INDEX_DATE}, "left")
                .withColumn(
                        PREVIOUS_OFFENCES_BAND,
                        Bands.band(col(PREVIOUS_OFFENCES), bandStarts, Bands.countLabels(bandStarts)));
    }
}
