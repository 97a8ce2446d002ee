package org.lcjp.reoffending.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** comparison_balance's rows and schema (outputs.md), with no Spark. */
class ComparisonBalanceRowTest {
    @Test
    void aRowPerCovariateOfTheComparisonWithNonFiniteFiguresAsNull() {
        List<ComparisonBalanceRow> rows = ComparisonBalanceRow.of(
                ComparisonRow.DIVERSION,
                List.of(
                        new BalanceTable.Balance("age", 30.5, 28.0, 30.1, 0.25, 0.04, false),
                        new BalanceTable.Balance(
                                "female", 1.0, Double.NaN, 1.0, Double.POSITIVE_INFINITY, Double.NaN, true)));

        assertThat(Arrays.asList(ComparisonBalanceRow.SCHEMA.fieldNames()))
                .containsExactly(
                        "comparison",
                        "covariate",
                        "treated_mean",
                        "control_mean_before",
                        "control_mean_after",
                        "smd_before",
                        "smd_after",
                        "imbalanced_after");
        Row age = rows.get(0).toRow();
        Row female = rows.get(1).toRow();
        assertThat(age.toSeq().toList().toString())
                .isEqualTo("List(DIVERSION, age, 30.5, 28.0, 30.1, 0.25, 0.04, false)");
        assertThat(female.toSeq().toList().toString())
                .isEqualTo("List(DIVERSION, female, 1.0, null, 1.0, null, null, true)");
    }
}
