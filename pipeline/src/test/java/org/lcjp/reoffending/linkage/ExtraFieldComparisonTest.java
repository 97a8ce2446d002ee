package org.lcjp.reoffending.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcjp.reoffending.linkage.ClearRecords.row;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.linkage.comparison.Comparison;
import org.lcjp.reoffending.linkage.comparison.Comparisons;
import org.lcjp.reoffending.linkage.core.ExtraField;
import org.lcjp.reoffending.linkage.core.LinkageRecords;
import org.lcjp.reoffending.pseudonymise.PseudonymiseIdentifiers;
import org.lcjp.reoffending.settings.LinkageSettings;
import org.lcjp.reoffending.settings.PseudonymiseSettings;

/** Extra identifiers (extra_<name>_token / _bloom) are found in staged tables and compared level by level. */
class ExtraFieldComparisonTest {
    private static final LinkageSettings SETTINGS = LinkageSettings.defaults();

    @ParameterizedTest(name = "{0} / {1} vs {2} -> {3}")
    @CsvSource(
            nullValues = "NULL",
            value = {
                "address, 12 High Street, 12 high  street., exact",
                "address, 12 High Street, 12 High Stret, dice>=0.80",
                "address, 12 High Street, 12 High Road, dice>=0.60",
                "address, 12 High Street, 7 Moor Lane, else",
                "address, NULL, 7 Moor Lane, null",
                "ssn, 1234567, 1234567, exact",
                "ssn, 1234567, 1234568, else"
            })
    void pairFallsInItsLevel(String field, String left, String right, String expected) {
        boolean fuzzy = field.equals("address");
        Dataset<Row> staged = withExtra(field, fuzzy, left, right);
        List<ExtraField> extras = ExtraField.discover(List.of(staged));
        assertThat(extras).containsExactly(new ExtraField(field, fuzzy));
        Dataset<Row> records = new LinkageRecords(SETTINGS, 8).apply(Map.of(ClearRecords.POLICE, staged));
        Comparison c = Comparisons.all(SETTINGS, extras).stream()
                .filter(x -> x.name().equals("extra_" + field))
                .findFirst()
                .orElseThrow();
        int gamma = ClearRecords.compareFirstTwo(List.of(c), records).getAs(c.gammaColumn());
        assertThat(gamma == Comparison.NULL_LEVEL ? "null" : c.labels().get(gamma))
                .isEqualTo(expected);
    }

    @Test
    void agencyTablesWithoutExtrasKeepTheAgencyModel() {
        Dataset<Row> staged = ClearRecords.staged(row("1", "C1", null, "ann", "lee", "1980-01-01", "F", null));
        assertThat(ExtraField.discover(List.of(staged))).isEmpty();
        assertThat(Comparisons.all(SETTINGS, List.of()))
                .extracting(Comparison::name)
                .containsExactly("pnc", "forename", "surname", "dob", "sex", "postcode");
        assertThat(new LinkageRecords(SETTINGS, 8)
                        .apply(Map.of(ClearRecords.POLICE, staged))
                        .columns())
                .noneMatch(col -> col.startsWith(StagedColumns.EXTRA_PREFIX));
    }

    @Test
    void clearExtraValuesDoNotSurvivePseudonymisation() {
        Dataset<Row> staged = withExtra("address", true, "12 High Street", "7 Moor Lane");
        assertThat(staged.columns()).doesNotContain("address").contains("extra_address_token", "extra_address_bloom");
    }

    private static Dataset<Row> withExtra(String field, boolean fuzzy, String left, String right) {
        Dataset<Row> base = ClearRecords.staged(
                row("1", "C1", null, "ann", "lee", "1980-01-01", "F", null),
                row("2", "C2", null, "ann", "lee", "1980-01-01", "F", null));
        Dataset<Row> clear = base.withColumn(
                field,
                org.apache
                        .spark
                        .sql
                        .functions
                        .when(base.col("record_id").equalTo("1"), org.apache.spark.sql.functions.lit(left))
                        .otherwise(org.apache.spark.sql.functions.lit(right)));
        PseudonymiseIdentifiers p = new PseudonymiseIdentifiers(PseudonymiseSettings.defaults(), ClearRecords.KEY);
        return fuzzy ? p.withExtras(clear, List.of(field), List.of()) : p.withExtras(clear, List.of(), List.of(field));
    }
}
