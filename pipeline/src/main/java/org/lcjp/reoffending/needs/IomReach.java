package org.lcjp.reoffending.needs;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.lcjp.reoffending.measures.MeasureColumns.DISPOSAL_DATE;
import static org.lcjp.reoffending.measures.MeasureColumns.DOB_CIPHER;
import static org.lcjp.reoffending.measures.MeasureColumns.LOCAL_AUTHORITY;
import static org.lcjp.reoffending.measures.MeasureColumns.PERSON_ID;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.impact.AssessedNeeds;
import org.lcjp.reoffending.impact.ComparisonStatistics;
import org.lcjp.reoffending.impact.LinkedRecords;
import org.lcjp.reoffending.measures.AgeAtDate;
import org.lcjp.reoffending.measures.FinancialYear;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.settings.IomSettings;

/**
 * Who IOM reaches (methodology.md section 10), the published iom_reach table. Per financial year, the highest-risk
 * adults (18 or over on the year's first day) by three routes: their latest assessment dated in the year or the
 * months before it rates reoffending_risk HIGH or VERY_HIGH (ASSESSED_RISK); a probation supervision spell active in
 * the year has rosh HIGH or VERY_HIGH (ROSH); they are in the top iom.prolific_share of adults by proven offences
 * disposed of in the 12 months before the year starts, a tie at the cut-off taken whole (PROLIFIC); ANY is any route.
 * Of them, those on the IOM caseload at any time in the year (adopted by its end, not exited before its start); by the
 * local authority where they lived at the year's end.
 */
public final class IomReach {
    public static final String ANY = "ANY";
    public static final String ASSESSED_RISK = "ASSESSED_RISK";
    public static final String ROSH = "ROSH";
    public static final String PROLIFIC = "PROLIFIC";
    public static final List<String> ROUTES = List.of(ANY, ASSESSED_RISK, ROSH, PROLIFIC);
    public static final String PERIOD_START = ProvisionGaps.PERIOD_START;
    public static final String PERIOD_END = "period_end";
    public static final String ROUTE = "route";
    public static final String ON_IOM = "on_iom";
    /** The datasets a year's figures rest on. */
    public static final List<DatasetId> SOURCES = List.of(
            Datasets.IOM_COHORT,
            Datasets.PROBATION_ASSESSMENTS,
            Datasets.PROBATION_SUPERVISION,
            Datasets.POLICE_OUTCOMES,
            Datasets.COURTS_CONVICTIONS,
            Datasets.YOS_OUTCOMES);
    /** The columns {@link #people} reads of assessments and supervision: the schema of one never delivered. */
    public static final StructType ASSESSMENT_COLUMNS = new StructType()
            .add(PERSON_ID, DataTypes.StringType)
            .add(AssessedNeeds.ASSESSMENT_DATE, DataTypes.DateType)
            .add(AssessedNeeds.ASSESSMENT_RECORD, DataTypes.StringType)
            .add(AssessedNeeds.REOFFENDING_RISK, DataTypes.StringType);

    public static final StructType SUPERVISION_COLUMNS = new StructType()
            .add(PERSON_ID, DataTypes.StringType)
            .add("start_date", DataTypes.DateType)
            .add("end_date", DataTypes.DateType)
            .add("rosh", DataTypes.StringType);
    static final StructType YEARS =
            new StructType().add(PERIOD_START, DataTypes.DateType, false).add(PERIOD_END, DataTypes.DateType, false);

    private final IomSettings settings;
    private final int adultAge;
    private final DateOfBirthCipher cipher;
    private final ComparisonStatistics stats;

    /**
     * @param adultAge   cohort.adult_age
     * @param confidence of the intervals (comparison.confidence)
     */
    public IomReach(IomSettings settings, int adultAge, DateOfBirthCipher cipher, double confidence) {
        this.settings = settings;
        this.adultAge = adultAge;
        this.cipher = cipher;
        this.stats = new ComparisonStatistics(confidence, 0.8);
    }

