package org.lcjp.reoffending.needs;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.impact.AssessedNeeds;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.testing.SparkTestSession;

/** Tiny linked tables for the needs stages: each row names its person. */
final class NeedsFixtures {
    static final DateOfBirthCipher CIPHER = new DateOfBirthCipher(
            PseudonymisationKey.of("needs-test-key-0123456789abcdefgh".getBytes(StandardCharsets.UTF_8), "test"));

    static final StructType EVENTS = new StructType()
            .add("person_id", DataTypes.StringType)
            .add("index_date", DataTypes.DateType)
            .add("local_authority", DataTypes.StringType)
            .add("sex", DataTypes.StringType);
    static final StructType SPELLS = new StructType()
            .add("person_id", DataTypes.StringType)
            .add(ServiceSpells.SPELL_START, DataTypes.DateType)
            .add(ServiceSpells.SPELL_END, DataTypes.DateType);
    static final StructType ATTRIBUTES = new StructType()
            .add("person_id", DataTypes.StringType)
            .add("dob_cipher", DataTypes.BinaryType)
            .add("latest_postcode_district", DataTypes.StringType);

    private NeedsFixtures() {}

    static Date d(String date) {
        return date == null ? null : Date.valueOf(date);
    }

    static Dataset<Row> frame(StructType schema, List<Row> rows) {
        return SparkTestSession.get().createDataFrame(rows, schema);
    }

    static Row event(String person, String date, String area, String sex) {
        return RowFactory.create(person, d(date), area, sex);
    }

    static Row spell(String person, String start, String end) {
        return RowFactory.create(person, d(start), d(end));
    }

    static Row person(String person, String dob, String district) {
        return RowFactory.create(person, dob == null ? null : CIPHER.encrypt(LocalDate.parse(dob)), district);
    }

    /** The linked assessment columns (AssessedNeeds.linked). */
    static StructType assessments() {
        StructType s = new StructType()
                .add("person_id", DataTypes.StringType)
                .add(AssessedNeeds.ASSESSMENT_DATE, DataTypes.DateType)
                .add(AssessedNeeds.ASSESSMENT_RECORD, DataTypes.StringType);
        for (String n : Datasets.ASSESSED_NEEDS) {
            s = s.add(n, DataTypes.StringType);
        }
        return s.add(AssessedNeeds.REOFFENDING_RISK, DataTypes.StringType);
    }

    /** An assessment with the needs named (Y), every other section N, and a risk level (may be null). */
    static Row assessment(String person, String record, String date, String risk, String... needs) {
        List<Object> v = new ArrayList<>(List.of(person, d(date), record));
        for (String n : Datasets.ASSESSED_NEEDS) {
            v.add(List.of(needs).contains(n) ? "Y" : "N");
        }
        v.add(risk);
        return RowFactory.create(v.toArray());
    }
}
