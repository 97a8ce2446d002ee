package org.lcjp.reoffending.needs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.lcjp.reoffending.measures.MeasureColumns.INDEX_DATE;
import static org.lcjp.reoffending.measures.MeasureColumns.LOCAL_AUTHORITY;
import static org.lcjp.reoffending.measures.MeasureColumns.PERSON_ID;
import static org.lcjp.reoffending.measures.MeasureColumns.SEX;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.impact.AssessedNeeds;
import org.lcjp.reoffending.impact.ComparisonStatistics;
import org.lcjp.reoffending.measures.FinancialYear;
import org.lcjp.reoffending.settings.NeedsSettings;

/**
 * Assessed needs and gaps in provision (methodology.md section 10), the published needs_and_gaps table. The unit is a
 * person in a financial year, at their first index event of the year that has an assessment (the latest dated in the
 * 12 months up to its index date): its local authority and sex, the needs that assessment found, and for drugs or
 * alcohol and for accommodation whether any substance/treatment or housing/support spell was active from 12 months
 * before to 3 months after the index date. Figures per year, local authority and sex, with ALL margins, and POOLED
 * over the FINAL years (a person counts once, at their latest of those years).
 */
public final class ProvisionGaps {
    public static final String DRUGS_OR_ALCOHOL = "DRUGS_OR_ALCOHOL";
    public static final String ACCOMMODATION = "ACCOMMODATION";
    public static final String PERIOD_START = "period_start";
    public static final String POOLED = "POOLED";
    public static final String ALL = "ALL";
    /** Every need published: the ten assessed needs, then drugs or alcohol together. */
    public static final List<String> NEEDS = Stream.concat(AssessedNeeds.NEEDS.stream(), Stream.of(DRUGS_OR_ALCOHOL))
            .toList();
    /** The needs a service is set against, and that service. */
    public static final Map<String, DatasetId> SERVICES = services();
    /** What every figure rests on: the datasets of the index events and the assessments. */
    static final List<DatasetId> BASE = List.of(
            Datasets.PROBATION_ASSESSMENTS,
            Datasets.POLICE_OUTCOMES,
            Datasets.COURTS_CONVICTIONS,
            Datasets.YOS_OUTCOMES,
            Datasets.PRISONS_RELEASES);

    private final NeedsSettings settings;
    private final ComparisonStatistics stats;

    /** Every dataset the table rests on, whose coverage decides what is FINAL. */
    public static List<DatasetId> sources() {
        return Stream.concat(BASE.stream(), SERVICES.values().stream()).toList();
    }

    /** @param confidence of the intervals (comparison.confidence) */
    public ProvisionGaps(NeedsSettings settings, double confidence) {
        this.settings = settings;
        this.stats = new ComparisonStatistics(confidence, 0.8);
    }

