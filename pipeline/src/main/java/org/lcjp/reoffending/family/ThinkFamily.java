package org.lcjp.reoffending.family;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.lcjp.reoffending.family.FamilyOffendingRow.*;
import static org.lcjp.reoffending.measures.MeasureColumns.COHORT_END;
import static org.lcjp.reoffending.measures.MeasureColumns.COHORT_START;
import static org.lcjp.reoffending.measures.MeasureColumns.DISPOSAL_DATE;
import static org.lcjp.reoffending.measures.MeasureColumns.DOB_CIPHER;
import static org.lcjp.reoffending.measures.MeasureColumns.PERSON_ID;
import static org.lcjp.reoffending.measures.MeasureColumns.REOFFENCES;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.impact.ClusteredShares;
import org.lcjp.reoffending.impact.ComparisonRow;
import org.lcjp.reoffending.impact.ComparisonTable;
import org.lcjp.reoffending.impact.GroupOutcome;
import org.lcjp.reoffending.impact.SampleSummary;
import org.lcjp.reoffending.measures.AgeAtDate;
import org.lcjp.reoffending.measures.FinancialYear;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.settings.ComparisonSettings;

/**
 * Think Family (methodology.md section 9): families from linked members, which children are exposed (a parent of any
 * of their families has a proven offence disposed of before the child's 18th birthday), children's offending per
 * financial year and by age 18, offenders who are parents, and families with offending in two generations. Counting
 * runs in Spark; each measure collects a handful of group totals, and {@link ComparisonTable} gives the intervals and
 * tests of section 5. The comparison group is children known to children's services, not all children.
 */
public final class ThinkFamily {
    static final String GROUP = "group_name";
    static final String FY_START = "fy_start";
    static final String YEAR_OF_BIRTH = "year_of_birth";
    private static final String FLAG = "_flag";
    private static final String N = "_n";
    private static final String Y = "_y";
    private static final String AGE = "_age";
    private static final String OBSERVED = "OBSERVED";

    private final CohortSettings cohort;
    private final DateOfBirthCipher cipher;
    private final ComparisonTable table;

    public ThinkFamily(ComparisonSettings comparison, CohortSettings cohort, DateOfBirthCipher cipher) {
        this.cohort = cohort;
        this.cipher = cipher;
        this.table = new ComparisonTable(comparison);
    }

    /**
     * @param links         staged family/links
     * @param recordPerson  linkage record_person
     * @param proven        ProvenOffences (person_id, disposal_date)
     * @param attributes    PersonAttributes (person_id, dob_cipher)
     * @param indexEvents   index events with reoffences (person_id, cohort_start, cohort_end, reoffences)
     * @param historyStart  the earliest disposal date the data holds: offending before it is unseen
     * @param effectiveDate the date up to which the data are complete (methodology.md section 4)
     * @param finalCohorts  the starts of the published FINAL cohorts
     */
    public record Inputs(
            Dataset<Row> links,
            Dataset<Row> recordPerson,
            Dataset<Row> proven,
            Dataset<Row> attributes,
            Dataset<Row> indexEvents,
            LocalDate historyStart,
            LocalDate effectiveDate,
            List<LocalDate> finalCohorts) {}

    public List<FamilyOffendingRow> build(Inputs in) {
        List<FamilyOffendingRow> rows = new ArrayList<>();
        Dataset<Row> members = FamilyMembers.of(in.links(), in.recordPerson()).persist();
        Dataset<Row> disposals = in.proven().select(PERSON_ID, DISPOSAL_DATE).persist();
        try {
            Dataset<Row> children =
                    children(members, disposals, in.attributes()).persist();
            try {
                if (in.historyStart() != null && in.effectiveDate() != null) {
                    rows.addAll(childrenByYear(children, disposals, in.historyStart(), in.effectiveDate()));
                    rows.addAll(byAge18(children, disposals, in.historyStart(), in.effectiveDate()));
                }
            } finally {
                children.unpersist();
            }
            rows.addAll(offenderParents(members, in.indexEvents(), in.finalCohorts()));
            rows.addAll(twoGenerations(members, disposals));
        } finally {
            disposals.unpersist();
            members.unpersist();
        }
        return rows;
    }

