package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.lcjp.reoffending.measures.MeasureColumns.COHORT_END;
import static org.lcjp.reoffending.measures.MeasureColumns.COHORT_START;
import static org.lcjp.reoffending.measures.MeasureColumns.SEX;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.settings.ComparisonSettings;

/**
 * Women against men per cohort (methodology.md section 5): every reoffending measure (comparison SEX), the share
 * with each need (NEEDS, NEED_SHARE) and reoffending among those with each need (NEEDS, subgroup = the need).
 * People of unknown sex are in neither group. Collects only per-cohort, per-sex sums.
 */
public final class CompareSexes {
    public static final String WOMEN = "F";
    public static final String MEN = "M";
    private static final List<String> REOFFENDING = List.of(ComparisonRow.REOFFENDING_RATE,
            ComparisonRow.REOFFENCES_PER_OFFENDER, ComparisonRow.DAYS_TO_FIRST_REOFFENCE);
    private static final String SUBGROUP = "subgroup";
    private static final String HAS_NEED = "has_need";

    private final ComparisonTable table;

    public CompareSexes(ComparisonSettings settings) {
        this.table = new ComparisonTable(settings);
    }

    /** @param events index events with reoffences, days_to_first_reoffence, sex and the NeedsProfile flags */
    public List<ComparisonRow> run(Dataset<Row> events) {
        Dataset<Row> people = events.filter(col(SEX).isin(WOMEN, MEN))
                .withColumn(OutcomeSummaries.GROUP_NAME, col(SEX))
                .withColumn(MatchingColumns.WEIGHT, lit(1L))
                .withColumn(MatchingColumns.REOFFENDED, when(col(MatchingColumns.REOFFENCES).gt(0), 1).otherwise(0));
        Column[] needs = NeedsProfile.NEEDS.stream()
                .map(n -> struct(lit(n).as(SUBGROUP), col(NeedsProfile.flag(n)).as(HAS_NEED))).toArray(Column[]::new);
        Dataset<Row> byNeed = people.withColumn("_n", explode(array(needs)))
                .withColumn(SUBGROUP, col("_n." + SUBGROUP)).withColumn(HAS_NEED, col("_n." + HAS_NEED)).drop("_n");

        List<ComparisonRow> rows = new ArrayList<>();
        rows.addAll(rows(OutcomeSummaries.summarise(people, MatchingColumns.REOFFENDED, COHORT_START, COHORT_END),
                ComparisonRow.SEX, false, REOFFENDING, OutcomeSummaries::reoffending));
        rows.addAll(rows(OutcomeSummaries.summarise(byNeed, HAS_NEED, COHORT_START, COHORT_END, SUBGROUP),
                ComparisonRow.NEEDS, true, List.of(ComparisonRow.NEED_SHARE), OutcomeSummaries::share));
        rows.addAll(rows(OutcomeSummaries.summarise(byNeed.filter(col(HAS_NEED).equalTo(1)), MatchingColumns.REOFFENDED,
                        COHORT_START, COHORT_END, SUBGROUP),
                ComparisonRow.NEEDS, true, REOFFENDING, OutcomeSummaries::reoffending));
        return rows;
    }

    private List<ComparisonRow> rows(Dataset<Row> summaries, String comparison, boolean bySubgroup, List<String> measures,
                                     Function<Row, GroupOutcome> outcome) {
        Map<ComparisonTable.Cell, List<GroupOutcome>> cells = new LinkedHashMap<>();
        List<Row> collected = new ArrayList<>(summaries.collectAsList());
        collected.sort(Comparator.comparing((Row r) -> localDate(r.getAs(COHORT_START)))
                .thenComparing(r -> bySubgroup ? r.<String>getAs(SUBGROUP) : "")
                .thenComparing(r -> r.<String>getAs(OutcomeSummaries.GROUP_NAME)));
        for (Row r : collected) {
            ComparisonTable.Cell cell = new ComparisonTable.Cell(comparison, localDate(r.getAs(COHORT_START)),
                    localDate(r.getAs(COHORT_END)), ComparisonRow.OBSERVED,
                    bySubgroup ? r.getAs(SUBGROUP) : ComparisonRow.ALL);
            cells.computeIfAbsent(cell, c -> new ArrayList<>()).add(outcome.apply(r));
        }
        List<ComparisonRow> out = new ArrayList<>();
        cells.forEach((cell, groups) -> {
            if (groups.stream().noneMatch(g -> g.groupName().equals(WOMEN))) {
                groups.add(0, new GroupOutcome(WOMEN, 0, Map.of()));
            }
            out.addAll(table.rows(cell, MEN, groups, measures, null));
        });
        return out;
    }

    /** Collected dates are java.sql.Date, or LocalDate when the session uses the Java 8 time API. */
    static LocalDate localDate(Object value) {
        return value == null ? null : value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }
}
