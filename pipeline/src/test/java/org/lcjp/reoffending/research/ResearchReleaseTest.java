package org.lcjp.reoffending.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.measures.FollowUpWindow;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.testing.SparkTestSession;

/** The research release: release-keyed ids, year of birth only, no identifier or warehouse id, correct flags. */
class ResearchReleaseTest {
    private static final PseudonymisationKey KEY =
            PseudonymisationKey.of("research-release-test-key-0123456789".getBytes(StandardCharsets.UTF_8), "test");
    private final SparkSession spark = SparkTestSession.get();

    private Dataset<Row> release(String name) {
        Dataset<Row> proven = spark.createDataFrame(
                List.of(
                        RowFactory.create(
                                "P1",
                                "r-prev",
                                "T1",
                                d("2018-05-01"),
                                d("2018-06-01"),
                                "Theft",
                                "FINE",
                                "OTHER_COURT",
                                null),
                        RowFactory.create(
                                "P1",
                                "r-reoff",
                                "V1",
                                d("2019-02-01"),
                                d("2019-03-01"),
                                "Violence",
                                "FINE",
                                "OTHER_COURT",
                                "DH1")),
                new StructType()
                        .add("person_id", DataTypes.StringType)
                        .add("record_id", DataTypes.StringType)
                        .add("offence_code", DataTypes.StringType)
                        .add("offence_date", DataTypes.DateType)
                        .add("disposal_date", DataTypes.DateType)
                        .add("offence_group", DataTypes.StringType)
                        .add("disposal", DataTypes.StringType)
                        .add("disposal_level", DataTypes.StringType)
                        .add("postcode_district", DataTypes.StringType));
        // The index event was placed in Middlesbrough (its record's district); a later cohort is not published.
        Dataset<Row> index = spark.createDataFrame(
                List.<Row>of(
                        RowFactory.create(
                                "P1",
                                d("2019-01-01"),
                                d("2019-03-31"),
                                d("2019-01-10"),
                                "CAUTION",
                                "Theft",
                                "ADULT_CAUTION",
                                "ADULT",
                                28,
                                1L,
                                1L,
                                "Middlesbrough",
                                "CLEVELAND",
                                12,
                                "PROVISIONAL",
                                "FOLLOW_UP_NOT_ELAPSED",
                                true),
                        RowFactory.create(
                                "P1",
                                d("2019-07-01"),
                                d("2019-09-30"),
                                d("2019-07-10"),
                                "CAUTION",
                                "Theft",
                                "ADULT_CAUTION",
                                "ADULT",
                                29,
                                2L,
                                0L,
                                "Middlesbrough",
                                "CLEVELAND",
                                6,
                                "PROVISIONAL",
                                "FOLLOW_UP_NOT_ELAPSED",
                                false)),
                new StructType()
                        .add("person_id", DataTypes.StringType)
                        .add("cohort_start", DataTypes.DateType)
                        .add("cohort_end", DataTypes.DateType)
                        .add("index_date", DataTypes.DateType)
                        .add("index_disposal", DataTypes.StringType)
                        .add("offence_group", DataTypes.StringType)
                        .add("disposal", DataTypes.StringType)
                        .add("population", DataTypes.StringType)
                        .add("age", DataTypes.IntegerType)
                        .add("previous_offences", DataTypes.LongType)
                        .add("reoffences", DataTypes.LongType)
                        .add("local_authority", DataTypes.StringType)
                        .add("force_area", DataTypes.StringType)
                        .add("months_observed", DataTypes.IntegerType)
                        .add("status", DataTypes.StringType)
                        .add("status_reason", DataTypes.StringType)
                        .add("in_published_cohort", DataTypes.BooleanType));
        Dataset<Row> attributes = spark.createDataFrame(
                List.<Row>of(RowFactory.create(
                        "P1", new DateOfBirthCipher(KEY).encrypt(LocalDate.of(1990, 6, 15)), "F", "WHITE", "DH1")),
                new StructType()
                        .add("person_id", DataTypes.StringType)
                        .add("dob_cipher", DataTypes.BinaryType)
                        .add("sex", DataTypes.StringType)
                        .add("ethnicity", DataTypes.StringType)
                        .add("latest_postcode_district", DataTypes.StringType));
        Dataset<Row> areas = spark.createDataFrame(
                List.<Row>of(RowFactory.create("DH1", "County Durham", "DURHAM")),
                new StructType()
                        .add("postcode_district", DataTypes.StringType)
                        .add("local_authority", DataTypes.StringType)
                        .add("force", DataTypes.StringType));
        return new ResearchRelease(KEY, name, new FollowUpWindow(CohortSettings.defaults()))
                .build(proven, index, attributes, areas);
    }