    /** Every child (person with a CHILD row) once: person_id, dob_cipher, group_name EXPOSED or NOT_EXPOSED. */
    Dataset<Row> children(Dataset<Row> members, Dataset<Row> disposals, Dataset<Row> attributes) {
        Dataset<Row> kids = members.filter(col(FamilyMembers.IS_CHILD))
                .select(col(FamilyMembers.FAMILY), col(PERSON_ID).as("_child"));
        Dataset<Row> parents = members.filter(col(FamilyMembers.IS_PARENT))
                .select(col(FamilyMembers.FAMILY), col(PERSON_ID).as("_parent"));
        Dataset<Row> first = disposals
                .groupBy(col(PERSON_ID).as("_parent"))
                .agg(min(col(DISPOSAL_DATE)).as("_first"));
        Dataset<Row> dobs = attributes.select(col(PERSON_ID), col(DOB_CIPHER));
        // The parent's earliest disposal decides: any offence before the 18th birthday means that one is.
        Dataset<Row> exposed = kids.join(parents, FamilyMembers.FAMILY)
                .filter(col("_child").notEqual(col("_parent")))
                .join(first, "_parent")
                .join(dobs, col("_child").equalTo(col(PERSON_ID)))
                .filter(AgeAtDate.age(cipher, col(DOB_CIPHER), col("_first")).lt(cohort.adultAge()))
                .select(col("_child").as(PERSON_ID))
                .distinct()
                .withColumn("_exposed", lit(true));
        return kids.select(col("_child").as(PERSON_ID))
                .distinct()
                .join(dobs, new String[] {PERSON_ID}, "left")
                .join(exposed, new String[] {PERSON_ID}, "left")
                .select(
                        col(PERSON_ID),
                        col(DOB_CIPHER),
                        when(col("_exposed"), lit(EXPOSED))
                                .otherwise(lit(NOT_EXPOSED))
                                .as(GROUP));
    }

    private List<FamilyOffendingRow> childrenByYear(
            Dataset<Row> children, Dataset<Row> disposals, LocalDate from, LocalDate to) {
        List<FinancialYear> years = FinancialYear.within(from, to);
        if (years.isEmpty()) {
            return List.of();
        }
        StructType schema = new StructType().add(FY_START, DataTypes.DateType, false);
        Dataset<Row> fys = children.sparkSession()
                .createDataFrame(
                        years.stream()
                                .map(y -> RowFactory.create(Date.valueOf(y.start())))
                                .toList(),
                        schema);
        Dataset<Row> offended = disposals
                .select(col(PERSON_ID), FinancialYear.start(col(DISPOSAL_DATE)).as(FY_START))
                .distinct()
                .withColumn(FLAG, lit(1));
        Dataset<Row> childYears = children.filter(col(DOB_CIPHER).isNotNull())
                .crossJoin(broadcast(fys))
                .withColumn(AGE, AgeAtDate.age(cipher, col(DOB_CIPHER), col(FY_START)))
                .filter(col(AGE).geq(cohort.minimumAge()).and(col(AGE).lt(cohort.adultAge())))
                .join(offended, new String[] {PERSON_ID, FY_START}, "left")
                .select(
                        col(PERSON_ID),
                        col(GROUP),
                        col(FY_START),
                        coalesce(col(FLAG), lit(0)).as(FLAG))
                .persist();
        try {
            Map<String, Row> perYear = new LinkedHashMap<>();
            childYears
                    .groupBy(FY_START, GROUP)
                    .agg(count(lit(1)).as(N), sum(col(FLAG)).as(Y))
                    .collectAsList()
                    .forEach(r -> perYear.put(r.<Date>getAs(FY_START).toLocalDate() + "|" + r.getAs(GROUP), r));
            List<FamilyOffendingRow> rows = new ArrayList<>();
            for (FinancialYear y : years) {
                List<Counted> groups = new ArrayList<>();
                for (String g : List.of(EXPOSED, NOT_EXPOSED)) {
                    Row r = perYear.get(y.start() + "|" + g);
                    long n = r == null ? 0 : r.<Long>getAs(N);
                    long with = r == null ? 0 : r.<Long>getAs(Y);
                    groups.add(new Counted(g, n, with, n, SampleSummary.ofProportion(with, n)));
                }
                rows.addAll(compare(
                        CHILDREN_BY_YEAR,
                        y.label(),
                        y.start(),
                        y.end(),
                        CHILDREN,
                        NOT_EXPOSED,
                        OFFENDING_SHARE,
                        groups,
                        null));
            }
            Dataset<Row> perChild = childYears
                    .groupBy(PERSON_ID, GROUP)
                    .agg(count(lit(1)).as(N), sum(col(FLAG)).as(Y));
            rows.addAll(pooled(
                    CHILDREN_BY_YEAR,
                    years.get(0).start(),
                    years.get(years.size() - 1).end(),
                    CHILD_YEARS,
                    NOT_EXPOSED,
                    OFFENDING_SHARE,
                    ClusteredShares.moments(perChild, N, Y, GROUP).collectAsList(),
                    List.of(EXPOSED, NOT_EXPOSED),
                    "children",
                    "child-years"));
            return rows;
        } finally {
            childYears.unpersist();
        }
    }

