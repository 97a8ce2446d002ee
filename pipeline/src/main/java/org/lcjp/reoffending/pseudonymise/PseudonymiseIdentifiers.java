package org.lcjp.reoffending.pseudonymise;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.domain.ColumnSpec;
import org.lcjp.reoffending.domain.ColumnType;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.settings.PseudonymiseSettings;

/**
 * Replaces a validated dataset's clear identifiers by keyed tokens (StagedColumns) and drops the clear columns in
 * the same stage. Every identifier has its own key, derived from the run key with HKDF ({@link FieldTokens}); the
 * Bloom filters are hardened as the settings say ({@link BloomEncoder}). Input: the dataset's columns typed (date_of_birth a DATE, codes normalised). The hashing needs
 * Java (HMAC, Double Metaphone, Bloom filters), so it runs in UDFs on the executors; the key travels inside the
 * serialised functions and is never part of a plan string.
 */
public final class PseudonymiseIdentifiers {
    static final String NAME_DOMAIN = "name";
    static final String NAME_DM_DOMAIN = "name-dm";
    static final String INITIAL_DOMAIN = "initial";
    static final String PNC_DOMAIN = "pnc";
    static final String DOB_DOMAIN = "dob";
    static final String DOB_YEAR_MONTH_DOMAIN = "dob-ym";
    static final String DOB_YEAR_DOMAIN = "dob-y";
    static final String POSTCODE_DOMAIN = "postcode";
    static final String DOB_YEAR_DAY_DOMAIN = "dob-yd";
    static final String DOB_MONTH_DAY_DOMAIN = "dob-md";
    static final String EXTRA_DOMAIN = "extra:";

    static final String FORENAME_BLOOM_FIELD = "forename";
    static final String SURNAME_BLOOM_FIELD = "surname";

    private final PseudonymiseSettings settings;
    private final PseudonymisationKey key;
    private final UserDefinedFunction token;
    private final UserDefinedFunction normaliseName;
    private final UserDefinedFunction doubleMetaphone;
    private final UserDefinedFunction pncNormalForm;
    private final UserDefinedFunction normalisePostcode;
    private final UserDefinedFunction postcodeDistrict;
    private final UserDefinedFunction forenameBloom;
    private final UserDefinedFunction surnameBloom;
    private final UserDefinedFunction encryptDob;

    public PseudonymiseIdentifiers(PseudonymiseSettings settings, PseudonymisationKey key) {
        this.settings = settings;
        this.key = key;
        FieldTokens tokens = new FieldTokens(key);
        DateOfBirthCipher cipher = new DateOfBirthCipher(key);
        this.token = udf((UDF2<String, String, String>) tokens::token, DataTypes.StringType);
        this.normaliseName = udf((UDF1<String, String>) Normalise::name, DataTypes.StringType);
        this.doubleMetaphone = udf((UDF1<String, String>) PseudonymiseIdentifiers::metaphone, DataTypes.StringType);
        this.pncNormalForm = udf((UDF1<String, String>) raw -> PncId.parse(raw).normalForm(), DataTypes.StringType);
        this.normalisePostcode = udf((UDF1<String, String>) Normalise::postcode, DataTypes.StringType);
        this.postcodeDistrict = udf((UDF1<String, String>) Normalise::postcodeDistrict, DataTypes.StringType);
        this.forenameBloom = bloom(FORENAME_BLOOM_FIELD);
        this.surnameBloom = bloom(SURNAME_BLOOM_FIELD);
        this.encryptDob = udf(
                (UDF1<java.sql.Date, byte[]>) d -> d == null ? null : cipher.encrypt(d.toLocalDate()),
                DataTypes.BinaryType);
    }

    /** A field's Bloom-filter function (value, salt): its own key, so no two fields' filters can be aligned. */
    private UserDefinedFunction bloom(String field) {
        BloomEncoder encoder = BloomEncoder.of(key.derive("bloom:" + field), settings);
        return udf((UDF2<String, String, long[]>) encoder::encode, DataTypes.createArrayType(DataTypes.LongType));
    }