    @Test
    void holdsNoIdentifierNoRecordIdAndNoWarehousePersonId() {
        Dataset<Row> r = release("2026-11-24");
        assertThat(r.columns())
                .doesNotContain(
                        "person_id",
                        "record_id",
                        "dob_cipher",
                        "date_of_birth",
                        "postcode",
                        "postcode_district",
                        "latest_postcode_district",
                        "pnc_token",
                        "custody_ref_token");
        List<String> text = r.toJSON().collectAsList();
        assertThat(text)
                .hasSize(3)
                .noneMatch(j -> j.contains("\"P1\"") || j.contains("r-prev") || j.contains("1990-06-15"));
        Set<String> ids = r.select("research_person_id").distinct().collectAsList().stream()
                .map(x -> x.getString(0))
                .collect(Collectors.toSet());
        assertThat(ids).hasSize(1).doesNotContain("P1");
    }

    @Test
    void idsAreSpecificToTheRelease() {
        String a = release("2026-11-24").select("research_person_id").first().getString(0);
        String b = release("2026-11-25").select("research_person_id").first().getString(0);
        String again =
                release("2026-11-24").select("research_person_id").first().getString(0);
        assertThat(a).isNotEqualTo(b).isEqualTo(again);
    }

    @Test
    void carriesYearOfBirthAreaAndTheCohortAndReoffenceFlags() {
        List<Row> rows = release("r").orderBy("event_date").collectAsList();
        assertThat(rows).hasSize(3).allSatisfy(x -> {
            assertThat(x.<Integer>getAs("year_of_birth")).isEqualTo(1990);
            assertThat(x.<String>getAs("sex")).isEqualTo("F");
        });
        Row previous = rows.get(0);
        Row index = rows.get(1);
        Row reoffence = rows.get(2);
        // Each event is placed by its own record's district, else the person's latest (DH1)
        assertThat(previous.<String>getAs("local_authority")).isEqualTo("County Durham");
        assertThat(previous.<String>getAs("force_area")).isEqualTo("DURHAM");
        assertThat(index.<String>getAs("local_authority")).isEqualTo("Middlesbrough");
        assertThat(index.<String>getAs("force_area")).isEqualTo("CLEVELAND");
        assertThat(index.<String>getAs("status")).isEqualTo("PROVISIONAL");
        assertThat(index.<String>getAs("status_reason")).isEqualTo("FOLLOW_UP_NOT_ELAPSED");
        assertThat(index.<Integer>getAs("months_observed")).isEqualTo(12);
        assertThat(previous.<Object>getAs("status")).isNull();
        assertThat(previous.<String>getAs("event_type")).isEqualTo(ResearchRelease.PROVEN_OFFENCE);
        assertThat(previous.<Object>getAs("reoffence_for_cohorts")).isNull();
        assertThat(index.<String>getAs("event_type")).isEqualTo(ResearchRelease.INDEX_EVENT);
        assertThat(index.<Boolean>getAs("is_reoffender")).isTrue();
        assertThat(index.<Long>getAs("reoffences")).isEqualTo(1L);
        assertThat(reoffence.getList(reoffence.fieldIndex("reoffence_for_cohorts")))
                .containsExactly(d("2019-01-01"));
    }

    private static Date d(String date) {
        return Date.valueOf(date);
    }
}