    private List<FamilyOffendingRow> byAge18(
            Dataset<Row> children, Dataset<Row> disposals, LocalDate from, LocalDate to) {
        // 10th birthday on or after the history start, 18th on or before the effective date.
        Dataset<Row> observed = children.filter(col(DOB_CIPHER).isNotNull())
                .filter(AgeAtDate.age(cipher, col(DOB_CIPHER), lit(Date.valueOf(from.minusDays(1))))
                        .lt(cohort.minimumAge())
                        .and(AgeAtDate.age(cipher, col(DOB_CIPHER), lit(Date.valueOf(to)))
                                .geq(cohort.adultAge())))
                .withColumn(YEAR_OF_BIRTH, AgeAtDate.yearOfBirth(cipher, col(DOB_CIPHER)));
        Dataset<Row> young = disposals
                .join(observed.select(PERSON_ID, DOB_CIPHER), PERSON_ID)
                .withColumn(AGE, AgeAtDate.age(cipher, col(DOB_CIPHER), col(DISPOSAL_DATE)))
                .filter(col(AGE).geq(cohort.minimumAge()).and(col(AGE).lt(cohort.adultAge())))
                .select(PERSON_ID)
                .distinct()
                .withColumn(FLAG, lit(1));
        List<Row> counts = observed.join(young, new String[] {PERSON_ID}, "left")
                .groupBy(YEAR_OF_BIRTH, GROUP)
                .agg(count(lit(1)).as(N), sum(coalesce(col(FLAG), lit(0))).as(Y))
                .collectAsList();
        List<Integer> births = counts.stream()
                .map(r -> r.<Integer>getAs(YEAR_OF_BIRTH))
                .distinct()
                .sorted()
                .toList();
        List<FamilyOffendingRow> rows = new ArrayList<>();
        Map<String, long[]> pooled = new LinkedHashMap<>();
        for (int yob : births) {
            List<Counted> groups = new ArrayList<>();
            for (String g : List.of(EXPOSED, NOT_EXPOSED)) {
                Row r = counts.stream()
                        .filter(x -> x.<Integer>getAs(YEAR_OF_BIRTH) == yob && g.equals(x.getAs(GROUP)))
                        .findFirst()
                        .orElse(null);
                long n = r == null ? 0 : r.<Long>getAs(N);
                long with = r == null ? 0 : r.<Long>getAs(Y);
                groups.add(new Counted(g, n, with, n, SampleSummary.ofProportion(with, n)));
                long[] t = pooled.computeIfAbsent(g, k -> new long[2]);
                t[0] += n;
                t[1] += with;
            }
            rows.addAll(compare(
                    BY_AGE_18,
                    Integer.toString(yob),
                    LocalDate.of(yob, 1, 1),
                    LocalDate.of(yob, 12, 31),
                    CHILDREN,
                    NOT_EXPOSED,
                    OFFENDING_SHARE,
                    groups,
                    null));
        }
        if (!births.isEmpty()) {
            List<Counted> groups = new ArrayList<>();
            for (String g : List.of(EXPOSED, NOT_EXPOSED)) {
                long[] t = pooled.get(g);
                groups.add(new Counted(g, t[0], t[1], t[0], SampleSummary.ofProportion(t[1], t[0])));
            }
            rows.addAll(compare(
                    BY_AGE_18,
                    POOLED,
                    LocalDate.of(births.get(0), 1, 1),
                    LocalDate.of(births.get(births.size() - 1), 12, 31),
                    CHILDREN,
                    NOT_EXPOSED,
                    OFFENDING_SHARE,
                    groups,
                    null));
        }
        return rows;
    }

