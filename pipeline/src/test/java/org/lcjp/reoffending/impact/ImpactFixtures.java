package org.lcjp.reoffending.impact;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.testing.SparkTestSession;

/** Tiny literal inputs in the column contracts of the measure and linkage tables. */
final class ImpactFixtures {
    static final DateOfBirthCipher CIPHER = new DateOfBirthCipher(
            PseudonymisationKey.of("impact-tests-secret-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8), "test"));

    static final StructType PROVEN = new StructType()
            .add("person_id", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("offence_code", DataTypes.StringType)
            .add("offence_date", DataTypes.DateType)
            .add("disposal_date", DataTypes.DateType)
            .add("harm_days", DataTypes.DoubleType);

    private ImpactFixtures() {}

    static Date d(String iso) {
        return iso == null ? null : Date.valueOf(iso);
    }

    static Dataset<Row> frame(StructType schema, Object[]... rows) {
        List<Row> list = Arrays.stream(rows).map(RowFactory::create).toList();
        return SparkTestSession.get().createDataFrame(list, schema);
    }

    /** (person, offence date, disposal date, harm) rows of ProvenOffences. */
    static Dataset<Row> proven(Object[]... rows) {
        return frame(
                PROVEN,
                Arrays.stream(rows)
                        .map(r -> new Object[] {
                            r[0], "courts/convictions", "105/01", d((String) r[1]), d((String) r[2]), r[3]
                        })
                        .toArray(Object[][]::new));
    }

    /** (agency, dataset, record_id, person_id). */
    static Dataset<Row> recordPerson(Object[]... rows) {
        return frame(
                new StructType()
                        .add(RecordPersonColumns.AGENCY, DataTypes.StringType)
                        .add(RecordPersonColumns.DATASET, DataTypes.StringType)
                        .add(RecordPersonColumns.RECORD_ID, DataTypes.StringType)
                        .add(RecordPersonColumns.PERSON_ID, DataTypes.StringType),
                rows);
    }
}