    /** The salt of a record's filters: its year of birth (or the year's token), null when unsalted or unknown. */
    private Column salt(Column yearOfBirth) {
        return settings.bloomSalt() == PseudonymiseSettings.BloomSalt.YEAR_OF_BIRTH
                ? yearOfBirth
                : lit(null).cast(DataTypes.StringType);
    }

    /** The run key's fingerprint under these settings' encoding (the ingest manifest keeps it). */
    public static String fingerprint(PseudonymisationKey key, PseudonymiseSettings settings) {
        return FieldTokens.fingerprint(key, settings.encoding());
    }

    public Dataset<Row> apply(Dataset<Row> validated, DatasetSpec spec) {
        List<Column> out = new ArrayList<>();
        List<String> clear = new ArrayList<>();
        for (ColumnSpec c : spec.columns()) {
            if (isIdentity(c)) {
                clear.add(c.name());
            }
        }
        for (String name : validated.columns()) {
            if (!clear.contains(name)) {
                out.add(col(name));
            }
        }
        Column forename = normaliseName.apply(col(Datasets.FORENAME));
        Column surname = normaliseName.apply(col(Datasets.SURNAME));
        out.add(token.apply(lit(NAME_DOMAIN), forename).as(StagedColumns.FORENAME_TOKEN));
        out.add(token.apply(lit(NAME_DOMAIN), surname).as(StagedColumns.SURNAME_TOKEN));
        out.add(token.apply(lit(NAME_DM_DOMAIN), doubleMetaphone.apply(forename))
                .as(StagedColumns.FORENAME_DM_TOKEN));
        out.add(token.apply(lit(NAME_DM_DOMAIN), doubleMetaphone.apply(surname)).as(StagedColumns.SURNAME_DM_TOKEN));
        out.add(token.apply(lit(INITIAL_DOMAIN), forename.substr(1, 1)).as(StagedColumns.FORENAME_INITIAL_TOKEN));
        Column dob = col(Datasets.DATE_OF_BIRTH);
        // Parts cut from the ISO text (yyyy-MM-dd) rather than date_format, which goes through a time zone per row.
        Column iso = dob.cast(DataTypes.StringType);
        Column yearSalt = salt(substring(iso, 1, 4));
        out.add(forenameBloom.apply(forename, yearSalt).as(StagedColumns.FORENAME_BLOOM));
        out.add(surnameBloom.apply(surname, yearSalt).as(StagedColumns.SURNAME_BLOOM));

        Column swapped = when(
                dayofmonth(dob).leq(12).and(dayofmonth(dob).notEqual(month(dob))),
                make_date(year(dob), dayofmonth(dob), month(dob)));
        out.add(token.apply(lit(DOB_DOMAIN), iso).as(StagedColumns.DOB_TOKEN));
        out.add(token.apply(lit(DOB_DOMAIN), swapped.cast(DataTypes.StringType)).as(StagedColumns.DOB_SWAPPED_TOKEN));
        out.add(token.apply(lit(DOB_YEAR_MONTH_DOMAIN), substring(iso, 1, 7)).as(StagedColumns.DOB_YEAR_MONTH_TOKEN));
        out.add(token.apply(lit(DOB_YEAR_DOMAIN), substring(iso, 1, 4)).as(StagedColumns.DOB_YEAR_TOKEN));
        out.add(token.apply(lit(DOB_YEAR_DAY_DOMAIN), concat(substring(iso, 1, 4), lit("-"), substring(iso, 9, 2)))
                .as(StagedColumns.DOB_YEAR_DAY_TOKEN));
        out.add(token.apply(lit(DOB_MONTH_DAY_DOMAIN), substring(iso, 6, 5)).as(StagedColumns.DOB_MONTH_DAY_TOKEN));
        out.add(encryptDob.apply(dob).as(StagedColumns.DOB_CIPHER));

        out.add(
                spec.has(Datasets.PNC_ID)
                        ? token.apply(lit(PNC_DOMAIN), pncNormalForm.apply(col(Datasets.PNC_ID)))
                                .as(StagedColumns.PNC_TOKEN)
                        : lit(null).cast(DataTypes.StringType).as(StagedColumns.PNC_TOKEN));
        if (spec.has(Datasets.POSTCODE)) {
            Column postcode = normalisePostcode.apply(col(Datasets.POSTCODE));
            out.add(token.apply(lit(POSTCODE_DOMAIN), postcode).as(StagedColumns.POSTCODE_TOKEN));
            out.add(postcodeDistrict.apply(postcode).as(StagedColumns.POSTCODE_DISTRICT));
        } else {
            out.add(lit(null).cast(DataTypes.StringType).as(StagedColumns.POSTCODE_TOKEN));
            out.add(lit(null).cast(DataTypes.StringType).as(StagedColumns.POSTCODE_DISTRICT));
        }
        for (ColumnSpec c : spec.columns()) {
            if (c.type() == ColumnType.IDENTIFIER && isAgencyReference(c.name())) {
                // One domain per reference name: custody_ref links police outcomes to Checkpoint referrals.
                out.add(token.apply(lit(c.name()), col(c.name())).as(c.name() + StagedColumns.REF_TOKEN_SUFFIX));
            }
        }
        return validated.select(out.toArray(Column[]::new));
    }

