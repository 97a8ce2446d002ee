package org.lcjp.reoffending.impact;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.domain.StagedColumns;

/** Staged rows of one dataset with the person_id linkage gave them; rows linkage did not place are dropped. */
public final class LinkedRecords {
    private LinkedRecords() {}

    public static Dataset<Row> of(Dataset<Row> staged, DatasetId id, Dataset<Row> recordPerson) {
        Dataset<Row> people = recordPerson
                .filter(col(RecordPersonColumns.AGENCY)
                        .equalTo(id.agency())
                        .and(col(RecordPersonColumns.DATASET).equalTo(id.dataset())))
                .select(col(RecordPersonColumns.RECORD_ID).as("_linked_record"), col(RecordPersonColumns.PERSON_ID));
        Dataset<Row> rows = staged.drop(RecordPersonColumns.PERSON_ID);
        return rows.join(people, rows.col(StagedColumns.RECORD_ID).equalTo(col("_linked_record")))
                .drop("_linked_record");
    }
}
