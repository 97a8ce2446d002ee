package org.lcjp.reoffending.reports.pack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of every note a sheet may refer to. Numbers below the disclosure threshold are written in words, so
 * the pack's text never holds a digit that could be read as a small count of people.
 */
final class NoteTexts {
    static final String PROVEN_OFFENCE = "PROVEN_OFFENCE";
    static final String COHORT = "COHORT";
    static final String YEARS = "YEARS";
    static final String FINAL = "FINAL";
    static final String DISCLOSURE = "DISCLOSURE";
    static final String HARM = "HARM";
    static final String RELIABILITY = "RELIABILITY";
    static final String COMPARISONS = "COMPARISONS";
    static final String MATCHING = "MATCHING";
    static final String COMPARISON_DISCLOSURE = "COMPARISON_DISCLOSURE";
    static final String IOM = "IOM";
    static final String NOT_PEOPLE = "NOT_PEOPLE";
    static final String CROSS_TAB = "CROSS_TAB";
    static final String PERFORMANCE = "PERFORMANCE";
    static final String PERFORMANCE_CHANGE = "PERFORMANCE_CHANGE";
    static final String EXACT = "EXACT";
    static final String LINKAGE = "LINKAGE";
    static final String RJ_ACTIVITY = "RJ_ACTIVITY";
    static final String RJ_MATCHING = "RJ_MATCHING";
    static final String THINK_FAMILY = "THINK_FAMILY";
    static final String NEEDS_GAPS = "NEEDS_GAPS";
    static final String IOM_REACH = "IOM_REACH";
    static final String CHECKPOINT_ACTIVITY = "CHECKPOINT_ACTIVITY";

    private NoteTexts() {}

