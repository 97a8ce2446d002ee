package org.lcjp.reoffending.domain;

import static org.lcjp.reoffending.domain.ColumnSpec.optional;
import static org.lcjp.reoffending.domain.ColumnSpec.optionalCode;
import static org.lcjp.reoffending.domain.ColumnSpec.required;
import static org.lcjp.reoffending.domain.ColumnSpec.requiredCode;
import static org.lcjp.reoffending.domain.ColumnType.DATE;
import static org.lcjp.reoffending.domain.ColumnType.DECIMAL;
import static org.lcjp.reoffending.domain.ColumnType.IDENTIFIER;
import static org.lcjp.reoffending.domain.ColumnType.OFFENCE_CODE;
import static org.lcjp.reoffending.domain.ColumnType.TEXT;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The agency datasets of extracts.md v2.0, column for column. */
public final class Datasets {
    public static final String RECORD_ID = "record_id";
    public static final String RECORD_STATUS = "record_status";
    public static final String STATUS_ACTIVE = "ACTIVE";
    public static final String STATUS_DELETED = "DELETED";

    public static final String PNC_ID = "pnc_id";
    public static final String FORENAME = "forename";
    public static final String SURNAME = "surname";
    public static final String DATE_OF_BIRTH = "date_of_birth";
    public static final String SEX = "sex";
    public static final String ETHNICITY = "ethnicity";
    public static final String POSTCODE = "postcode";

    public static final List<String> SEX_CODES = List.of("M", "F", "U");
    public static final List<String> ETHNICITY_CODES = List.of("WHITE", "BLACK", "ASIAN", "MIXED", "OTHER", "UNKNOWN");

    public static final DatasetId POLICE_OUTCOMES = new DatasetId("police", "outcomes");
    public static final DatasetId COURTS_CONVICTIONS = new DatasetId("courts", "convictions");
    public static final DatasetId PRISONS_RELEASES = new DatasetId("prisons", "releases");
    public static final DatasetId PROBATION_SUPERVISION = new DatasetId("probation", "supervision");
    public static final DatasetId YOS_OUTCOMES = new DatasetId("yos", "outcomes");
    public static final DatasetId CHECKPOINT_REFERRALS = new DatasetId("checkpoint", "referrals");
    public static final DatasetId IOM_COHORT = new DatasetId("iom", "cohort");
    public static final DatasetId SUBSTANCE_TREATMENT = new DatasetId("substance", "treatment");
    public static final DatasetId HOUSING_SUPPORT = new DatasetId("housing", "support");
    public static final DatasetId RJ_REFERRALS = new DatasetId("rj", "referrals");
    public static final DatasetId FAMILY_LINKS = new DatasetId("family", "links");

    /** rj/referrals outcomes (extracts.md v2.0): a completed restorative process, or why there was none. */
    public static final List<String> RJ_OUTCOMES =
            List.of("CONFERENCE", "INDIRECT", "VICTIM_DECLINED", "OFFENDER_DECLINED", "NOT_SUITABLE", "WITHDRAWN");

    public static final DatasetId PROBATION_ASSESSMENTS = new DatasetId("probation", "assessments");

    /** The ten need sections of probation/assessments (OASys), in contract order: each Y, N or blank. */
    public static final List<String> ASSESSED_NEEDS = List.of(
            "accommodation",
            "education_employment",
            "finance",
            "relationships",
            "lifestyle",
            "drugs",
            "alcohol",
            "emotional_wellbeing",
            "thinking_behaviour",
            "attitudes");

    public static final List<String> RISK_LEVELS = List.of("LOW", "MEDIUM", "HIGH", "VERY_HIGH");

    public static final List<String> CUSTODIAL_DISPOSALS = List.of("IMMEDIATE_CUSTODY", "DETENTION_AND_TRAINING_ORDER");

