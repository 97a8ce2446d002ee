package org.lcjp.reoffending.linkage.core;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.measures.AgeAtDate;
import org.lcjp.reoffending.measures.Bands;
import org.lcjp.reoffending.measures.MeasureColumns;
import org.lcjp.reoffending.measures.PersonAttributes;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;

/**
 * The groups linkage quality is broken down by, taken from each record itself: its sex and ethnicity as the agency
 * recorded them, and its age band at its own event date (age from the encrypted date of birth, bands as the measures
 * band ages: cohort.age_band_starts); the dataset comes with the record. A record without the value is UNKNOWN (sex
 * U). Without a cipher (benchmarks) every age band is UNKNOWN.
 *
 * @param cipher        decrypts dates of birth (null: no ages)
 * @param ageBandStarts lower bounds of the age bands
 */
public record RecordGroups(DateOfBirthCipher cipher, List<Integer> ageBandStarts) implements Serializable {
    public static final String SEX = "group_sex";
    public static final String ETHNICITY = "group_ethnicity";
    public static final String AGE_BAND = "group_age_band";
    /** Dimension name (as linkage_quality's dimension column has it) to the record column holding the group. */
    public static final Map<String, String> DIMENSIONS = dimensions();

    public static final String DATASET_DIMENSION = "DATASET";

    public static RecordGroups none() {
        return new RecordGroups(null, List.of());
    }

    private static Map<String, String> dimensions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("SEX", SEX);
        m.put("ETHNICITY", ETHNICITY);
        m.put("AGE_BAND", AGE_BAND);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The group columns (of {@link #DIMENSIONS}) among a table's columns, in the dimensions' order. */
    public static List<String> present(String[] columns) {
        List<String> have = Arrays.asList(columns);
        return DIMENSIONS.values().stream().filter(have::contains).toList();
    }

    /**
     * A record's groups, to explode into one row per group: structs of d (the dimension) and g (the group), DATASET
     * (agency/dataset) first, then each dimension whose column the table has.
     */
    public static Column groupsOf(String[] columns) {
        List<String> have = present(columns);
        List<Column> groups = new ArrayList<>(List.of(struct(
                lit(DATASET_DIMENSION).as("d"),
                concat_ws("/", col(RecordPersonColumns.AGENCY), col(RecordPersonColumns.DATASET))
                        .as("g"))));
        DIMENSIONS.forEach((dimension, column) -> {
            if (have.contains(column)) {
                groups.add(struct(lit(dimension).as("d"), col(column).as("g")));
            }
        });
        return array(groups.toArray(Column[]::new));
    }

    /** The three group columns of a staged table with these columns. */
    public List<Column> columns(List<String> present) {
        Column sex = present.contains(StagedColumns.SEX)
                ? col(StagedColumns.SEX).cast(DataTypes.StringType)
                : lit(null).cast(DataTypes.StringType);
        Column ethnicity = present.contains(StagedColumns.ETHNICITY)
                ? col(StagedColumns.ETHNICITY).cast(DataTypes.StringType)
                : lit(null).cast(DataTypes.StringType);
        Column band = lit(null).cast(DataTypes.StringType);
        if (cipher != null
                && !ageBandStarts.isEmpty()
                && present.contains(StagedColumns.DOB_CIPHER)
                && present.contains(StagedColumns.EVENT_DATE)) {
            Column age = AgeAtDate.age(cipher, col(StagedColumns.DOB_CIPHER), col(StagedColumns.EVENT_DATE));
            band = Bands.band(age, ageBandStarts, Bands.countLabels(ageBandStarts));
        }
        return List.of(
                coalesce(sex, lit(PersonAttributes.UNKNOWN_SEX)).as(SEX),
                coalesce(ethnicity, lit(PersonAttributes.UNKNOWN_ETHNICITY)).as(ETHNICITY),
                coalesce(band, lit(MeasureColumns.UNKNOWN)).as(AGE_BAND));
    }
}
