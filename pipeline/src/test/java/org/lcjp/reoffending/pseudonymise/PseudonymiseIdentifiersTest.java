package org.lcjp.reoffending.pseudonymise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.settings.PseudonymiseSettings;
import org.lcjp.reoffending.testing.SparkTestSession;

/** The tokens of one clear row are the keyed hashes of exactly the normalised parts the linkage relies on. */
class PseudonymiseIdentifiersTest {
    private static final PseudonymisationKey KEY = PseudonymisationKey.of(
            "a test key that is long enough to be used 123".getBytes(StandardCharsets.UTF_8), "test");
    private static final StructType CLEAR = new StructType()
            .add("agency", DataTypes.StringType)
            .add("dataset", DataTypes.StringType)
            .add("record_id", DataTypes.StringType)
            .add("custody_ref", DataTypes.StringType)
            .add("pnc_id", DataTypes.StringType)
            .add("forename", DataTypes.StringType)
            .add("surname", DataTypes.StringType)
            .add("date_of_birth", DataTypes.DateType)
            .add("sex", DataTypes.StringType)
            .add("ethnicity", DataTypes.StringType)
            .add("postcode", DataTypes.StringType);

    private static Row pseudonymised(String dob) {
        Row clear = RowFactory.create(
                "police",
                "outcomes",
                "R1",
                "C1",
                "2001/0000001Z",
                " José ",
                "O'Neil",
                dob == null ? null : Date.valueOf(dob),
                "F",
                "W1",
                "ls1 4ab");
        return new PseudonymiseIdentifiers(PseudonymiseSettings.defaults(), KEY)
                .apply(
                        SparkTestSession.get().createDataFrame(List.of(clear), CLEAR),
                        Datasets.spec(Datasets.POLICE_OUTCOMES))
                .first();
    }

    @Test
    void dateOfBirthPartsAreTokensOfTheirIsoText() {
        FieldTokens h = new FieldTokens(KEY);
        Row r = pseudonymised("1987-03-09");
        assertThat((String) r.getAs(StagedColumns.DOB_TOKEN))
                .isEqualTo(h.token("dob", "1987-03-09"))
                .hasSize(32);
        assertThat((String) r.getAs(StagedColumns.DOB_SWAPPED_TOKEN)).isEqualTo(h.token("dob", "1987-09-03"));
        assertThat((String) r.getAs(StagedColumns.DOB_YEAR_MONTH_TOKEN)).isEqualTo(h.token("dob-ym", "1987-03"));
        assertThat((String) r.getAs(StagedColumns.DOB_YEAR_TOKEN)).isEqualTo(h.token("dob-y", "1987"));
        assertThat((String) r.getAs(StagedColumns.DOB_YEAR_DAY_TOKEN)).isEqualTo(h.token("dob-yd", "1987-09"));
        assertThat((String) r.getAs(StagedColumns.DOB_MONTH_DAY_TOKEN)).isEqualTo(h.token("dob-md", "03-09"));
        assertThat(new DateOfBirthCipher(KEY).decrypt(r.getAs(StagedColumns.DOB_CIPHER)))
                .isEqualTo(LocalDate.of(1987, 3, 9));
    }

    @Test
    void noSwappedTokenWhenDayCannotBeAMonthOrEqualsIt() {
        assertThat((String) pseudonymised("1987-03-23").getAs(StagedColumns.DOB_SWAPPED_TOKEN))
                .isNull();
        assertThat((String) pseudonymised("1987-04-04").getAs(StagedColumns.DOB_SWAPPED_TOKEN))
                .isNull();
        Row none = pseudonymised(null);
        assertThat((String) none.getAs(StagedColumns.DOB_TOKEN)).isNull();
        assertThat((String) none.getAs(StagedColumns.DOB_YEAR_TOKEN)).isNull();
        assertThat((Object) none.getAs(StagedColumns.DOB_CIPHER)).isNull();
    }

