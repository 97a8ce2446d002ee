package org.lcjp.reoffending.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcjp.reoffending.impact.ImpactFixtures.d;
import static org.lcjp.reoffending.impact.ImpactFixtures.frame;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.settings.CohortSettings;

/** Complete follow-up and the financial year, each on both sides of its boundary. */
class ComparisonPeriodsTest {
    private static final StructType DATES =
            new StructType().add("person_id", DataTypes.StringType).add("index_date", DataTypes.DateType);

    @Test
    void financialYearsRunAprilToMarchAndOnlyCompleteFollowUpCounts() {
        // Effective date 2020-09-30: 2019-03-31 + 18 months = 2020-09-30 counts; 2019-04-01 (+18 = 2020-10-01) does
        // not.
        ComparisonPeriods periods =
                new ComparisonPeriods(CohortSettings.defaults(), LocalDate.of(2020, 9, 30), 4, null);
        List<Row> rows = periods.select(
                        frame(
                                DATES,
                                new Object[] {"A", d("2019-03-31")},
                                new Object[] {"B", d("2019-04-01")},
                                new Object[] {"C", d("2018-04-01")},
                                new Object[] {"D", d("1999-12-31")}),
                        "index_date")
                .orderBy("person_id")
                .collectAsList();
        assertThat(rows)
                .extracting(r -> r.getAs("person_id") + " " + r.getAs("period") + " " + r.getAs("period_start") + " "
                        + r.getAs("period_end"))
                .containsExactly(
                        "A FY2018-19 2018-04-01 2019-03-31",
                        "C FY2018-19 2018-04-01 2019-03-31",
                        "D FY1999-00 1999-04-01 2000-03-31");
        assertThat(ComparisonPeriods.withPooled(periods.select(
                                frame(DATES, new Object[] {"A", d("2019-03-31")}), "index_date"))
                        .collectAsList())
                .extracting(r -> r.getAs("period") + " " + r.getAs("period_start"))
                .containsExactlyInAnyOrder("FY2018-19 2018-04-01", "POOLED null");
        assertThat(new ComparisonPeriods(CohortSettings.defaults(), null, 4, null)
                        .select(frame(DATES, new Object[] {"A", d("2010-01-01")}), "index_date")
                        .count())
                .as("no effective date: nobody")
                .isZero();
    }

    @Test
    void onlyIndexDatesOfPublishedCohortsCount() {
        // First cohort Jan to Mar 2016: 2015-12-31 is in an unpublished cohort (its previous offences are understated).
        ComparisonPeriods periods = new ComparisonPeriods(
                CohortSettings.defaults(), LocalDate.of(2020, 9, 30), 4, LocalDate.of(2016, 1, 1));
        assertThat(periods.select(
                                frame(
                                        DATES,
                                        new Object[] {"A", d("2015-12-31")},
                                        new Object[] {"B", d("2016-01-01")},
                                        new Object[] {"C", d("2016-04-01")}),
                                "index_date")
                        .orderBy("person_id")
                        .collectAsList())
                .extracting(r -> r.getAs("person_id") + " " + r.getAs("period"))
                .containsExactly("B FY2015-16", "C FY2016-17");
    }
}