    /** The financial years as a small table (period_start, period_end), to broadcast against the records. */
    public static Dataset<Row> years(SparkSession spark, Collection<FinancialYear> years) {
        return spark.createDataFrame(
                years.stream()
                        .map(y -> RowFactory.create(Date.valueOf(y.start()), Date.valueOf(y.end())))
                        .toList(),
                YEARS);
    }

    /** person_id, start_date, end_date, rosh of staged probation/supervision, linked. */
    public static Dataset<Row> supervision(Dataset<Row> staged, Dataset<Row> recordPerson) {
        return LinkedRecords.of(staged, Datasets.PROBATION_SUPERVISION, recordPerson)
                .select(col(PERSON_ID), col("start_date"), col("end_date"), col("rosh"));
    }

    /** person_id, adopted_date, exit_date of staged iom/cohort, linked. */
    public static Dataset<Row> caseload(Dataset<Row> staged, Dataset<Row> recordPerson) {
        return LinkedRecords.of(staged, Datasets.IOM_COHORT, recordPerson)
                .select(col(PERSON_ID), col("adopted_date"), col("exit_date"));
    }

    /**
     * One row per highest-risk adult, year and route (ANY included): period_start, period_end, person_id, route, on_iom.
     *
     * @param years       {@link #years}
     * @param assessments AssessedNeeds.linked
     * @param supervision {@link #supervision}
     * @param proven      proven_offences (person_id, disposal_date)
     * @param attributes  person_attributes (person_id, dob_cipher)
     * @param caseload    {@link #caseload}
     */
    public Dataset<Row> people(
            Dataset<Row> years,
            Dataset<Row> assessments,
            Dataset<Row> supervision,
            Dataset<Row> proven,
            Dataset<Row> attributes,
            Dataset<Row> caseload) {
        Dataset<Row> y = broadcast(years);
        Column start = col(PERIOD_START);
        Column end = col(PERIOD_END);
        Dataset<Row> rated = assessments
                .join(
                        y,
                        col(AssessedNeeds.ASSESSMENT_DATE)
                                .between(add_months(start, -settings.assessmentValidMonths()), end))
                .groupBy(PERSON_ID, PERIOD_START, PERIOD_END)
                .agg(max_by(
                                col(AssessedNeeds.REOFFENDING_RISK),
                                struct(col(AssessedNeeds.ASSESSMENT_DATE), col(AssessedNeeds.ASSESSMENT_RECORD)))
                        .as("_risk"))
                .filter(col("_risk").isin(AssessedNeeds.HIGH_RISK.toArray()))
                .select(col(PERSON_ID), start, end, lit(ASSESSED_RISK).as(ROUTE));
        Dataset<Row> harm = supervision
                .join(
                        y,
                        col("start_date")
                                .leq(end)
                                .and(col("end_date").isNull().or(col("end_date").geq(start))))
                .filter(col("rosh").isin(AssessedNeeds.HIGH_RISK.toArray()))
                .select(col(PERSON_ID), start, end, lit(ROSH).as(ROUTE))
                .distinct();
        Dataset<Row> rated18 = adults(rated.unionByName(harm), attributes);

        Dataset<Row> counts = proven.select(PERSON_ID, DISPOSAL_DATE)
                .join(
                        y,
                        col(DISPOSAL_DATE)
                                .geq(add_months(start, -settings.prolificLookBackMonths()))
                                .and(col(DISPOSAL_DATE).lt(start)))
                .groupBy(PERSON_ID, PERIOD_START, PERIOD_END)
                .agg(count(lit(1)).as("_offences"));
        Dataset<Row> prolific = adults(counts, attributes)
                .withColumn(
                        "_rank",
                        rank().over(Window.partitionBy(PERIOD_START)
                                .orderBy(col("_offences").desc())))
                .withColumn("_adults", count(lit(1)).over(Window.partitionBy(PERIOD_START)))
                .filter(col("_rank").leq(ceil(col("_adults").multiply(settings.prolificShare()))))
                .select(col(PERSON_ID), start, end, lit(PROLIFIC).as(ROUTE));

        Dataset<Row> routes =
                rated18.select(col(PERSON_ID), start, end, col(ROUTE)).unionByName(prolific);
        Dataset<Row> all = routes.unionByName(
                routes.select(col(PERSON_ID), start, end, lit(ANY).as(ROUTE)).distinct());
        Dataset<Row> onIom = caseload.join(
                        y,
                        col("adopted_date")
                                .leq(end)
                                .and(col("exit_date")
                                        .isNull()
                                        .or(col("exit_date").geq(start))))
                .select(col(PERSON_ID), start, lit(1).as(ON_IOM))
                .distinct();
        return all.join(onIom, new String[] {PERSON_ID, PERIOD_START}, "left")
                .withColumn(ON_IOM, when(col(ON_IOM).isNull(), 0).otherwise(1));
    }

