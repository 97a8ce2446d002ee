package org.lcjp.reoffending.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcjp.reoffending.needs.NeedsFixtures.assessment;
import static org.lcjp.reoffending.needs.NeedsFixtures.d;
import static org.lcjp.reoffending.needs.NeedsFixtures.frame;
import static org.lcjp.reoffending.needs.NeedsFixtures.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.measures.FinancialYear;
import org.lcjp.reoffending.settings.IomSettings;
import org.lcjp.reoffending.testing.SparkTestSession;

class IomReachTest {
    private static final FinancialYear Y2019 = FinancialYear.of(LocalDate.of(2019, 4, 1));
    private static final FinancialYear Y2020 = Y2019.next();
    private static final StructType PROVEN =
            new StructType().add("person_id", DataTypes.StringType).add("disposal_date", DataTypes.DateType);
    private static final StructType CASELOAD = new StructType()
            .add("person_id", DataTypes.StringType)
            .add("adopted_date", DataTypes.DateType)
            .add("exit_date", DataTypes.DateType);
    private static final StructType RECORDS = new StructType()
            .add("agency", DataTypes.StringType)
            .add("dataset", DataTypes.StringType)
            .add("record_id", DataTypes.StringType)
            .add("event_date", DataTypes.DateType)
            .add("postcode_district", DataTypes.StringType);
    private static final StructType LINKS = new StructType()
            .add("agency", DataTypes.StringType)
            .add("dataset", DataTypes.StringType)
            .add("record_id", DataTypes.StringType)
            .add("person_id", DataTypes.StringType);

    private static Dataset<Row> attributes() {
        List<Row> rows = new ArrayList<>(List.of(
                person("P1", "1990-01-01", null),
                person("P2", "2002-03-01", null),
                person("P3", "1980-01-01", null),
                person("J1", "2005-01-01", null),
                person("P10", "1985-01-01", "DH1")));
        for (int i = 11; i < 30; i++) {
            rows.add(person("P" + i, "1985-01-01", "TS24"));
        }
        return frame(NeedsFixtures.ATTRIBUTES, rows);
    }

    private static Dataset<Row> proven() {
        List<Row> rows = new ArrayList<>();
        for (int i = 10; i < 30; i++) {
            int n = i == 10 ? 5 : i <= 12 ? 3 : 1;
            for (int k = 0; k < n; k++) {
                rows.add(RowFactory.create("P" + i, d("2018-06-01")));
            }
        }
        for (int k = 0; k < 9; k++) {
            rows.add(RowFactory.create("J1", d("2018-06-01"))); // a juvenile: neither counted nor ranked
            rows.add(RowFactory.create("P29", d("2019-04-01"))); // the year's own: counted for the next year
        }
        return frame(PROVEN, rows);
    }

    private static Dataset<Row> people(double prolificShare) {
        IomReach reach = new IomReach(new IomSettings(prolificShare, null, null), 18, NeedsFixtures.CIPHER, 0.95);
        Dataset<Row> assessments = frame(
                NeedsFixtures.assessments(),
                List.of(
                        assessment("P1", "a1", "2018-05-01", "HIGH"),
                        assessment("P1", "a2", "2020-06-01", "LOW"),
                        assessment("P3", "a3", "2017-01-01", "VERY_HIGH"))); // too old for either year
        Dataset<Row> supervision = frame(
                IomReach.SUPERVISION_COLUMNS,
                List.of(
                        RowFactory.create("P2", d("2019-01-01"), null, "VERY_HIGH"),
                        RowFactory.create(
                                "P3", d("2018-01-01"), d("2019-03-31"), "HIGH"), // ended the day before 2019-20
                        RowFactory.create("P3", d("2019-01-01"), null, "MEDIUM")));
        Dataset<Row> caseload = frame(
                CASELOAD,
                List.of(
                        RowFactory.create("P1", d("2017-01-01"), d("2019-04-01")),
                        RowFactory.create("P10", d("2020-03-31"), null),
                        RowFactory.create("P2", d("2021-04-01"), null)));
        return reach.people(
                IomReach.years(SparkTestSession.get(), List.of(Y2019, Y2020)),
                assessments,
                supervision,
                proven(),
                attributes(),
                caseload);
    }

    private static Set<String> found(Dataset<Row> people) {
        return people.collectAsList().stream()
                .map(r -> r.getAs("period_start") + "/" + r.getAs("route") + "/" + r.getAs("person_id") + "/"
                        + r.getAs("on_iom"))
                .collect(Collectors.toSet());
    }