    private static Map<String, DatasetId> services() {
        Map<String, DatasetId> m = new LinkedHashMap<>();
        m.put(DRUGS_OR_ALCOHOL, Datasets.SUBSTANCE_TREATMENT);
        m.put(ACCOMMODATION, Datasets.HOUSING_SUPPORT);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** 0/1 column: the unit's assessment found the need. */
    public static String needColumn(String need) {
        return "need_" + need.toLowerCase(Locale.ROOT);
    }

    /** 0/1 column: the unit has the need and no spell of its service was active in the window. */
    public static String unmetColumn(String need) {
        return "unmet_" + need.toLowerCase(Locale.ROOT);
    }

    static Column has(String need) {
        return need.equals(DRUGS_OR_ALCOHOL)
                ? AssessedNeeds.has("drugs").or(AssessedNeeds.has("alcohol"))
                : AssessedNeeds.has(need.toLowerCase(Locale.ROOT));
    }

    /**
     * One row per person and financial year: period_start, person_id, index_date, local_authority, sex, a need column
     * per need and an unmet column per need whose service is among {@code spellsByNeed} (ServiceSpells of the
     * services delivered; a service never delivered is left out, not taken as no contact).
     */
    public Dataset<Row> people(Dataset<Row> events, Dataset<Row> assessments, Map<String, Dataset<Row>> spellsByNeed) {
        Dataset<Row> assessed = new AssessedNeeds(settings.assessmentLookBackMonths())
                .atIndex(events.select(PERSON_ID, INDEX_DATE, LOCAL_AUTHORITY, SEX), assessments)
                .filter(col(AssessedNeeds.ASSESSMENT_DATE).isNotNull())
                .withColumn(PERIOD_START, FinancialYear.start(col(INDEX_DATE)));
        List<Column> columns = new ArrayList<>(
                List.of(col(PERIOD_START), col(PERSON_ID), col(INDEX_DATE), col(LOCAL_AUTHORITY), col(SEX)));
        NEEDS.forEach(n -> columns.add(when(has(n), 1).otherwise(0).as(needColumn(n))));
        Dataset<Row> people = assessed.withColumn(
                        "_n",
                        row_number()
                                .over(Window.partitionBy(PERSON_ID, PERIOD_START)
                                        .orderBy(INDEX_DATE)))
                .filter(col("_n").equalTo(1))
                .select(columns.toArray(Column[]::new));
        String[] keys = {PERSON_ID, PERIOD_START};
        for (Map.Entry<String, Dataset<Row>> e : spellsByNeed.entrySet()) {
            Dataset<Row> spells = e.getValue()
                    .select(col(PERSON_ID).as("_sp"), col(ServiceSpells.SPELL_START), col(ServiceSpells.SPELL_END));
            Dataset<Row> met = people.select(PERSON_ID, PERIOD_START, INDEX_DATE)
                    .join(
                            spells,
                            col(PERSON_ID)
                                    .equalTo(col("_sp"))
                                    .and(ServiceSpells.activeAround(
                                            col(INDEX_DATE),
                                            settings.serviceMonthsBefore(),
                                            settings.serviceMonthsAfter())),
                            "left_semi")
                    .select(col(PERSON_ID), col(PERIOD_START), lit(1).as("_met"));
            people = people.join(met, keys, "left")
                    .withColumn(
                            unmetColumn(e.getKey()),
                            when(
                                            col(needColumn(e.getKey()))
                                                    .equalTo(1)
                                                    .and(col("_met").isNull()),
                                            1)
                                    .otherwise(0))
                    .drop("_met");
        }
        return people;
    }

    /** The people of one financial year (null: pooled), local authority and sex, summed. */
    public record Cell(
            LocalDate periodStart,
            String localAuthority,
            String sex,
            long assessed,
            Map<String, Long> withNeed,
            Map<String, Long> unmet) {}

    /**
     * The published rows from {@link #people}: per year, then POOLED over the years FINAL for the need, in which each
     * person counts once, at their latest such year (so that the Wilson interval's people are independent); ALL
     * margins of area and sex. Collects sums per year, area and sex only: a few hundred rows.
     */
    public List<NeedsAndGapsRow> table(Dataset<Row> people, Coverage coverage) {
        Map<LocalDate, List<Cell>> byYear = new TreeMap<>();
        cells(people, PERIOD_START)
                .forEach(c -> byYear.computeIfAbsent(c.periodStart(), k -> new ArrayList<>())
                        .add(c));
        Map<List<LocalDate>, List<String>> needsByFinalYears = new LinkedHashMap<>();
        for (String need : NEEDS) {
            List<LocalDate> finalYears = byYear.keySet().stream()
                    .filter(y -> status(FinancialYear.of(y), need, coverage).isFinal())
                    .toList();
            needsByFinalYears
                    .computeIfAbsent(finalYears, k -> new ArrayList<>())
                    .add(need);
        }
        Map<String, List<Cell>> pooled = new LinkedHashMap<>();
        needsByFinalYears.forEach((years, needs) -> {
            if (!years.isEmpty()) {
                List<Cell> cells = cells(latest(people, years), null);
                needs.forEach(n -> pooled.put(n, cells));
            }
        });
        List<NeedsAndGapsRow> out = new ArrayList<>();
        for (String need : NEEDS) {
            for (Map.Entry<LocalDate, List<Cell>> year : byYear.entrySet()) {
                FinancialYear fy = FinancialYear.of(year.getKey());
                out.addAll(rows(
                        fy.label(), fy.start(), fy.end(), need, year.getValue(), status(fy, need, coverage), coverage));
            }
            if (pooled.containsKey(need)) {
                List<LocalDate> years = needsByFinalYears.entrySet().stream()
                        .filter(e -> e.getValue().contains(need))
                        .findFirst()
                        .orElseThrow()
                        .getKey();
                out.addAll(rows(
                        POOLED,
                        years.get(0),
                        FinancialYear.of(years.get(years.size() - 1)).end(),
                        need,
                        pooled.get(need),
                        new Coverage.Status(Coverage.FINAL, null),
                        coverage));
            }
        }
        return out;
    }

    /** Each person's row of their latest year among the given ones. */
    private static Dataset<Row> latest(Dataset<Row> people, List<LocalDate> years) {
        return people.filter(col(PERIOD_START)
                        .isin(years.stream().map(java.sql.Date::valueOf).toArray()))
                .withColumn(
                        "_n",
                        row_number()
                                .over(Window.partitionBy(PERSON_ID)
                                        .orderBy(col(PERIOD_START).desc())))
                .filter(col("_n").equalTo(1))
                .drop("_n");
    }

    /** Sums per area and sex, and per year when {@code period} names the year column (null: pooled). */
    private static List<Cell> cells(Dataset<Row> people, String period) {
        List<String> gaps = SERVICES.keySet().stream()
                .filter(n -> List.of(people.columns()).contains(unmetColumn(n)))
                .toList();
        List<Column> sums = new ArrayList<>();
        NEEDS.forEach(n -> sums.add(sum(col(needColumn(n))).as(needColumn(n))));
        gaps.forEach(n -> sums.add(sum(col(unmetColumn(n))).as(unmetColumn(n))));
        Column[] keys = period == null
                ? new Column[] {col(LOCAL_AUTHORITY), col(SEX)}
                : new Column[] {col(period), col(LOCAL_AUTHORITY), col(SEX)};
        List<Cell> cells = new ArrayList<>();
        for (Row r : people.groupBy(keys)
                .agg(count(lit(1)).as("_assessed"), sums.toArray(Column[]::new))
                .collectAsList()) {
            Map<String, Long> withNeed = new LinkedHashMap<>();
            NEEDS.forEach(n -> withNeed.put(n, r.<Long>getAs(needColumn(n))));
            Map<String, Long> unmet = new LinkedHashMap<>();
            gaps.forEach(n -> unmet.put(n, r.<Long>getAs(unmetColumn(n))));
            cells.add(new Cell(
                    period == null ? null : Dates.local(r.getAs(period)),
                    r.getAs(LOCAL_AUTHORITY),
                    r.getAs(SEX),
                    r.<Long>getAs("_assessed"),
                    withNeed,
                    unmet));
        }
        return cells;
    }

    /** A need's figures need its year in the data; a gap also needs the months after the year and its service. */
    Coverage.Status status(FinancialYear fy, String need, Coverage coverage) {
        DatasetId service = SERVICES.get(need);
        if (service == null) {
            return coverage.status(fy.end(), BASE);
        }
        return coverage.status(
                fy.end().plusMonths(settings.serviceMonthsAfter()),
                Stream.concat(BASE.stream(), Stream.of(service)).toList());
    }

    private List<NeedsAndGapsRow> rows(
            String period,
            LocalDate start,
            LocalDate end,
            String need,
            List<Cell> cells,
            Coverage.Status status,
            Coverage coverage) {
        DatasetId service = SERVICES.get(need);
        boolean served = service != null && coverage.delivered(service);
        List<NeedsAndGapsRow> out = new ArrayList<>();
        for (String area : withAll(cells, Cell::localAuthority)) {
            for (String sex : withAll(cells, Cell::sex)) {
                List<Cell> in = cells.stream()
                        .filter(c -> (area.equals(ALL) || c.localAuthority().equals(area))
                                && (sex.equals(ALL) || c.sex().equals(sex)))
                        .toList();
                if (in.isEmpty()) {
                    continue;
                }
                long assessed = in.stream().mapToLong(Cell::assessed).sum();
                long withNeed =
                        in.stream().mapToLong(c -> c.withNeed().get(need)).sum();
                Share needShare = Share.of(withNeed, assessed, stats);
                Long unmet = served
                        ? in.stream()
                                .mapToLong(c -> c.unmet().getOrDefault(need, 0L))
                                .sum()
                        : null;
                Share gap = unmet == null ? Share.NONE : Share.of(unmet, withNeed, stats);
                out.add(new NeedsAndGapsRow(
                        period,
                        start,
                        end,
                        area,
                        sex,
                        need,
                        service == null ? null : service.path(),
                        assessed,
                        withNeed,
                        needShare.value(),
                        needShare.low(),
                        needShare.high(),
                        unmet,
                        gap.value(),
                        gap.low(),
                        gap.high(),
                        status.status(),
                        status.reason()));
            }
        }
        return out;
    }

    /** The values present, sorted, then ALL. */
    static <T> List<String> withAll(Collection<T> cells, Function<T, String> value) {
        List<String> values =
                new ArrayList<>(new TreeSet<>(cells.stream().map(value).toList()));
        values.add(ALL);
        return values;
    }
}