    private List<FamilyOffendingRow> offenderParents(
            Dataset<Row> members, Dataset<Row> indexEvents, List<LocalDate> finalCohorts) {
        if (finalCohorts.isEmpty()) {
            return List.of();
        }
        StructType schema = new StructType().add("_final_start", DataTypes.DateType, false);
        Dataset<Row> cohorts = members.sparkSession()
                .createDataFrame(
                        finalCohorts.stream()
                                .map(d -> RowFactory.create(Date.valueOf(d)))
                                .toList(),
                        schema);
        Dataset<Row> parents = members.filter(col(FamilyMembers.IS_PARENT))
                .select(PERSON_ID)
                .distinct()
                .withColumn("_parent", lit(1));
        Dataset<Row> events = indexEvents
                .join(broadcast(cohorts), col(COHORT_START).equalTo(col("_final_start")))
                .join(parents, new String[] {PERSON_ID}, "left")
                .select(
                        col(PERSON_ID),
                        col(COHORT_START),
                        col(COHORT_END),
                        coalesce(col("_parent"), lit(0)).as("_parent"),
                        when(col(REOFFENCES).gt(0), lit(1)).otherwise(lit(0)).as(FLAG))
                .withColumn(GROUP, when(col("_parent").equalTo(1), lit(PARENT)).otherwise(lit(NOT_PARENT)))
                .persist();
        try {
            List<Row> perCohort = events.groupBy(COHORT_START, COHORT_END, GROUP)
                    .agg(count(lit(1)).as(N), sum(col(FLAG)).as(Y))
                    .collectAsList();
            List<FamilyOffendingRow> rows = new ArrayList<>();
            for (LocalDate start : finalCohorts.stream().sorted().toList()) {
                List<Row> cell = perCohort.stream()
                        .filter(r -> r.<Date>getAs(COHORT_START).toLocalDate().equals(start))
                        .toList();
                LocalDate end = start.plusMonths(cohort.periodMonths()).minusDays(1);
                long parentsIn = total(cell, PARENT, N);
                long all = parentsIn + total(cell, NOT_PARENT, N);
                String label = cohortLabel(start);
                rows.addAll(compare(
                        OFFENDER_PARENTS,
                        label,
                        start,
                        end,
                        OFFENDERS,
                        ALL,
                        PARENT_SHARE,
                        List.of(new Counted(ALL, all, parentsIn, all, SampleSummary.ofProportion(parentsIn, all))),
                        null));
                List<Counted> groups = new ArrayList<>();
                for (String g : List.of(PARENT, NOT_PARENT)) {
                    long n = total(cell, g, N);
                    long with = total(cell, g, Y);
                    groups.add(new Counted(g, n, with, n, SampleSummary.ofProportion(with, n)));
                }
                rows.addAll(compare(
                        OFFENDER_PARENTS, label, start, end, OFFENDERS, NOT_PARENT, REOFFENDING_RATE, groups, null));
            }
            LocalDate first =
                    finalCohorts.stream().min(Comparator.naturalOrder()).orElseThrow();
            LocalDate last = finalCohorts.stream()
                    .max(Comparator.naturalOrder())
                    .orElseThrow()
                    .plusMonths(cohort.periodMonths())
                    .minusDays(1);
            Dataset<Row> perPerson = events.groupBy(PERSON_ID, GROUP)
                    .agg(
                            count(lit(1)).as(N),
                            sum(col(FLAG)).as(Y),
                            max(col("_parent")).as("_parent"));
            Dataset<Row> share = perPerson.withColumn(GROUP, lit(ALL)).withColumn(Y, col(N).multiply(col("_parent")));
            rows.addAll(pooled(
                    OFFENDER_PARENTS,
                    first,
                    last,
                    OFFENDER_COHORTS,
                    ALL,
                    PARENT_SHARE,
                    ClusteredShares.moments(share, N, Y, GROUP).collectAsList(),
                    List.of(ALL),
                    "offenders",
                    "offender-cohorts"));
            rows.addAll(pooled(
                    OFFENDER_PARENTS,
                    first,
                    last,
                    OFFENDER_COHORTS,
                    NOT_PARENT,
                    REOFFENDING_RATE,
                    ClusteredShares.moments(perPerson, N, Y, GROUP).collectAsList(),
                    List.of(PARENT, NOT_PARENT),
                    "offenders",
                    "offender-cohorts"));
            return rows;
        } finally {
            events.unpersist();
        }
    }

