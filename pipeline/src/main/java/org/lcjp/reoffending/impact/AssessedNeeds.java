package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;
import static org.lcjp.reoffending.measures.MeasureColumns.INDEX_DATE;
import static org.lcjp.reoffending.measures.MeasureColumns.PERSON_ID;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.Datasets;

/**
 * Probation assessments (OASys) by person, and the latest one in a window before a date (methodology.md section 10:
 * an index event's assessment is the person's latest dated in the 12 months up to its index date). Each need column
 * holds Y, N or null (the section was not completed).
 */
public final class AssessedNeeds {
    public static final String ASSESSMENT_DATE = "assessment_date";
    public static final String ASSESSMENT_RECORD = "assessment_record_id";
    public static final String REOFFENDING_RISK = "reoffending_risk";
    /** The ten needs as published (upper case of the contract's columns). */
    public static final List<String> NEEDS =
            Datasets.ASSESSED_NEEDS.stream().map(AssessedNeeds::published).toList();

    public static final List<String> HIGH_RISK = List.of("HIGH", "VERY_HIGH");
    static final String YES = "Y";

    private final int lookBackMonths;

    /** @param lookBackMonths months up to the index date in which the assessment must be dated (setting, default 12) */
    public AssessedNeeds(int lookBackMonths) {
        this.lookBackMonths = lookBackMonths;
    }

    /** A contract need column as published: drugs -> DRUGS. */
    public static String published(String column) {
        return column.toUpperCase(Locale.ROOT);
    }

    /** person_id, assessment_date, assessment_record_id, the ten needs, reoffending_risk; unlinked rows left out. */
    public static Dataset<Row> linked(Dataset<Row> staged, Dataset<Row> recordPerson) {
        List<Column> out = new ArrayList<>(List.of(
                col(PERSON_ID), col(ASSESSMENT_DATE), col(Datasets.RECORD_ID).as(ASSESSMENT_RECORD)));
        Datasets.ASSESSED_NEEDS.forEach(n -> out.add(col(n)));
        out.add(col(REOFFENDING_RISK));
        return LinkedRecords.of(staged, Datasets.PROBATION_ASSESSMENTS, recordPerson)
                .select(out.toArray(Column[]::new));
    }

    /** True where the assessment identified the need (contract column name). */
    public static Column has(String column) {
        return col(column).equalTo(YES);
    }

    /** Index events (person_id, index_date) with their assessment's columns, null where none is in the window. */
    public Dataset<Row> atIndex(Dataset<Row> events, Dataset<Row> assessments) {
        return latestBetween(
                events,
                List.of(PERSON_ID, INDEX_DATE),
                add_months(col(INDEX_DATE), -lookBackMonths),
                col(INDEX_DATE),
                assessments);
    }

    /**
     * Rows with the columns of the person's latest assessment dated from {@code from} to {@code to} (both inclusive,
     * expressions over the rows' columns); the later record id breaks a tie of dates. One row in, one row out.
     */
    public static Dataset<Row> latestBetween(
            Dataset<Row> rows, List<String> keys, Column from, Column to, Dataset<Row> assessments) {
        Column[] keyColumns = keys.stream().map(k -> col(k)).toArray(Column[]::new);
        Dataset<Row> windows = rows.select(
                        Stream.concat(Stream.of(keyColumns), Stream.of(from.as("_from"), to.as("_to")))
                                .toArray(Column[]::new))
                .distinct();
        List<String> fields = Stream.concat(
                        Stream.of(ASSESSMENT_DATE, ASSESSMENT_RECORD),
                        Stream.concat(Datasets.ASSESSED_NEEDS.stream(), Stream.of(REOFFENDING_RISK)))
                .toList();
        Dataset<Row> a = assessments.select(Stream.concat(
                        Stream.of(col(PERSON_ID).as("_ap")), fields.stream().map(f -> col(f)))
                .toArray(Column[]::new));
        Dataset<Row> latest = windows.join(
                        a,
                        col(PERSON_ID)
                                .equalTo(col("_ap"))
                                .and(col(ASSESSMENT_DATE).between(col("_from"), col("_to"))))
                .groupBy(keyColumns)
                .agg(max_by(
                                struct(fields.stream().map(f -> col(f)).toArray(Column[]::new)),
                                struct(col(ASSESSMENT_DATE), col(ASSESSMENT_RECORD)))
                        .as("_a"));
        Dataset<Row> joined = rows.join(latest, keys.toArray(String[]::new), "left");
        List<Column> out = new ArrayList<>();
        for (String c : rows.columns()) {
            out.add(col(c));
        }
        fields.forEach(f -> out.add(col("_a." + f).as(f)));
        return joined.select(out.toArray(Column[]::new));
    }
}