    @Test
    void threeRoutesFindTheHighestRiskAdultsAndWhetherIomHadThem() {
        assertThat(found(people(0.05)))
                .containsExactlyInAnyOrder(
                        "2019-04-01/ASSESSED_RISK/P1/1", "2019-04-01/ANY/P1/1",
                        "2020-04-01/ROSH/P2/0", "2020-04-01/ANY/P2/0",
                        "2019-04-01/PROLIFIC/P10/1", "2019-04-01/ANY/P10/1",
                        "2020-04-01/PROLIFIC/P29/0", "2020-04-01/ANY/P29/0");
    }

    @Test
    void aTieAtTheProlificCutOffIsTakenWhole() {
        // 20 adults offended in 2018-19; the top 10% are 2 people, and the second place is shared by two
        assertThat(found(people(0.10)))
                .filteredOn(s -> s.startsWith("2019-04-01/PROLIFIC"))
                .containsExactlyInAnyOrder(
                        "2019-04-01/PROLIFIC/P10/1", "2019-04-01/PROLIFIC/P11/0", "2019-04-01/PROLIFIC/P12/0");
    }

    @Test
    void rowsByLocalAuthorityWhereThePersonLivedAtTheYearsEnd() {
        Dataset<Row> records = frame(
                RECORDS,
                List.of(
                        RowFactory.create("police", "outcomes", "r1", d("2019-01-01"), "TS24"),
                        RowFactory.create("police", "outcomes", "r2", d("2020-06-01"), "DL1"),
                        RowFactory.create("courts", "convictions", "r3", d("2021-01-01"), "TS25")));
        Dataset<Row> links = frame(
                LINKS,
                List.of(
                        RowFactory.create("police", "outcomes", "r1", "P1"),
                        RowFactory.create("police", "outcomes", "r2", "P1"),
                        RowFactory.create("courts", "convictions", "r3", "P10")));
        Dataset<Row> areas =
                SparkTestSession.get().read().option("header", true).csv("../conf/reference/areas.csv");
        IomReach reach = new IomReach(IomSettings.defaults(), 18, NeedsFixtures.CIPHER, 0.95);
        Dataset<Row> located = PersonDistricts.withLocalAuthority(
                people(0.05),
                IomReach.PERIOD_END,
                PersonDistricts.records(List.of(records), links),
                attributes(),
                areas);
        Map<DatasetId, Optional<LocalDate>> dates = new LinkedHashMap<>();
        IomReach.SOURCES.forEach(id -> dates.put(id, Optional.of(LocalDate.of(2020, 5, 1))));
        List<IomReachRow> rows = reach.rows(reach.cells(located), new Coverage(LocalDate.of(2021, 1, 1), dates));
        Map<String, String> got = rows.stream()
                .collect(Collectors.toMap(
                        r -> r.period() + "/" + r.route() + "/" + r.localAuthority(),
                        r -> r.highestRiskAdults() + " " + r.onIom() + " " + r.status()));
        assertThat(got)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("FY2019-20/ANY/Hartlepool", "1 1 FINAL"),
                        Map.entry("FY2019-20/ANY/County Durham", "1 1 FINAL"),
                        Map.entry("FY2019-20/ANY/ALL", "2 2 FINAL"),
                        Map.entry("FY2019-20/ASSESSED_RISK/Hartlepool", "1 1 FINAL"),
                        Map.entry("FY2019-20/ASSESSED_RISK/ALL", "1 1 FINAL"),
                        Map.entry("FY2019-20/PROLIFIC/County Durham", "1 1 FINAL"),
                        Map.entry("FY2019-20/PROLIFIC/ALL", "1 1 FINAL"),
                        Map.entry("FY2020-21/ANY/UNKNOWN", "1 0 PROVISIONAL"),
                        Map.entry("FY2020-21/ANY/Hartlepool", "1 0 PROVISIONAL"),
                        Map.entry("FY2020-21/ANY/ALL", "2 0 PROVISIONAL"),
                        Map.entry("FY2020-21/PROLIFIC/Hartlepool", "1 0 PROVISIONAL"),
                        Map.entry("FY2020-21/PROLIFIC/ALL", "1 0 PROVISIONAL"),
                        Map.entry("FY2020-21/ROSH/UNKNOWN", "1 0 PROVISIONAL"),
                        Map.entry("FY2020-21/ROSH/ALL", "1 0 PROVISIONAL")));
        IomReachRow all = rows.stream()
                .filter(r -> r.period().equals("FY2019-20")
                        && r.route().equals("ANY")
                        && r.localAuthority().equals("ALL"))
                .findFirst()
                .orElseThrow();
        assertThat(all.shareOnIom()).isEqualTo(1.0);
        assertThat(all.ciLow()).isBetween(0.0, 0.5);
    }
}
