package org.lcjp.reoffending.linkage;

/** Intermediate column names of the linkage stages, declared once (after Splink: _l/_r, gamma_, mw_). */
public final class LinkageColumns {
    /** agency/dataset/record_id: unique over all datasets, orders records for min-label clustering. */
    public static final String RECORD_KEY = "record_key";
    public static final String LEFT = "_l";
    public static final String RIGHT = "_r";
    public static final String KEY_L = RECORD_KEY + LEFT;
    public static final String KEY_R = RECORD_KEY + RIGHT;
    /** Share of records holding the record's name token (term frequency). */
    public static final String FORENAME_TF = "forename_tf";
    public static final String SURNAME_TF = "surname_tf";
    /** Scope-qualified agency person references of a record ("police/outcomes|crn|token"). */
    public static final String PERSON_REFS = "person_refs";
    public static final String GAMMA_PREFIX = "gamma_";
    public static final String MATCH_WEIGHT = "match_weight";
    public static final String MATCH_PROBABILITY = "match_probability";
    public static final String MATCH_METHOD = "match_method";
    public static final String CLUSTER = "cluster";

    public static final String METHOD_PNC = "PNC";
    public static final String METHOD_REF = "REF";
    public static final String METHOD_PROBABILISTIC = "PROBABILISTIC";
    public static final String METHOD_SINGLETON = "SINGLETON";

    private LinkageColumns() {
    }

    /** Word i of a Bloom filter column. */
    public static String bloomWord(String bloom, int i) {
        return bloom + "_w" + i;
    }

    /** Set bits of a Bloom filter, precomputed once per record for Dice. */
    public static String bloomBits(String bloom) {
        return bloom + "_bits";
    }

    public static String gamma(String comparison) {
        return GAMMA_PREFIX + comparison;
    }
}