    @Test
    void clearColumnsAreGoneAndNamesNormalisedBeforeHashing() {
        Row r = pseudonymised("1987-03-09");
        assertThat(r.schema().fieldNames())
                .doesNotContain("forename", "surname", "date_of_birth", "pnc_id", "postcode", "custody_ref");
        FieldTokens h = new FieldTokens(KEY);
        assertThat((String) r.getAs(StagedColumns.FORENAME_TOKEN)).isEqualTo(h.token("name", "jose"));
        assertThat((String) r.getAs(StagedColumns.SURNAME_TOKEN)).isEqualTo(h.token("name", "oneil"));
        assertThat((String) r.getAs(StagedColumns.POSTCODE_TOKEN)).isEqualTo(h.token("postcode", "LS14AB"));
        assertThat((String) r.getAs(StagedColumns.POSTCODE_DISTRICT)).isEqualTo("LS1");
    }

    @Test
    void cachedEncodingsEqualFreshOnes() {
        BloomEncoder encoder = BloomEncoder.of(KEY.derive("bloom:forename"), PseudonymiseSettings.defaults());
        long[] first = encoder.encode("annabel", "1987");
        encoder.encode("hannah", "1987");
        assertThat(encoder.encode("annabel", "1987"))
                .isEqualTo(first)
                .isEqualTo(BloomEncoder.of(KEY.derive("bloom:forename"), PseudonymiseSettings.defaults())
                        .encode("annabel", "1987"));
        DateOfBirthCipher cipher = new DateOfBirthCipher(KEY);
        byte[] sealed = cipher.encrypt(LocalDate.of(2000, 2, 29));
        sealed[0] ^= 1;
        assertThat(cipher.encrypt(LocalDate.of(2000, 2, 29)))
                .as("the cache hands out copies")
                .isEqualTo(new DateOfBirthCipher(KEY).encrypt(LocalDate.of(2000, 2, 29)));
    }

    @Test
    void nameFiltersHaveTheirOwnKeysAndAreSaltedWithTheYearOfBirth() {
        Row r = pseudonymised("1987-03-09");
        BloomEncoder forenames = BloomEncoder.of(KEY.derive("bloom:forename"), PseudonymiseSettings.defaults());
        assertThat(r.<Long>getList(r.fieldIndex(StagedColumns.FORENAME_BLOOM)))
                .containsExactlyElementsOf(java.util.Arrays.stream(forenames.encode("jose", "1987"))
                        .boxed()
                        .toList())
                .isNotEqualTo(java.util.Arrays.stream(forenames.encode("jose", "1988"))
                        .boxed()
                        .toList());
        BloomEncoder surnames = BloomEncoder.of(KEY.derive("bloom:surname"), PseudonymiseSettings.defaults());
        assertThat(r.<Long>getList(r.fieldIndex(StagedColumns.SURNAME_BLOOM)))
                .containsExactlyElementsOf(java.util.Arrays.stream(surnames.encode("oneil", "1987"))
                        .boxed()
                        .toList());
        assertThat(forenames.encode("oneil", "1987"))
                .as("one key per field")
                .isNotEqualTo(surnames.encode("oneil", "1987"));
    }

    @Test
    void fingerprintChangesWithTheKeyAndWithTheEncoding() {
        PseudonymiseSettings d = PseudonymiseSettings.defaults();
        String f = PseudonymiseIdentifiers.fingerprint(KEY, d);
        assertThat(PseudonymiseIdentifiers.fingerprint(KEY, d)).isEqualTo(f);
        assertThat(PseudonymiseIdentifiers.fingerprint(KEY, d.unhardened())).isNotEqualTo(f);
        assertThat(PseudonymiseIdentifiers.fingerprint(
                        KEY, new PseudonymiseSettings(1024, null, null, null, null, null)))
                .isNotEqualTo(f);
        assertThat(PseudonymiseIdentifiers.fingerprint(
                        PseudonymisationKey.of(
                                "another test key, also long enough to be used".getBytes(StandardCharsets.UTF_8), "t"),
                        d))
                .isNotEqualTo(f);
    }
}
