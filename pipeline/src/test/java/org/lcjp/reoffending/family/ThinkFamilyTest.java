package org.lcjp.reoffending.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.settings.ComparisonSettings;
import org.lcjp.reoffending.testing.SparkTestSession;

/**
 * Three families worked by hand: F1 an offending parent with children born in 1990 (18 before the offence: not
 * exposed), 2001 and 2002 (exposed), and one of unknown birth date; F2 a parent who never offended; F3 a kinship carer
 * who offended, caring for a child who is also in F2 (exposed through either family). History from 2011-01-01, data
 * complete to 2020-01-07.
 */
class ThinkFamilyTest {
    static final DateOfBirthCipher CIPHER = new DateOfBirthCipher(
            PseudonymisationKey.of("family-tests-secret-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8), "test"));
    static List<FamilyOffendingRow> rows;

    static Dataset<Row> frame(StructType schema, Object[]... rows) {
        return SparkTestSession.get()
                .createDataFrame(Arrays.stream(rows).map(RowFactory::create).toList(), schema);
    }

    static Date d(String iso) {
        return iso == null ? null : Date.valueOf(iso);
    }

    @BeforeAll
    static void build() {
        Object[][] members = {
            {"L1", "F1", "PARENT_OR_CARER", "A"}, {"L2", "F1", "CHILD", "C1"}, {"L3", "F1", "CHILD", "C2"},
            {"L4", "F1", "CHILD", "C5"}, {"L5", "F1", "CHILD", "C6"}, {"L6", "F1", "CHILD", "C1"},
            {"L7", "F2", "PARENT_OR_CARER", "B"}, {"L8", "F2", "CHILD", "C3"}, {"L9", "F2", "CHILD", "C4"},
            {"L10", "F2", "CHILD", "C7"}, {"L11", "F3", "PARENT_OR_CARER", "D"}, {"L12", "F3", "CHILD", "C4"}
        };
        Dataset<Row> links = frame(
                new StructType()
                        .add("record_id", DataTypes.StringType)
                        .add("family_ref_token", DataTypes.StringType)
                        .add("role", DataTypes.StringType),
                Arrays.stream(members).map(m -> new Object[] {m[0], m[1], m[2]}).toArray(Object[][]::new));
        Dataset<Row> recordPerson = frame(
                new StructType()
                        .add("agency", DataTypes.StringType)
                        .add("dataset", DataTypes.StringType)
                        .add("record_id", DataTypes.StringType)
                        .add("person_id", DataTypes.StringType),
                Arrays.stream(members)
                        .map(m -> new Object[] {"family", "links", m[0], m[3]})
                        .toArray(Object[][]::new));
        Dataset<Row> proven = frame(
                new StructType().add("person_id", DataTypes.StringType).add("disposal_date", DataTypes.DateType),
                new Object[] {"A", d("2012-06-01")},
                new Object[] {"D", d("2015-01-01")},
                new Object[] {"C1", d("2016-05-01")},
                new Object[] {"C6", d("2015-06-01")},
                new Object[] {"C3", d("2019-02-01")},
                new Object[] {"C7", d("2019-10-01")},
                new Object[] {"X", d("2016-02-01")},
                new Object[] {"Y", d("2016-02-01")});
        List<Object[]> dobs = new ArrayList<>();
        Map.of(
                        "A",
                        "1980-01-01",
                        "B",
                        "1975-05-05",
                        "D",
                        "1955-05-05",
                        "C1",
                        "2002-05-10",
                        "C2",
                        "1990-01-01",
                        "C3",
                        "2003-07-07",
                        "C4",
                        "2004-02-02",
                        "C6",
                        "2001-03-03",
                        "C7",
                        "2001-09-09")
                .forEach((p, dob) -> dobs.add(new Object[] {p, CIPHER.encrypt(LocalDate.parse(dob))}));
        dobs.add(new Object[] {"C5", null});
        Dataset<Row> attributes = frame(
                new StructType().add("person_id", DataTypes.StringType).add("dob_cipher", DataTypes.BinaryType),
                dobs.toArray(Object[][]::new));
        Dataset<Row> events = frame(
                new StructType()
                        .add("person_id", DataTypes.StringType)
                        .add("cohort_start", DataTypes.DateType)
                        .add("cohort_end", DataTypes.DateType)
                        .add("reoffences", DataTypes.LongType),
                new Object[] {"A", d("2016-01-01"), d("2016-03-31"), 1L},
                new Object[] {"X", d("2016-01-01"), d("2016-03-31"), 0L},
                new Object[] {"Y", d("2016-01-01"), d("2016-03-31"), 2L},
                new Object[] {"A", d("2016-04-01"), d("2016-06-30"), 0L},
                new Object[] {"X", d("2019-10-01"), d("2019-12-31"), 0L});
        ComparisonSettings smallGroups =
                new ComparisonSettings(1, null, null, null, null, null, null, null, null, null);
        rows = new ThinkFamily(smallGroups, CohortSettings.defaults(), CIPHER)
                .build(new ThinkFamily.Inputs(
                        links,
                        recordPerson,
                        proven,
                        attributes,
                        events,
                        LocalDate.of(2011, 1, 1),
                        LocalDate.of(2020, 1, 7),
                        List.of(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 4, 1))));
        rows.forEach(System.out::println);
    }

    static FamilyOffendingRow row(String set, String period, String group, String measure) {
        return rows.stream()
                .filter(r -> r.measureSet().equals(set)
                        && r.period().equals(period)
                        && r.groupName().equals(group)
                        && r.measure().equals(measure))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + set + " " + period + " " + group + " " + measure));
    }

    static String counts(FamilyOffendingRow r) {
        return r.numerator() + "/" + r.denominator();
    }

    @Test
    void exposureFollowsEveryFamilyOfTheChildAndTheEighteenthBirthday() {
        // 1 April 2016: C1, C4 (exposed through F3 only) and C6 exposed; C3 and C7 not; C2 is 26, C5's age unknown.
        Map<String, Long> children = rows.stream()
                .filter(r -> r.measureSet().equals(FamilyOffendingRow.CHILDREN_BY_YEAR)
                        && r.period().equals("FY2016-17"))
                .collect(Collectors.toMap(FamilyOffendingRow::groupName, FamilyOffendingRow::denominator));
        assertThat(children).containsExactlyInAnyOrderEntriesOf(Map.of("EXPOSED", 3L, "NOT_EXPOSED", 2L));
    }

    @Test
    void childrensOffendingPerFinancialYear() {
        assertThat(counts(row("CHILDREN_BY_YEAR", "FY2015-16", "EXPOSED", "OFFENDING_SHARE")))
                .isEqualTo("1/3");
        assertThat(counts(row("CHILDREN_BY_YEAR", "FY2015-16", "NOT_EXPOSED", "OFFENDING_SHARE")))
                .isEqualTo("0/2");
        FamilyOffendingRow exposed = row("CHILDREN_BY_YEAR", "FY2016-17", "EXPOSED", "OFFENDING_SHARE");
        assertThat(counts(exposed)).isEqualTo("1/3");
        assertThat(exposed.value()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(exposed.referenceGroup()).isEqualTo("NOT_EXPOSED");
        assertThat(exposed.difference()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(exposed.periodStart()).isEqualTo(LocalDate.of(2016, 4, 1));
        assertThat(exposed.periodEnd()).isEqualTo(LocalDate.of(2017, 3, 31));
        assertThat(counts(row("CHILDREN_BY_YEAR", "FY2018-19", "NOT_EXPOSED", "OFFENDING_SHARE")))
                .isEqualTo("1/2");
        assertThat(row("CHILDREN_BY_YEAR", "FY2011-12", "EXPOSED", "OFFENDING_SHARE")
                        .status())
                .isEqualTo("TOO_SMALL");
        assertThat(rows)
                .noneMatch(r -> r.period().equals("FY2010-11") || r.period().equals("FY2019-20"));
    }

    @Test
    void pooledYearsCountChildYearsWithAnIntervalForRepeatedChildren() {
        FamilyOffendingRow exposed = row("CHILDREN_BY_YEAR", "POOLED", "EXPOSED", "OFFENDING_SHARE");
        assertThat(counts(exposed)).isEqualTo("2/19");
        assertThat(exposed.unit()).isEqualTo("CHILD_YEARS");
        assertThat(exposed.value()).isCloseTo(2 / 19.0, within(1e-12));
        assertThat(counts(row("CHILDREN_BY_YEAR", "POOLED", "NOT_EXPOSED", "OFFENDING_SHARE")))
                .isEqualTo("1/12");
        assertThat(exposed.note()).contains("EXPOSED 19 child-years in 3 children");
    }

    @Test
    void byAge18OnlyWhereEveryYearFromTenToSeventeenIsObserved() {
        assertThat(counts(row("BY_AGE_18", "2001", "EXPOSED", "OFFENDING_SHARE")))
                .isEqualTo("1/1");
        assertThat(counts(row("BY_AGE_18", "2001", "NOT_EXPOSED", "OFFENDING_SHARE")))
                .as("offence at 18 not counted")
                .isEqualTo("0/1");
        assertThat(rows)
                .filteredOn(r -> r.measureSet().equals("BY_AGE_18"))
                .extracting(FamilyOffendingRow::period)
                .containsOnly("2001", "POOLED");
    }

    @Test
    void offendersWhoAreParentsPerFinalCohort() {
        assertThat(counts(row("OFFENDER_PARENTS", "2016Q1", "ALL", "PARENT_SHARE")))
                .isEqualTo("1/3");
        assertThat(row("OFFENDER_PARENTS", "2016Q1", "ALL", "PARENT_SHARE").referenceGroup())
                .isNull();
        assertThat(counts(row("OFFENDER_PARENTS", "2016Q1", "PARENT", "REOFFENDING_RATE")))
                .isEqualTo("1/1");
        assertThat(counts(row("OFFENDER_PARENTS", "2016Q1", "NOT_PARENT", "REOFFENDING_RATE")))
                .isEqualTo("1/2");
        assertThat(counts(row("OFFENDER_PARENTS", "2016Q2", "ALL", "PARENT_SHARE")))
                .isEqualTo("1/1");
        assertThat(counts(row("OFFENDER_PARENTS", "POOLED", "ALL", "PARENT_SHARE")))
                .isEqualTo("2/4");
        assertThat(rows).noneMatch(r -> r.period().equals("2019Q4"));
    }

    @Test
    void familiesWithOffendingInTwoGenerations() {
        FamilyOffendingRow r = row("TWO_GENERATIONS", "ALL", "ALL", "TWO_GENERATION_SHARE");
        assertThat(counts(r)).isEqualTo("1/3");
        assertThat(r.unit()).isEqualTo("FAMILIES");
    }

    @Test
    void smallGroupsAreReportedWithoutTheirFigures() {
        List<FamilyOffendingRow> standard = new ThinkFamily(
                        ComparisonSettings.defaults(), CohortSettings.defaults(), CIPHER)
                .build(new ThinkFamily.Inputs(
                        frame(
                                new StructType()
                                        .add("record_id", DataTypes.StringType)
                                        .add("family_ref_token", DataTypes.StringType)
                                        .add("role", DataTypes.StringType),
                                new Object[] {"L1", "F1", "PARENT_OR_CARER"}),
                        frame(
                                new StructType()
                                        .add("agency", DataTypes.StringType)
                                        .add("dataset", DataTypes.StringType)
                                        .add("record_id", DataTypes.StringType)
                                        .add("person_id", DataTypes.StringType),
                                new Object[] {"family", "links", "L1", "A"}),
                        frame(new StructType()
                                .add("person_id", DataTypes.StringType)
                                .add("disposal_date", DataTypes.DateType)),
                        frame(new StructType()
                                .add("person_id", DataTypes.StringType)
                                .add("dob_cipher", DataTypes.BinaryType)),
                        frame(new StructType()
                                .add("person_id", DataTypes.StringType)
                                .add("cohort_start", DataTypes.DateType)
                                .add("cohort_end", DataTypes.DateType)
                                .add("reoffences", DataTypes.LongType)),
                        LocalDate.of(2011, 1, 1),
                        LocalDate.of(2013, 6, 30),
                        List.of()));
        assertThat(standard).isNotEmpty().allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("TOO_SMALL");
            assertThat(r.value()).isNull();
            assertThat(r.numerator()).as("counts stay: the pack controls them").isNotNull();
        });
    }
}
