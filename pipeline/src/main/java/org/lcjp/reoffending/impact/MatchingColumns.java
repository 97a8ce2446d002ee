package org.lcjp.reoffending.impact;

import java.util.List;

/** Person-level columns of a comparison sample: who is treated, the matching covariates, the outcomes. */
public final class MatchingColumns {
    public static final String PERSON_ID = "person_id";
    /** True for the treated group (diverted, women, IOM), false for its reference group. */
    public static final String TREATED = "treated";

    public static final String INDEX_DATE = "index_date";
    public static final String AGE = "age";
    /** 1.0 when the person's sex is F. */
    public static final String FEMALE = "female";

    public static final String PREVIOUS_OFFENCES = "previous_offences";
    public static final String HARM_DAYS = "harm_days";
    public static final String OFFENCE_GROUP = "offence_group";
    /** Logit of the propensity score. */
    public static final String LOGIT = "logit";
    /** Frequency weight: 1 for a matched treated person, times used for a matched control. */
    public static final String WEIGHT = "weight";

    public static final String REOFFENCES = "reoffences";
    public static final String REOFFENDED = "reoffended";
    public static final String DAYS_TO_FIRST_REOFFENCE = "days_to_first_reoffence";

    public static final String TREATED_ID = "treated_id";
    public static final String CONTROL_ID = "control_id";
    public static final String DISTANCE = "distance";

    /** Numeric covariates of the propensity model; the offence group enters one-hot. */
    public static final List<String> NUMERIC_COVARIATES = List.of(AGE, FEMALE, PREVIOUS_OFFENCES, HARM_DAYS);

    private MatchingColumns() {}
}