    private static final List<DatasetSpec> ALL = List.of(
            spec(
                    POLICE_OUTCOMES,
                    "outcome_date",
                    cols(required("custody_ref", IDENTIFIER)),
                    identity(true, true, true),
                    cols(
                            required("offence_code", OFFENCE_CODE),
                            required("offence_date", DATE),
                            required("outcome_date", DATE),
                            requiredCode(
                                    "outcome_type",
                                    "CHARGED",
                                    "ADULT_CAUTION",
                                    "CONDITIONAL_CAUTION",
                                    "YOUTH_CAUTION",
                                    "YOUTH_CONDITIONAL_CAUTION",
                                    "COMMUNITY_RESOLUTION",
                                    "PENALTY_NOTICE",
                                    "DIVERTED_CHECKPOINT",
                                    "NO_FURTHER_ACTION"),
                            requiredCode("force", "DURHAM", "CLEVELAND")),
                    List.of(new CrossFieldRule.NotBefore("outcome_date", "offence_date"))),
            spec(
                    COURTS_CONVICTIONS,
                    "offence_date",
                    cols(required("case_ref", IDENTIFIER), required("defendant_ref", IDENTIFIER)),
                    identity(true, false, true),
                    cols(
                            required("offence_code", OFFENCE_CODE),
                            required("offence_date", DATE),
                            required("conviction_date", DATE),
                            optional("sentence_date", DATE),
                            requiredCode(
                                    "disposal",
                                    "IMMEDIATE_CUSTODY",
                                    "SUSPENDED_SENTENCE_ORDER",
                                    "COMMUNITY_ORDER",
                                    "YOUTH_REHABILITATION_ORDER",
                                    "REFERRAL_ORDER",
                                    "DETENTION_AND_TRAINING_ORDER",
                                    "FINE",
                                    "CONDITIONAL_DISCHARGE",
                                    "ABSOLUTE_DISCHARGE",
                                    "OTHER"),
                            optional("custody_months", DECIMAL),
                            requiredCode("court_type", "MAGISTRATES", "CROWN", "YOUTH")),
                    List.of(
                            new CrossFieldRule.NotBefore("conviction_date", "offence_date"),
                            new CrossFieldRule.NotBefore("sentence_date", "conviction_date"),
                            new CrossFieldRule.RequiredWhen("custody_months", "disposal", CUSTODIAL_DISPOSALS))),
            spec(
                    PRISONS_RELEASES,
                    "release_date",
                    cols(required("prison_number", IDENTIFIER)),
                    identity(true, false, false),
                    cols(
                            required("reception_date", DATE),
                            required("release_date", DATE),
                            requiredCode("release_type", "SENTENCED", "REMAND", "RECALL"),
                            optional("sentence_months", DECIMAL)),
                    List.of(
                            new CrossFieldRule.NotBefore("release_date", "reception_date"),
                            new CrossFieldRule.RequiredWhen("sentence_months", "release_type", List.of("SENTENCED")))),
            spec(
                    PROBATION_SUPERVISION,
                    "start_date",
                    cols(required("crn", IDENTIFIER)),
                    identity(true, false, true),
                    cols(
                            requiredCode("provider", "NPS", "CRC"),
                            requiredCode(
                                    "supervision_type",
                                    "COMMUNITY_ORDER",
                                    "SUSPENDED_SENTENCE_ORDER",
                                    "LICENCE",
                                    "POST_SENTENCE_SUPERVISION"),
                            required("start_date", DATE),
                            optional("end_date", DATE),
                            optionalCode("rosh", "LOW", "MEDIUM", "HIGH", "VERY_HIGH")),
                    List.of()),
            spec(
                    YOS_OUTCOMES,
                    "outcome_date",
                    cols(required("yos_ref", IDENTIFIER)),
                    identity(true, true, true),
                    cols(
                            required("offence_code", OFFENCE_CODE),
                            required("offence_date", DATE),
                            required("outcome_date", DATE),
                            requiredCode(
                                    "outcome_type",
                                    "YOUTH_CAUTION",
                                    "YOUTH_CONDITIONAL_CAUTION",
                                    "REFERRAL_ORDER",
                                    "YOUTH_REHABILITATION_ORDER",
                                    "DETENTION_AND_TRAINING_ORDER",
                                    "FINE",
                                    "CONDITIONAL_DISCHARGE",
                                    "COMMUNITY_RESOLUTION")),
                    List.of()),
            spec(
                    CHECKPOINT_REFERRALS,
                    "decision_date",
                    cols(required("checkpoint_ref", IDENTIFIER), required("custody_ref", IDENTIFIER)),
                    identity(true, true, true),
                    cols(
                            required("offence_code", OFFENCE_CODE),
                            required("offence_date", DATE),
                            required("decision_date", DATE),
                            requiredCode("eligible", "Y", "N"),
                            requiredCode("decision", "DIVERTED", "PROSECUTED"),
                            optional("contract_start", DATE),
                            optional("contract_end", DATE),
                            optionalCode("completion", "COMPLETED", "FAILED", "ONGOING")),
                    List.of()),
            spec(
                    IOM_COHORT,
                    "adopted_date",
                    cols(required("iom_ref", IDENTIFIER)),
                    identity(true, false, true),
                    cols(
                            required("adopted_date", DATE),
                            optional("exit_date", DATE),
                            requiredCode("category", "FIXED", "FLEX", "FREE")),
                    List.of()),
            spec(
                    SUBSTANCE_TREATMENT,
                    "referral_date",
                    cols(required("client_ref", IDENTIFIER)),
                    identity(false, false, true),
                    cols(
                            required("referral_date", DATE),
                            optional("start_date", DATE),
                            optional("end_date", DATE),
                            requiredCode("substance", "OPIATE", "NON_OPIATE", "ALCOHOL", "ALCOHOL_AND_NON_OPIATE"),
                            requiredCode("referral_source", "CRIMINAL_JUSTICE", "SELF", "GP", "OTHER")),
                    List.of()),
            spec(
                    HOUSING_SUPPORT,
                    "referral_date",
                    cols(required("client_ref", IDENTIFIER)),
                    identity(false, false, true),
                    cols(
                            required("referral_date", DATE),
                            optional("start_date", DATE),
                            optional("end_date", DATE),
                            requiredCode("need", "HOMELESS", "AT_RISK_OF_HOMELESSNESS", "TENANCY_SUSTAINMENT")),
                    List.of()),
            // rj_ref and family_ref are case references, not person references: pseudonymised like every
            // reference (a family's case number identifies the family), never used to link people.
            spec(
                    RJ_REFERRALS,
                    "referral_date",
                    cols(required("rj_ref", IDENTIFIER)),
                    identity(true, false, true),
                    cols(
                            required("referral_date", DATE),
                            requiredCode(
                                    "referral_source",
                                    "POLICE",
                                    "COURT",
                                    "PROBATION",
                                    "PRISON",
                                    "YOS",
                                    "VICTIM",
                                    "OTHER"),
                            requiredCode("stage", "OUT_OF_COURT", "PRE_SENTENCE", "POST_SENTENCE"),
                            optional("offence_code", OFFENCE_CODE),
                            optionalCode("victim_consent", "Y", "N"),
                            new ColumnSpec("outcome", ColumnType.CODE, false, RJ_OUTCOMES),
                            optional("outcome_date", DATE),
                            optionalCode("volunteer_facilitated", "Y", "N"),
                            optionalCode("victim_satisfied", "Y", "N")),
                    List.of(
                            new CrossFieldRule.NotBefore("outcome_date", "referral_date"),
                            new CrossFieldRule.RequiredWhen("outcome_date", "outcome", RJ_OUTCOMES))),
            spec(
                    FAMILY_LINKS,
                    "recorded_date",
                    cols(required("family_ref", IDENTIFIER)),
                    identity(true, false, true),
                    cols(
                            requiredCode("role", "PARENT_OR_CARER", "CHILD"),
                            required("recorded_date", DATE),
                            optional("end_date", DATE)),
                    List.of(new CrossFieldRule.NotBefore("end_date", "recorded_date"))),
            spec(
                    PROBATION_ASSESSMENTS,
                    "assessment_date",
                    cols(required("crn", IDENTIFIER)),
                    identity(true, false, true),
                    assessment(),
                    List.of()));

