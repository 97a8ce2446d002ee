package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.lcjp.reoffending.measures.MeasureColumns.INDEX_DATE;
import static org.lcjp.reoffending.measures.MeasureColumns.PERSON_ID;
import static org.lcjp.reoffending.measures.MeasureColumns.SEX;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.lcjp.reoffending.settings.ComparisonSettings;

/**
 * Women against men per financial year and POOLED (methodology.md section 5): every reoffending measure (comparison
 * SEX), the share with each need (NEEDS, NEED_SHARE) and reoffending among those with each need (NEEDS, subgroup =
 * the need). People of unknown sex are in neither group. The needs are the three services of section 5 and, when
 * the people carry their flags ({@link NeedsProfile#withAssessedNeeds}), the ten assessed needs; a need's share is
 * over the people whose flag is not null (for assessed needs, the people assessed). Collects only per-period, per-sex
 * sums.
 */
public final class CompareSexes {
    public static final String WOMEN = "F";
    public static final String MEN = "M";
    private static final List<String> REOFFENDING = List.of(
            ComparisonRow.REOFFENDING_RATE,
            ComparisonRow.REOFFENCES_PER_OFFENDER,
            ComparisonRow.DAYS_TO_FIRST_REOFFENCE);
    private static final String SUBGROUP = "subgroup";
    private static final String HAS_NEED = "has_need";

    private final ComparisonTable table;

    public CompareSexes(ComparisonSettings settings) {
        this.table = new ComparisonTable(settings);
    }

    /**
     * The people compared: index events with complete follow-up, each person's earliest in each financial year (a
     * person's index events of one year are one person of that year), with its period columns.
     */
    public static Dataset<Row> sample(Dataset<Row> indexEvents, ComparisonPeriods periods) {
        return periods.select(indexEvents, INDEX_DATE)
                .withColumn(
                        "_n",
                        row_number()
                                .over(Window.partitionBy(col(PERSON_ID), col(ComparisonPeriods.PERIOD))
                                        .orderBy(col(INDEX_DATE))))
                .filter(col("_n").equalTo(1))
                .drop("_n");
    }

    /** @param people {@link #sample} with reoffences, days_to_first_reoffence, sex and the NeedsProfile flags */
    public List<ComparisonRow> run(Dataset<Row> people) {
        // Three collects below read the people (index events, service spells and assessments joined): build them once.
        Dataset<Row> sexed = ComparisonPeriods.withPooled(people.filter(col(SEX).isin(WOMEN, MEN)))
                .withColumn(OutcomeSummaries.GROUP_NAME, col(SEX))
                .withColumn(MatchingColumns.WEIGHT, lit(1L))
                .withColumn(
                        MatchingColumns.REOFFENDED,
                        when(col(MatchingColumns.REOFFENCES).gt(0), 1).otherwise(0))
                .persist();
        try {
            return compare(people, sexed);
        } finally {
            sexed.unpersist();
        }
    }

    private List<ComparisonRow> compare(Dataset<Row> people, Dataset<Row> sexed) {
        List<String> columns = List.of(people.columns());
        Column[] needs = java.util.stream.Stream.concat(NeedsProfile.NEEDS.stream(), NeedsProfile.ASSESSED.stream())
                .filter(n -> columns.contains(NeedsProfile.flag(n)))
                .map(n -> struct(lit(n).as(SUBGROUP), col(NeedsProfile.flag(n)).as(HAS_NEED)))
                .toArray(Column[]::new);
        Dataset<Row> byNeed = sexed.withColumn("_n", explode(array(needs)))
                .withColumn(SUBGROUP, col("_n." + SUBGROUP))
                .withColumn(HAS_NEED, col("_n." + HAS_NEED))
                .drop("_n");
        String[] keys = {ComparisonPeriods.PERIOD, ComparisonPeriods.PERIOD_START, ComparisonPeriods.PERIOD_END};
        String[] needKeys = {
            ComparisonPeriods.PERIOD, ComparisonPeriods.PERIOD_START, ComparisonPeriods.PERIOD_END, SUBGROUP
        };

        List<ComparisonRow> rows = new ArrayList<>();
        rows.addAll(rows(
                OutcomeSummaries.summarise(sexed, MatchingColumns.REOFFENDED, keys),
                ComparisonRow.SEX,
                null,
                REOFFENDING,
                OutcomeSummaries::reoffending));
        rows.addAll(rows(
                OutcomeSummaries.summarise(byNeed.filter(col(HAS_NEED).isNotNull()), HAS_NEED, needKeys),
                ComparisonRow.NEEDS,
                SUBGROUP,
                List.of(ComparisonRow.NEED_SHARE),
                OutcomeSummaries::share));
        rows.addAll(rows(
                OutcomeSummaries.summarise(
                        byNeed.filter(col(HAS_NEED).equalTo(1)), MatchingColumns.REOFFENDED, needKeys),
                ComparisonRow.NEEDS,
                SUBGROUP,
                REOFFENDING,
                OutcomeSummaries::reoffending));
        return rows;
    }

    private List<ComparisonRow> rows(
            Dataset<Row> summaries,
            String comparison,
            String subgroup,
            List<String> measures,
            Function<Row, GroupOutcome> outcome) {
        List<ComparisonRow> out = new ArrayList<>();
        ComparisonPeriods.cells(summaries.collectAsList(), comparison, ComparisonRow.OBSERVED, subgroup, outcome)
                .forEach((cell, groups) -> {
                    if (groups.stream().noneMatch(g -> g.groupName().equals(WOMEN))) {
                        groups.add(0, new GroupOutcome(WOMEN, 0, Map.of()));
                    }
                    out.addAll(table.rows(cell, MEN, groups, measures, null));
                });
        return out;
    }
}