    /** The rows of people 18 or over on the year's first day (people of unknown age are left out). */
    private Dataset<Row> adults(Dataset<Row> rows, Dataset<Row> attributes) {
        return rows.join(attributes.select(PERSON_ID, DOB_CIPHER), new String[] {PERSON_ID})
                .filter(AgeAtDate.age(cipher, col(DOB_CIPHER), col(PERIOD_START))
                        .geq(adultAge))
                .drop(DOB_CIPHER);
    }

    /** The people of one year, route and local authority, summed. */
    public record Cell(LocalDate periodStart, String route, String localAuthority, long people, long onIom) {}

    /** Sums of {@link #people} (with local_authority added) per year, route and local authority, collected. */
    public List<Cell> cells(Dataset<Row> located) {
        List<Cell> out = new ArrayList<>();
        for (Row r : located.groupBy(PERIOD_START, ROUTE, LOCAL_AUTHORITY)
                .agg(count(lit(1)).as("_people"), sum(col(ON_IOM)).as("_on"))
                .collectAsList()) {
            out.add(new Cell(
                    Dates.local(r.getAs(PERIOD_START)),
                    r.getAs(ROUTE),
                    r.getAs(LOCAL_AUTHORITY),
                    r.<Long>getAs("_people"),
                    r.<Long>getAs("_on")));
        }
        return out;
    }

    /** The published rows: per year and route, each local authority and ALL. */
    public List<IomReachRow> rows(Collection<Cell> cells, Coverage coverage) {
        Map<LocalDate, List<Cell>> byYear = new TreeMap<>();
        cells.forEach(c ->
                byYear.computeIfAbsent(c.periodStart(), k -> new ArrayList<>()).add(c));
        List<IomReachRow> out = new ArrayList<>();
        byYear.forEach((yearStart, inYear) -> {
            FinancialYear fy = FinancialYear.of(yearStart);
            Coverage.Status status = coverage.status(fy.end(), SOURCES);
            for (String route : ROUTES) {
                List<Cell> ofRoute =
                        inYear.stream().filter(c -> c.route().equals(route)).toList();
                for (String area : ProvisionGaps.withAll(ofRoute, Cell::localAuthority)) {
                    List<Cell> in = ofRoute.stream()
                            .filter(c -> area.equals(ProvisionGaps.ALL)
                                    || c.localAuthority().equals(area))
                            .toList();
                    if (in.isEmpty()) {
                        continue;
                    }
                    long people = in.stream().mapToLong(Cell::people).sum();
                    long onIom = in.stream().mapToLong(Cell::onIom).sum();
                    Share share = Share.of(onIom, people, stats);
                    out.add(new IomReachRow(
                            fy.label(),
                            fy.start(),
                            fy.end(),
                            route,
                            area,
                            people,
                            onIom,
                            share.value(),
                            share.low(),
                            share.high(),
                            status.status(),
                            status.reason()));
                }
            }
        });
        return out;
    }
}
