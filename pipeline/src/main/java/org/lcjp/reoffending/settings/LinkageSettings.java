package org.lcjp.reoffending.settings;

import java.util.List;
import java.util.Map;
import org.lcjp.reoffending.domain.StagedColumns;

/**
 * Linking records of one person across agencies (Fellegi-Sunter on keyed tokens, after Splink).
 *
 * @param matchThreshold        pairs with match probability at or above this are joined into one person (default 0.95)
 * @param maxClusterSize        a cluster larger than this is split along its weakest links (default 200)
 * @param nameDiceHigh          Bloom-filter Dice at or above this is a close name spelling (default 0.8)
 * @param nameDiceLow           Dice at or above this is a loose name spelling (default 0.6)
 * @param blockingRules         candidate pairs agree on every column of at least one rule; "a=b" compares the left
 *                              record's a with the right record's b (swapped names)
 * @param maxBlockSize          a block key shared by more identity profiles than this is skipped by that rule, so
 *                              "John Smith" cannot explode the pairs (default 50: at a million records 300 gave 38
 *                              million candidate pairs against 6 million, and the benchmarks lost nothing)
 * @param uSampleRecords        records drawn (deterministically) to estimate u from all their pairs (default 1500)
 * @param emMaxIterations       EM iterations at most (default 25)
 * @param emTolerance           EM stops when no m moves more than this (default 1e-4)
 * @param deterministicRules    pairs agreeing on all columns of one rule are near-certain matches: they set the prior
 * @param deterministicRecall   share of true matches the deterministic rules are assumed to find (default 0.8)
 * @param tfWeight              weight of the term-frequency adjustment on exact name levels (default 1.0)
 * @param tfMinimum             floor of a name's frequency, so typos do not look astronomically rare (default 0.001)
 * @param personReferences      agency person references: records of one dataset sharing one are one person
 * @param sharedReferences      of those, references shared across datasets (custody_ref: police and Checkpoint; crn:
 *                              probation supervision and assessments)
 * @param checkpointInterval    connected-components iterations between lineage breaks (default 3)
 * @param extraDiceHigh         extra identifiers (addresses, emails...): Dice at or above this is a close spelling (0.8)
 * @param extraDiceLow          extra identifiers: Dice at or above this is a loose spelling (default 0.6)
 * @param emPriorShare          the prior is at least this share of the matches EM finds among candidate pairs over all
 *                              pairs (default 0 = off: deterministic rules only)
 * @param broadcastMaxProfiles  identity profiles up to which comparing broadcasts the profile table to the pairs
 *                              (default 3,000,000: at 2.97 million the link stage, broadcasting, peaked at 7.98 GiB
 *                              of an 8 GiB heap); above it the pairs are shuffled to the profiles instead
 * @param model                 which trained model the nightly run predicts with, and its drift check
 * @param sensitivity           the further thresholds persons are clustered at (linkage_sensitivity)
 */
