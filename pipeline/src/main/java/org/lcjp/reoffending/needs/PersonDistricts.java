package org.lcjp.reoffending.needs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;
import static org.lcjp.reoffending.measures.MeasureColumns.LATEST_POSTCODE_DISTRICT;
import static org.lcjp.reoffending.measures.MeasureColumns.PERSON_ID;
import static org.lcjp.reoffending.measures.MeasureColumns.POSTCODE_DISTRICT;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.measures.IndexEvents;
import org.lcjp.reoffending.measures.StagedTables;

/**
 * Where a person lived at a date: the postcode district of their latest record dated on or before it (the record's
 * event date, as for attributes in methodology.md section 4), else their latest known district, as a local authority.
 */
public final class PersonDistricts {
    static final String EVENT_DATE = "_district_date";

    private PersonDistricts() {}

    /** person_id, event date, postcode district and provenance of every linked record carrying a district. */
    public static Dataset<Row> records(List<Dataset<Row>> staged, Dataset<Row> recordPerson) {
        Dataset<Row> all = null;
        for (Dataset<Row> t : staged) {
            Dataset<Row> r = t.select(
                    col(StagedColumns.AGENCY),
                    col(StagedColumns.DATASET),
                    col(StagedColumns.RECORD_ID),
                    StagedTables.optional(t, StagedColumns.EVENT_DATE, DataTypes.DateType)
                            .as(EVENT_DATE),
                    StagedTables.optional(t, StagedColumns.POSTCODE_DISTRICT, DataTypes.StringType)
                            .as(POSTCODE_DISTRICT));
            all = all == null ? r : all.unionByName(r);
        }
        String[] keys = {RecordPersonColumns.AGENCY, RecordPersonColumns.DATASET, RecordPersonColumns.RECORD_ID};
        return all.filter(col(POSTCODE_DISTRICT).isNotNull().and(col(EVENT_DATE).isNotNull()))
                .join(
                        recordPerson.select(
                                RecordPersonColumns.AGENCY,
                                RecordPersonColumns.DATASET,
                                RecordPersonColumns.RECORD_ID,
                                RecordPersonColumns.PERSON_ID),
                        keys);
    }

    /**
     * Rows with person_id and a date column, plus local_authority (areas.csv; OUT_OF_AREA, or UNKNOWN where the person
     * has no district at all). One row in, one row out.
     *
     * @param records    {@link #records}
     * @param attributes person_attributes (latest_postcode_district, the fallback)
     */
    public static Dataset<Row> withLocalAuthority(
            Dataset<Row> rows, String dateColumn, Dataset<Row> records, Dataset<Row> attributes, Dataset<Row> areas) {
        Dataset<Row> at = rows.select(col(PERSON_ID), col(dateColumn)).distinct();
        Dataset<Row> r = records.select(
                col(PERSON_ID).as("_rp"),
                col(EVENT_DATE),
                col(POSTCODE_DISTRICT),
                col(StagedColumns.AGENCY),
                col(StagedColumns.DATASET),
                col(StagedColumns.RECORD_ID));
        Dataset<Row> latest = at.join(
                        r,
                        col(PERSON_ID).equalTo(col("_rp")).and(col(EVENT_DATE).leq(col(dateColumn))))
                .groupBy(PERSON_ID, dateColumn)
                .agg(max_by(
                                col(POSTCODE_DISTRICT),
                                struct(
                                        col(EVENT_DATE),
                                        col(StagedColumns.AGENCY),
                                        col(StagedColumns.DATASET),
                                        col(StagedColumns.RECORD_ID)))
                        .as(POSTCODE_DISTRICT));
        Dataset<Row> located = rows.join(latest, new String[] {PERSON_ID, dateColumn}, "left")
                .join(attributes.select(PERSON_ID, LATEST_POSTCODE_DISTRICT), new String[] {PERSON_ID}, "left");
        return IndexEvents.withLocalAuthority(located, areas).drop(POSTCODE_DISTRICT, LATEST_POSTCODE_DISTRICT);
    }
}