    static Map<String, String> all(PackData d) {
        Map<String, String> n = new LinkedHashMap<>();
        n.put(
                PROVEN_OFFENCE,
                "A proven offence is one disposed of by a court conviction or a caution (adult, "
                        + "conditional or youth). Penalty notices, community resolutions, charges, no further action and "
                        + "Checkpoint diversions are not proven offences; breach offences are never counted. An offence "
                        + "reported by more than one agency counts once.");
        n.put(
                COHORT,
                "Offenders enter a cohort through an index event in a calendar quarter: release from a "
                        + "custodial sentence, a non-custodial court conviction or a caution; each person once per quarter, at "
                        + "their earliest index event. A proven reoffence is an offence committed within 12 months of the index "
                        + "date and proven within a further six months.");
        n.put(
                YEARS,
                "A year's figures add up its four quarterly cohorts, April to March, so someone in two quarterly "
                        + "cohorts of a year counts twice, as in the national statistics. Quarterly figures are in the "
                        + "published proven_reoffending table for analysts.");
        n.put(
                FINAL,
                "A year is final when the follow-up and waiting periods (" + d.finalAfterMonths() + " months "
                        + "after the end of each cohort) are all in the data delivered by the police, courts and youth "
                        + "offending services. Until then it is provisional [p]: its figures count only what the data holds "
                        + "so far, will rise, and are never drawn in one line with final figures.");
        n.put(
                DISCLOSURE,
                "Counts of fewer than " + d.threshold() + " people are not shown [c], and further cells are "
                        + "withheld where a hidden count could be worked out from totals, from adults and juveniles against "
                        + "all offenders, from offenders against reoffenders, or from another table of this pack that shares "
                        + "a total. A rate or mean is withheld when its denominator or numerator is. A true zero is shown as 0.");
        n.put(
                HARM,
                "Harm adds up the harm score (days) of each reoffence from the offence reference table: how "
                        + "serious the reoffending was, not only how much.");
        n.put(
                RELIABILITY,
                "[u] marks a rate or share over fewer than " + d.lowReliabilityBelow() + " people: read it "
                        + "with care.");
        n.put(
                COMPARISONS,
                "Comparisons count only people whose follow-up and waiting periods are in the data. A "
                        + "group of fewer than 60 people is not compared (the status column says so). Intervals are 95% "
                        + "confidence intervals; a difference is significant when its interval does not include zero.");
        n.put(
                MATCHING,
                "Matched results compare each diverted person with the most similar prosecuted person "
                        + "(propensity score on age, sex, previous offences, offence group and harm), so that the groups "
                        + "are alike before the decision.");
        n.put(
                COMPARISON_DISCLOSURE,
                "A share times its group size gives a count back, so a share is withheld [c] "
                        + "when that count, or the rest of the group, is fewer than " + d.threshold() + " people; each "
                        + "year's figures add up to the pooled ones and are controlled together.");
        n.put(
                IOM,
                "Integrated Offender Management: proven offences and harm in the 12 months before adoption "
                        + "against the 12 months after, for people adopted and for a matched comparison group of people "
                        + "never adopted; the difference in differences separates the scheme's effect from regression to "
                        + "the mean.");
        n.put(NOT_PEOPLE, "Rows, records and pairs are counts of data, not of people, so they are not suppressed.");
        n.put(
                CROSS_TAB,
                "Each row adds up to the local authority's figure and each column to the figure for the "
                        + "category in the breakdown sheets; all of them are controlled together.");
        n.put(
                PERFORMANCE,
                "Targets are the partnership's own and illustrative until it sets them (conf/targets.yaml). "
                        + "Green: on the right side of the target; amber: within the tolerance of it; red: further away. "
                        + "A measure whose source table is not published yet is not available [x] and appears as soon as "
                        + "the table does.");
        n.put(
                PERFORMANCE_CHANGE,
                "Changes are on the same period a year earlier and on the baseline period, with a "
                        + "95% interval: for proportions, the two-proportion interval; for counts and reoffences per offender, "
                        + "a Poisson approximation (reoffending is more spread out than Poisson, so treat a narrowly "
                        + "significant change with care); for harm per offender no interval is available [x].");
        n.put(
                EXACT,
                "The published Parquet tables keep exact figures for the restricted analyst and research "
                        + "environment; this pack applies disclosure control.");
        n.put(
                LINKAGE,
                "Records of one person are linked across agencies on pseudonymised identifiers; see the "
                        + "README for the method and its accuracy.");
        n.put(
                RJ_ACTIVITY,
                "Referrals to the RJ Hub are counted in the financial year they were made, at their latest "
                        + "state: outcomes of recent referrals keep arriving, so open referrals fall and outcomes rise in later "
                        + "packs. A completed restorative process is a conference or an indirect process (shuttle or letter). "
                        + "Volunteer and satisfaction shares are of the completed processes that record the answer. A year "
                        + "not yet over in the data is provisional [p].");
        n.put(
                RJ_MATCHING,
                "People whose referral ended in a completed restorative process are compared from the "
                        + "disposal of the offence the referral followed (not from the conference, which would skip the weeks "
                        + "when reoffending is likeliest) with offenders disposed of in the same quarter and not referred by "
                        + "then, matched on a propensity score (age, sex, previous offences, offence group and harm) in the "
                        + "same financial year; and, as observed, with people whose referral ended otherwise. People who "
                        + "complete a process differ from others in ways the data may not show, so read the difference as an "
                        + "association, not a proven effect.");
        n.put(
                THINK_FAMILY,
                "Families are the people children's services record together under one family "
                        + "reference. A child is exposed when a parent in any of their families has a proven offence disposed of "
                        + "before the child's 18th birthday. The comparison group is children known to children's services, not "
                        + "all children of the area, so the difference says nothing of children outside these families. "
                        + "Pooled rows count a child once in each year they are 10 to 17 (or an offender once in each cohort), "
                        + "with intervals allowing for the same person counted more than once.");
        n.put(
                NEEDS_GAPS,
                "Needs are those found by the person's latest probation assessment in the 12 months up to "
                        + "their first index event of the year. A need has no service contact when no substance-misuse "
                        + "treatment spell (for drugs or alcohol) or housing-support spell (for accommodation) was active from "
                        + "12 months before to three months after that date; a referral counts as contact. All years pooled "
                        + "counts each person once, in their latest final year.");
        n.put(
                IOM_REACH,
                "The highest-risk adults of a year are those whose latest assessment rates their risk of "
                        + "reoffending high or very high, whose probation supervision rates their risk of serious harm high "
                        + "or very high, or who are among the most prolific by proven offences in the year before; a person "
                        + "can be found by more than one route, so the routes do not add up to any route. On IOM: on the "
                        + "caseload at some time in the year. The local authority is where they lived at the end of the year.");
        n.put(
                CHECKPOINT_ACTIVITY,
                "Referrals are counted by the year of the decision. Completion is the share of "
                        + "ended contracts (completed or failed) that were completed; a year is provisional [p] until four "
                        + "months after its end are in the data, as contracts of the year may still end.");
        return n;
    }
}