public record LinkageSettings(
        Double matchThreshold,
        Integer maxClusterSize,
        Double nameDiceHigh,
        Double nameDiceLow,
        List<BlockingRule> blockingRules,
        Integer maxBlockSize,
        Integer uSampleRecords,
        Integer emMaxIterations,
        Double emTolerance,
        List<BlockingRule> deterministicRules,
        Double deterministicRecall,
        Double tfWeight,
        Double tfMinimum,
        List<String> personReferences,
        List<String> sharedReferences,
        Integer checkpointInterval,
        Double extraDiceHigh,
        Double extraDiceLow,
        Double emPriorShare,
        Long broadcastMaxProfiles,
        LinkageModelSettings model,
        LinkageSensitivitySettings sensitivity) {
    public static final List<String> DEFAULT_BLOCKING_RULES = List.of(
            "pnc_token",
            "surname_dm_token,dob_year_token",
            "forename_dm_token,dob_token",
            "dob_token,postcode_district",
            "surname_token,forename_initial_token",
            "forename_token=surname_token,surname_token=forename_token",
            "forename_token,surname_token",
            "dob_token,forename_initial_token",
            "surname_dm_token,postcode_token",
            "forename_dm_token,surname_dm_token",
            "surname_token,dob_year_token",
            "forename_token,postcode_token");

    public LinkageSettings {
        matchThreshold = Defaults.or(matchThreshold, 0.95);
        maxClusterSize = Defaults.or(maxClusterSize, 200);
        nameDiceHigh = Defaults.or(nameDiceHigh, 0.8);
        nameDiceLow = Defaults.or(nameDiceLow, 0.6);
        blockingRules = Defaults.list(blockingRules, BlockingRule.parseAll(DEFAULT_BLOCKING_RULES));
        maxBlockSize = Defaults.or(maxBlockSize, 50);
        uSampleRecords = Defaults.or(uSampleRecords, 1500);
        emMaxIterations = Defaults.or(emMaxIterations, 25);
        emTolerance = Defaults.or(emTolerance, 1e-4);
        deterministicRules = Defaults.list(
                deterministicRules,
                BlockingRule.parseAll(List.of("pnc_token", "forename_token,surname_token,dob_token")));
        deterministicRecall = Defaults.or(deterministicRecall, 0.8);
        tfWeight = Defaults.or(tfWeight, 1.0);
        tfMinimum = Defaults.or(tfMinimum, 0.001);
        personReferences = Defaults.list(
                personReferences,
                List.of("custody_ref", "defendant_ref", "prison_number", "crn", "yos_ref", "iom_ref", "client_ref"));
        sharedReferences = Defaults.list(sharedReferences, List.of("custody_ref", "crn"));
        checkpointInterval = Defaults.or(checkpointInterval, 3);
        extraDiceHigh = Defaults.or(extraDiceHigh, 0.8);
        extraDiceLow = Defaults.or(extraDiceLow, 0.6);
        emPriorShare = Defaults.or(emPriorShare, 0.0);
        broadcastMaxProfiles = Defaults.or(broadcastMaxProfiles, 3_000_000L);
        model = Defaults.or(model, LinkageModelSettings.defaults());
        sensitivity = Defaults.or(sensitivity, LinkageSensitivitySettings.defaults());
    }

    /**
     * What is wrong with these values, keys relative to the section (none: usable): ranges, and every rule read and
     * its columns checked against those linkage compares ({@link StagedColumns#LINKED_TOKENS}, and the extra
     * identifiers' extra_&lt;name&gt;_token, which are found in the data).
     */
    public List<String> problems() {
        Problems p = new Problems();
        p.check(
                extraDiceLow <= extraDiceHigh,
                "extra_dice_low",
                "must not exceed extra_dice_high " + extraDiceHigh,
                extraDiceLow);
        p.check(
                nameDiceLow <= nameDiceHigh,
                "name_dice_low",
                "must not exceed name_dice_high " + nameDiceHigh,
                nameDiceLow);
        ruleProblems(p, "blocking_rules", blockingRules, false);
        ruleProblems(p, "deterministic_rules", deterministicRules, true);
        p.addAll("model", model.problems());
        p.addAll("sensitivity", sensitivity.problems());
        return p.list();
    }

    private static void ruleProblems(Problems p, String key, List<BlockingRule> rules, boolean deterministic) {
        for (int i = 0; i < rules.size(); i++) {
            BlockingRule rule = rules.get(i);
            String at = key + "[" + i + "] '" + rule.text() + "': ";
            if (rule.problem() != null) {
                p.add(at + rule.problem());
                continue;
            }
            for (String column : rule.named()) {
                if (!isLinkedColumn(column)) {
                    p.add(at + "unknown column " + column + ". Linkage compares "
                            + String.join(", ", StagedColumns.LINKED_TOKENS) + " and extra_<name>_token");
                }
            }
            if (deterministic && !rule.symmetric()) {
                p.add(at + "a deterministic rule must name the columns both records share (\"a,b\"), not a=b");
            }
        }
    }

    private static boolean isLinkedColumn(String column) {
        return StagedColumns.LINKED_TOKENS.contains(column)
                || column.startsWith(StagedColumns.EXTRA_PREFIX)
                        && column.endsWith(StagedColumns.EXTRA_TOKEN_SUFFIX)
                        && column.length()
                                > StagedColumns.EXTRA_PREFIX.length() + StagedColumns.EXTRA_TOKEN_SUFFIX.length();
    }

    /** Every key at its documented default: an empty section read as conf/pipeline.yaml is. */
    public static LinkageSettings defaults() {
        return SettingsLoader.defaults(LinkageSettings.class);
    }

    /** The same settings with another share of the EM prior. */
    public LinkageSettings withEmPriorShare(double share) {
        return SettingsLoader.with(this, Map.of("em_prior_share", share));
    }

    /** The same settings with another match threshold. */
    public LinkageSettings withMatchThreshold(double threshold) {
        return SettingsLoader.with(this, Map.of("match_threshold", threshold));
    }

    /** The same settings with a trained model's level and term-frequency settings (a model scores with its own). */
    public LinkageSettings withScoring(
            double nameHigh, double nameLow, double extraHigh, double extraLow, double tfW, double tfMin) {
        return SettingsLoader.with(
                this,
                Map.of(
                        "name_dice_high",
                        nameHigh,
                        "name_dice_low",
                        nameLow,
                        "extra_dice_high",
                        extraHigh,
                        "extra_dice_low",
                        extraLow,
                        "tf_weight",
                        tfW,
                        "tf_minimum",
                        tfMin));
    }

    /** The same settings clustering at these further thresholds only (none: no sensitivity figures). */
    public LinkageSettings withSensitivityThresholds(List<Double> thresholds) {
        return SettingsLoader.with(
                this, Map.of("sensitivity", new LinkageSensitivitySettings(thresholds, sensitivity.rateTolerance())));
    }
}
