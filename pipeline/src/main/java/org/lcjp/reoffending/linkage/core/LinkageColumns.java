package org.lcjp.reoffending.linkage.core;

/** Intermediate column names of the linkage stages, declared once (after Splink: _l/_r, gamma_, mw_). */
public final class LinkageColumns {
    /** agency/dataset/record_id: unique over all datasets; fresh person ids and their tie-breaks derive from it. */
    public static final String RECORD_KEY = "record_key";
    /** A record's number inside one linkage run (a long: joins and shuffles carry it, not the string key). */
    public static final String RID = "rid";
    /**
     * An identity profile: records whose compared columns are all equal are one node, numbered by their smallest
     * rid; blocking, comparing and clustering work on nodes and the records follow their node.
     */
    public static final String NODE = "node";
    /** Records a node stands for (pair counts and sizes are weighted by it). */
    public static final String RECORDS = "records";

    public static final String LEFT = "_l";
    public static final String RIGHT = "_r";
    public static final String KEY_L = RECORD_KEY + LEFT;
    public static final String KEY_R = RECORD_KEY + RIGHT;
    public static final String NODE_L = NODE + LEFT;
    public static final String NODE_R = NODE + RIGHT;
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

    private LinkageColumns() {}

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