    private List<FamilyOffendingRow> twoGenerations(Dataset<Row> members, Dataset<Row> disposals) {
        Dataset<Row> offenders = disposals.select(PERSON_ID).distinct().withColumn("_offender", lit(true));
        Column offender = coalesce(col("_offender"), lit(false));
        // A person with both roles in one family counts on the parent side only: two generations need two people.
        Row r = members.join(offenders, new String[] {PERSON_ID}, "left")
                .groupBy(FamilyMembers.FAMILY)
                .agg(
                        max(col(FamilyMembers.IS_PARENT).and(offender)).as("_p"),
                        max(col(FamilyMembers.IS_CHILD)
                                        .and(col(FamilyMembers.IS_PARENT).unary_$bang())
                                        .and(offender))
                                .as("_c"))
                .agg(
                        count(lit(1)).as(N),
                        sum(when(col("_p").and(col("_c")), 1L).otherwise(0L)).as(Y))
                .first();
        long families = r.<Long>getAs(N);
        long both = r.isNullAt(r.fieldIndex(Y)) ? 0 : r.<Long>getAs(Y);
        return compare(
                TWO_GENERATIONS,
                ALL,
                null,
                null,
                FAMILIES,
                ALL,
                TWO_GENERATION_SHARE,
                List.of(new Counted(ALL, families, both, families, SampleSummary.ofProportion(both, families))),
                null);
    }

    /** One group's counts: units (the denominator), units with the outcome, people for the size rule, the summary. */
    private record Counted(String group, long units, long with, long people, SampleSummary summary) {}

    private List<FamilyOffendingRow> pooled(
            String set,
            LocalDate start,
            LocalDate end,
            String unit,
            String reference,
            String measure,
            List<Row> moments,
            List<String> groups,
            String people,
            String units) {
        List<Counted> counted = new ArrayList<>();
        StringBuilder note = new StringBuilder("Pooled over every period; a person counts once per period, and the "
                + "interval allows for that (effective sample size):");
        for (String g : groups) {
            Row m = moments.stream()
                    .filter(x -> g.equals(x.getAs(GROUP)))
                    .findFirst()
                    .orElse(null);
            long k = m == null ? 0 : m.<Long>getAs(ClusteredShares.CLUSTERS);
            long n = m == null ? 0 : Math.round(m.<Double>getAs(ClusteredShares.UNITS));
            long with = m == null ? 0 : Math.round(m.<Double>getAs(ClusteredShares.WITH));
            SampleSummary s = m == null ? new SampleSummary(0, 0, 0) : ClusteredShares.summary(m);
            counted.add(new Counted(g, n, with, k, s));
            note.append(String.format(" %s %d %s in %d %s, effective %.0f;", g, n, units, k, people, s.weight()));
        }
        return compare(
                set, POOLED, start, end, unit, reference, measure, counted, note.substring(0, note.length() - 1));
    }

    private List<FamilyOffendingRow> compare(
            String set,
            String period,
            LocalDate start,
            LocalDate end,
            String unit,
            String reference,
            String measure,
            List<Counted> groups,
            String note) {
        List<GroupOutcome> outcomes = groups.stream()
                .map(c -> new GroupOutcome(
                        c.group(), c.people(), Map.of(measure, new GroupOutcome.Measured(c.people(), c.summary()))))
                .toList();
        List<ComparisonRow> compared = table.rows(
                new ComparisonTable.Cell(set, period, start, end, OBSERVED, ALL),
                reference,
                outcomes,
                List.of(measure),
                note);
        List<FamilyOffendingRow> out = new ArrayList<>();
        for (ComparisonRow c : compared) {
            Counted g = groups.stream()
                    .filter(x -> x.group().equals(c.groupName()))
                    .findFirst()
                    .orElseThrow();
            out.add(FamilyOffendingRow.of(set, period, start, end, unit, g.units(), g.with(), c));
        }
        return out;
    }

    private static long total(List<Row> cell, String group, String column) {
        return cell.stream()
                .filter(r -> group.equals(r.getAs(GROUP)))
                .mapToLong(r -> r.<Long>getAs(column))
                .sum();
    }

    /** "2019Q1" for a quarterly cohort, "2019" for a yearly one. */
    private String cohortLabel(LocalDate start) {
        return cohort.periodMonths() == 12
                ? Integer.toString(start.getYear())
                : start.getYear() + "Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }
}