    private Datasets() {}

    public static List<DatasetSpec> all() {
        return ALL;
    }

    public static DatasetSpec spec(DatasetId id) {
        return find(id).orElseThrow(
                        () -> new IllegalArgumentException("Cannot find dataset: not in the contract (" + id + ")"));
    }

    public static Optional<DatasetSpec> find(DatasetId id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The person identity columns: names, date of birth and sex are required wherever they appear. */
    private static List<ColumnSpec> identity(boolean pnc, boolean ethnicity, boolean postcode) {
        List<ColumnSpec> c = new ArrayList<>();
        if (pnc) {
            c.add(optional(PNC_ID, IDENTIFIER));
        }
        c.add(required(FORENAME, IDENTIFIER));
        c.add(required(SURNAME, IDENTIFIER));
        c.add(required(DATE_OF_BIRTH, DATE));
        c.add(new ColumnSpec(SEX, ColumnType.CODE, true, SEX_CODES));
        if (ethnicity) {
            c.add(new ColumnSpec(ETHNICITY, ColumnType.CODE, false, ETHNICITY_CODES));
        }
        if (postcode) {
            c.add(optional(POSTCODE, IDENTIFIER));
        }
        return c;
    }

    /** assessment_date, the ten needs (Y/N, blank: section not completed) and the predicted reoffending risk. */
    private static List<ColumnSpec> assessment() {
        List<ColumnSpec> c = new ArrayList<>();
        c.add(required("assessment_date", DATE));
        ASSESSED_NEEDS.forEach(n -> c.add(optionalCode(n, "Y", "N")));
        c.add(new ColumnSpec("reoffending_risk", ColumnType.CODE, false, RISK_LEVELS));
        return c;
    }

    private static List<ColumnSpec> cols(ColumnSpec... c) {
        return List.of(c);
    }

    private static DatasetSpec spec(
            DatasetId id,
            String eventDate,
            List<ColumnSpec> refs,
            List<ColumnSpec> identity,
            List<ColumnSpec> body,
            List<CrossFieldRule> rules) {
        List<ColumnSpec> all = new ArrayList<>();
        all.add(required(RECORD_ID, TEXT));
        all.addAll(refs);
        all.addAll(identity);
        all.addAll(body);
        all.add(optionalCode(RECORD_STATUS, STATUS_ACTIVE, STATUS_DELETED));
        return new DatasetSpec(id, all, rules, eventDate);
    }
}
