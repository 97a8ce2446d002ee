package org.lcjp.reoffending.measures;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;
import static org.lcjp.reoffending.measures.MeasureColumns.*;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.domain.StagedColumns;

/**
 * One row per linked person: date of birth (still encrypted), sex and ethnicity as the most frequent known value over
 * their records, the value whose latest record is latest breaking ties (methodology.md sections 2 and 4), and the
 * postcode district of their latest record that has one.
 */
public final class PersonAttributes {
    public static final String UNKNOWN_SEX = "U";
    public static final String UNKNOWN_ETHNICITY = "UNKNOWN";
    public static final List<String> COLUMNS = List.of(PERSON_ID, DOB_CIPHER, SEX, ETHNICITY, LATEST_POSTCODE_DISTRICT);

    /**
     * @param staged       every staged table (any dataset); missing optional columns read as null
     * @param recordPerson linkage record_person
     */
    public Dataset<Row> build(List<Dataset<Row>> staged, Dataset<Row> recordPerson) {
        Dataset<Row> records = null;
        for (Dataset<Row> t : staged) {
            Dataset<Row> r = t.select(
                    col(StagedColumns.AGENCY),
                    col(StagedColumns.DATASET),
                    col(StagedColumns.RECORD_ID),
                    StagedTables.optional(t, StagedColumns.EVENT_DATE, DataTypes.DateType)
                            .as("_event_date"),
                    StagedTables.optional(t, StagedColumns.SEX, DataTypes.StringType)
                            .as(SEX),
                    StagedTables.optional(t, StagedColumns.ETHNICITY, DataTypes.StringType)
                            .as(ETHNICITY),
                    StagedTables.optional(t, StagedColumns.POSTCODE_DISTRICT, DataTypes.StringType)
                            .as(POSTCODE_DISTRICT),
                    StagedTables.optional(t, StagedColumns.DOB_CIPHER, DataTypes.BinaryType)
                            .as(DOB_CIPHER));
            records = records == null ? r : records.unionByName(r);
        }
        Dataset<Row> linked = records.join(
                recordPerson.select(
                        RecordPersonColumns.AGENCY,
                        RecordPersonColumns.DATASET,
                        RecordPersonColumns.RECORD_ID,
                        RecordPersonColumns.PERSON_ID),
                new String[] {RecordPersonColumns.AGENCY, RecordPersonColumns.DATASET, RecordPersonColumns.RECORD_ID});

        Dataset<Row> people = linked.select(PERSON_ID).distinct();
        return people.join(
                        mostFrequent(linked, DOB_CIPHER, col(DOB_CIPHER).isNotNull()), new String[] {PERSON_ID}, "left")
                .join(
                        mostFrequent(linked, SEX, col(SEX).isNotNull().and(col(SEX).notEqual(UNKNOWN_SEX))),
                        new String[] {PERSON_ID},
                        "left")
                .join(
                        mostFrequent(
                                linked,
                                ETHNICITY,
                                col(ETHNICITY).isNotNull().and(col(ETHNICITY).notEqual(UNKNOWN_ETHNICITY))),
                        new String[] {PERSON_ID},
                        "left")
                .join(latestPostcode(linked), new String[] {PERSON_ID}, "left")
                .select(
                        col(PERSON_ID),
                        col(DOB_CIPHER),
                        coalesce(col(SEX), lit(UNKNOWN_SEX)).as(SEX),
                        coalesce(col(ETHNICITY), lit(UNKNOWN_ETHNICITY)).as(ETHNICITY),
                        col(LATEST_POSTCODE_DISTRICT));
    }

    /** Per person, the known value with most records; among equals, the one whose latest record is latest. */
    static Dataset<Row> mostFrequent(Dataset<Row> linked, String column, Column known) {
        Column rank = struct(col("_records"), col("_latest"), col(column).as("_tie"));
        return linked.filter(known)
                .groupBy(col(PERSON_ID), col(column))
                .agg(count(lit(1)).as("_records"), max(col("_event_date")).as("_latest"))
                .groupBy(PERSON_ID)
                .agg(max_by(col(column), rank).as(column));
    }

    private static Dataset<Row> latestPostcode(Dataset<Row> linked) {
        return linked.filter(col(POSTCODE_DISTRICT).isNotNull())
                .groupBy(PERSON_ID)
                .agg(max_by(col(POSTCODE_DISTRICT), struct(col("_event_date"), col(RecordPersonColumns.RECORD_ID)))
                        .as(LATEST_POSTCODE_DISTRICT));
    }
}
