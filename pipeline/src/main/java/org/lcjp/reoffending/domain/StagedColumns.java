package org.lcjp.reoffending.domain;

/**
 * Columns of every {@code warehouse/staged/<agency>_<dataset>} table besides the dataset's own typed,
 * non-identifying columns (dates as DATE, decimals as DOUBLE, codes as upper-case contract codes).
 * No clear name, date of birth, postcode, PNC ID or agency reference survives ingest: each becomes the
 * keyed tokens below. A token is null when its source value is absent or invalid.
 */
public final class StagedColumns {
    // Provenance
    public static final String AGENCY = "agency";
    public static final String DATASET = "dataset";
    public static final String RECORD_ID = "record_id";
    public static final String SOURCE_FILE = "source_file";
    public static final String SOURCE_LINE = "source_line";
    public static final String EXTRACT_DATE = "extract_date";

    // Keyed tokens (HMAC-SHA256 under the run key, hex) of normalised values
    /** Long-form PNC ID passing the check letter. */
    public static final String PNC_TOKEN = "pnc_token";
    /** Whole normalised forename / surname. Both use one hashing domain, so swapped names still compare. */
    public static final String FORENAME_TOKEN = "forename_token";

    public static final String SURNAME_TOKEN = "surname_token";
    /** Double Metaphone primary code of the name. */
    public static final String FORENAME_DM_TOKEN = "forename_dm_token";

    public static final String SURNAME_DM_TOKEN = "surname_dm_token";
    /** First letter of the forename. */
    public static final String FORENAME_INITIAL_TOKEN = "forename_initial_token";
    /** Keyed Bloom-filter encoding of the name's character bigrams, array of 64-bit words, for Dice similarity. */
    public static final String FORENAME_BLOOM = "forename_bloom";

    public static final String SURNAME_BLOOM = "surname_bloom";
    /** Date of birth yyyy-MM-dd; the same date with day and month swapped (null when not a date); yyyy-MM; yyyy. */
    public static final String DOB_TOKEN = "dob_token";

    public static final String DOB_SWAPPED_TOKEN = "dob_swapped_token";
    public static final String DOB_YEAR_MONTH_TOKEN = "dob_year_month_token";
    public static final String DOB_YEAR_TOKEN = "dob_year_token";
    /** yyyy-dd and MM-dd: with yyyy-MM, a date with one part mistyped still agrees on one of the three. */
    public static final String DOB_YEAR_DAY_TOKEN = "dob_year_day_token";

    public static final String DOB_MONTH_DAY_TOKEN = "dob_month_day_token";
    /** Date of birth encrypted under a key derived from the run key; only age calculations decrypt it. */
    public static final String DOB_CIPHER = "dob_cipher";
    /** Normalised full postcode (upper case, no spaces). */
    public static final String POSTCODE_TOKEN = "postcode_token";
    /** Suffix of agency-reference tokens: custody_ref -> custody_ref_token (same domain across datasets). */
    public static final String REF_TOKEN_SUFFIX = "_token";

    // Clear, non-identifying attributes
    /** Outward code of the postcode (e.g. DH1): what local authority is derived from. */
    public static final String POSTCODE_DISTRICT = "postcode_district";

    public static final String SEX = "sex";
    public static final String ETHNICITY = "ethnicity";
    /** The record's event date (DatasetSpec.eventDateColumn), for attribute tie-breaks. */
    public static final String EVENT_DATE = "event_date";

    /** Extra identifiers (optional, any name): extra_<name>_token = keyed token of the normalised value. */
    public static final String EXTRA_PREFIX = "extra_";

    public static final String EXTRA_TOKEN_SUFFIX = "_token";
    /** extra_<name>_bloom: keyed bigram Bloom filter of the value, present when the field is compared fuzzily. */
    public static final String EXTRA_BLOOM_SUFFIX = "_bloom";

    /**
     * The identity columns linkage reads from every staged table and compares, blocks and groups on (besides the Bloom
     * filters and the extra identifiers' tokens): the columns a blocking or deterministic rule may name.
     */
    public static final java.util.List<String> LINKED_TOKENS = java.util.List.of(
            PNC_TOKEN,
            FORENAME_TOKEN,
            SURNAME_TOKEN,
            FORENAME_DM_TOKEN,
            SURNAME_DM_TOKEN,
            FORENAME_INITIAL_TOKEN,
            DOB_TOKEN,
            DOB_SWAPPED_TOKEN,
            DOB_YEAR_MONTH_TOKEN,
            DOB_YEAR_TOKEN,
            DOB_YEAR_DAY_TOKEN,
            DOB_MONTH_DAY_TOKEN,
            POSTCODE_TOKEN,
            POSTCODE_DISTRICT,
            SEX);

    private StagedColumns() {}

    public static String extraToken(String name) {
        return EXTRA_PREFIX + name + EXTRA_TOKEN_SUFFIX;
    }

    public static String extraBloom(String name) {
        return EXTRA_PREFIX + name + EXTRA_BLOOM_SUFFIX;
    }
}
