package org.lcjp.reoffending.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcjp.reoffending.linkage.ClearRecords.row;

import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lcjp.reoffending.linkage.comparison.Comparison;
import org.lcjp.reoffending.linkage.comparison.Comparisons;
import org.lcjp.reoffending.linkage.core.LinkageRecords;
import org.lcjp.reoffending.pseudonymise.PncId;
import org.lcjp.reoffending.settings.LinkageSettings;

/** Each level of each comparison, on tokens made by the real pseudonymisation stage. */
class ComparisonLevelsTest {
    static final String PNC_A = "2001/0000001" + PncId.checkLetter(1, 1);
    static final String PNC_B = "2001/0000002" + PncId.checkLetter(1, 2);

    record Case(String description, String comparison, String[] left, String[] right, String expectedLevel) {
        @Override
        public String toString() {
            return description;
        }
    }

    // row: record_id, custody_ref, pnc_id, forename, surname, dob, sex, postcode
    static Stream<Case> cases() {
        return Stream.of(
                new Case("pnc exact", "pnc", p(PNC_A, "ann", "lee"), p(PNC_A, "bob", "ray"), "exact"),
                new Case("pnc different", "pnc", p(PNC_A, "ann", "lee"), p(PNC_B, "ann", "lee"), "else"),
                new Case("pnc missing", "pnc", p(null, "ann", "lee"), p(PNC_B, "ann", "lee"), "null"),
                new Case(
                        "forename exact after normalising",
                        "forename",
                        p(null, "John", "lee"),
                        p(null, " JOHN", "lee"),
                        "exact"),
                new Case(
                        "forename crossed with surname",
                        "forename",
                        p(null, "smith", "john"),
                        p(null, "john", "smith"),
                        "crossed"),
                new Case(
                        "forename close spelling",
                        "forename",
                        p(null, "christopher", "lee"),
                        p(null, "christophr", "lee"),
                        "dice>=0.80"),
                new Case("surname same sound", "surname", p(null, "ann", "smith"), p(null, "ann", "smyth"), "sound"),
                new Case("surname different", "surname", p(null, "ann", "lee"), p(null, "ann", "wojcik"), "else"),
                new Case("dob exact", "dob", d("1990-03-05"), d("1990-03-05"), "exact"),
                new Case("dob day and month swapped", "dob", d("1990-03-05"), d("1990-05-03"), "day-month swapped"),
                new Case("dob day mistyped", "dob", d("1990-03-05"), d("1990-03-25"), "one part differs"),
                new Case("dob month mistyped", "dob", d("1990-03-05"), d("1990-08-05"), "one part differs"),
                new Case("dob year mistyped", "dob", d("1990-03-05"), d("1980-03-05"), "one part differs"),
                new Case("dob same year only", "dob", d("1990-03-05"), d("1990-11-06"), "year"),
                new Case("dob different", "dob", d("1990-03-05"), d("1991-04-06"), "else"),
                new Case("dob missing", "dob", d(null), d("1991-03-05"), "null"),
                new Case("sex same", "sex", s("M"), s("M"), "exact"),
                new Case("sex different", "sex", s("M"), s("F"), "else"),
                new Case("sex unknown", "sex", s("U"), s("M"), "null"),
                new Case("postcode same", "postcode", pc("TS1 3BQ"), pc("ts13bq"), "exact"),
                new Case("postcode same district", "postcode", pc("TS1 3BQ"), pc("TS1 4AA"), "district"),
                new Case("postcode different", "postcode", pc("TS1 3BQ"), pc("DH1 1AA"), "else"),
                new Case("postcode missing", "postcode", pc(null), pc("DH1 1AA"), "null"));
    }

    @org.junit.jupiter.api.Test
    void shuffledProfilesCompareAsBroadcastOnes() {
        LinkageSettings settings = LinkageSettings.defaults();
        Dataset<Row> records = new LinkageRecords(settings, 8)
                .apply(ClearRecords.police(
                        ClearRecords.row("1", "C1", null, "jon", "smith", "1980-03-04", "M", "DH1 3LE"),
                        ClearRecords.row("2", "C2", null, "john", "smyth", "1980-04-03", "M", "DH1 4AB")));
        List<Comparison> all = Comparisons.all(settings);
        Row broadcast = ClearRecords.compareFirstTwo(all, records, true);
        var conf = org.lcjp.reoffending.testing.SparkTestSession.get().conf();
        String threshold = conf.get("spark.sql.autoBroadcastJoinThreshold");
        conf.set("spark.sql.autoBroadcastJoinThreshold", "-1"); // else Spark broadcasts a tiny table anyway
        try {
            assertThat(ClearRecords.compareFirstTwo(all, records, false)).isEqualTo(broadcast);
        } finally {
            conf.set("spark.sql.autoBroadcastJoinThreshold", threshold);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pairFallsInItsLevel(Case c) {
        String[] left = c.left().clone();
        String[] right = c.right().clone();
        left[0] = "1";
        right[0] = "2";
        LinkageSettings settings = LinkageSettings.defaults();
        Dataset<Row> records = new LinkageRecords(settings, 8).apply(ClearRecords.police(left, right));
        Comparison comparison = Comparisons.all(settings).stream()
                .filter(x -> x.name().equals(c.comparison()))
                .findFirst()
                .orElseThrow();
        int gamma = ClearRecords.compareFirstTwo(List.of(comparison), records).getAs(comparison.gammaColumn());
        String level =
                gamma == Comparison.NULL_LEVEL ? "null" : comparison.labels().get(gamma);
        assertThat(level).as(c.description()).isEqualTo(c.expectedLevel());
    }

    private static String[] p(String pnc, String forename, String surname) {
        return row(null, "C1", pnc, forename, surname, "1980-01-01", "M", "TS1 3BQ");
    }

    private static String[] d(String dob) {
        return row(null, "C1", null, "ann", "lee", dob, "F", null);
    }

    private static String[] s(String sex) {
        return row(null, "C1", null, "ann", "lee", "1980-01-01", sex, null);
    }

    private static String[] pc(String postcode) {
        return row(null, "C1", null, "ann", "lee", "1980-01-01", "F", postcode);
    }
}