    /**
     * Replaces further clear identifier columns (beyond the agency contract: e.g. address, email) by
     * extra_&lt;column&gt;_token, the keyed token of the value normalised (upper case, runs of other characters one
     * space), and for fuzzy columns also extra_&lt;column&gt;_bloom for Dice; the clear columns are dropped. The
     * linkage compares every extra field it finds.
     *
     * @param fuzzy    columns compared by exact token and by Bloom-filter Dice (addresses, emails, places)
     * @param exactIds columns compared only exactly (identity numbers: near-misses say little)
     */
    public Dataset<Row> withExtras(Dataset<Row> d, List<String> fuzzy, List<String> exactIds) {
        Dataset<Row> out = d;
        // The staged table holds no clear date of birth any more: the year's token is the (equally stable) salt.
        Column yearSalt = salt(
                java.util.Arrays.asList(d.columns()).contains(StagedColumns.DOB_YEAR_TOKEN)
                        ? col(StagedColumns.DOB_YEAR_TOKEN)
                        : lit(null).cast(DataTypes.StringType));
        for (String c : fuzzy) {
            Column v = normaliseExtra(col(c));
            out = out.withColumn(StagedColumns.extraToken(c), token.apply(lit(EXTRA_DOMAIN + c), v))
                    .withColumn(
                            StagedColumns.extraBloom(c), bloom(EXTRA_DOMAIN + c).apply(v, yearSalt));
        }
        for (String c : exactIds) {
            out = out.withColumn(
                    StagedColumns.extraToken(c), token.apply(lit(EXTRA_DOMAIN + c), normaliseExtra(col(c))));
        }
        List<String> clear = new ArrayList<>(fuzzy);
        clear.addAll(exactIds);
        return out.drop(clear.toArray(String[]::new));
    }

    /** Upper case, accents kept as letters, other runs of characters one space; blank is null. */
    static Column normaliseExtra(Column raw) {
        Column v = org.apache.spark.sql.functions.trim(org.apache.spark.sql.functions.regexp_replace(
                org.apache.spark.sql.functions.upper(raw.cast(DataTypes.StringType)), "[^\\p{L}\\p{N}]+", " "));
        return when(v.notEqual(lit("")), v);
    }

    /** Columns that must not leave ingest in clear. Sex and ethnicity stay: they are published breakdowns. */
    public static boolean isIdentity(ColumnSpec c) {
        return c.type() == ColumnType.IDENTIFIER || c.name().equals(Datasets.DATE_OF_BIRTH);
    }

    private static boolean isAgencyReference(String column) {
        return !List.of(Datasets.PNC_ID, Datasets.FORENAME, Datasets.SURNAME, Datasets.POSTCODE)
                .contains(column);
    }

    private static String metaphone(String normalisedName) {
        if (normalisedName == null) {
            return null;
        }
        String code = new DoubleMetaphone().doubleMetaphone(normalisedName);
        return code == null || code.isEmpty() ? null : code;
    }
}
