package org.lcjp.reoffending.synthetic;

import java.nio.file.Path;

/**
 * What the synthetic generator simulates. Same settings give byte-identical files.
 *
 * @param people               people simulated (each has a criminal career overlapping the period)
 * @param fromYear             first calendar year delivered in quarterly delta files
 * @param toYear               last calendar year simulated; nothing after 31 Dec of it exists
 * @param seed                 seed of every random draw (person i draws from a stream seeded by (seed, i))
 * @param checkpointTrueEffect absolute change in the 12-month proven reoffending probability that a Checkpoint
 *                             diversion causes (negative = fewer reoffenders); the comparison must recover it
 * @param offencesPath         offence reference (codes, groups, breach flag, harm) the codes are drawn from
 * @param areasPath            postcode districts of the area and their force
 * @param historyYears         years of history before fromYear, delivered in the first file (previous offences)
 * @param femaleShare          share of women among the people
 * @param outOfAreaShare       share of people living outside the area's postcode districts
 * @param identityNoise        multiplier on every identity-noise rate (0 = clean identities, 1 = default mess)
 * @param invalidRowRate       share of rows re-sent with an invalid value so ingest quarantines something
 * @param substanceShare       base share of people with substance-misuse treatment (more for women, prolific)
 * @param housingShare         base share of people with housing support (more for women, prolific)
 * @param checkpointReferralShare share of prosecutable Durham adult offences that police refer to Checkpoint
 */
public record GeneratorSettings(
        long people,
        int fromYear,
        int toYear,
        long seed,
        double checkpointTrueEffect,
        Path offencesPath,
        Path areasPath,
        int historyYears,
        double femaleShare,
        double outOfAreaShare,
        double identityNoise,
        double invalidRowRate,
        double substanceShare,
        double housingShare,
        double checkpointReferralShare) {
    public static final double CHECKPOINT_TRUE_EFFECT_DEFAULT = -0.10;
    public static final Path OFFENCES_PATH_DEFAULT = Path.of("conf/reference/offences.csv");
    public static final Path AREAS_PATH_DEFAULT = Path.of("conf/reference/areas.csv");
    public static final int HISTORY_YEARS_DEFAULT = 3;
    public static final double FEMALE_SHARE_DEFAULT = 0.22;
    public static final double OUT_OF_AREA_SHARE_DEFAULT = 0.06;
    public static final double IDENTITY_NOISE_DEFAULT = 1.0;
    public static final double INVALID_ROW_RATE_DEFAULT = 0.0005;
    public static final double SUBSTANCE_SHARE_DEFAULT = 0.08;
    public static final double HOUSING_SHARE_DEFAULT = 0.06;
    public static final double CHECKPOINT_REFERRAL_SHARE_DEFAULT = 0.6;

    public GeneratorSettings {
        if (people < 0) {
            throw new IllegalArgumentException("Cannot generate: people must not be negative (" + people + ")");
        }
        if (toYear < fromYear || fromYear < 1950 || toYear > 2100) {
            throw new IllegalArgumentException("Cannot generate: bad year range (" + fromYear + ".." + toYear + ")");
        }
        if (checkpointTrueEffect <= -1 || checkpointTrueEffect >= 1) {
            throw new IllegalArgumentException(
                    "Cannot generate: checkpoint effect must be in (-1, 1) (" + checkpointTrueEffect + ")");
        }
        if (historyYears < 0) {
            throw new IllegalArgumentException(
                    "Cannot generate: history years must not be negative (" + historyYears + ")");
        }
        offencesPath = offencesPath == null ? OFFENCES_PATH_DEFAULT : offencesPath;
        areasPath = areasPath == null ? AREAS_PATH_DEFAULT : areasPath;
    }

    public static GeneratorSettings defaults(long people, int fromYear, int toYear, long seed) {
        return new GeneratorSettings(
                people,
                fromYear,
                toYear,
                seed,
                CHECKPOINT_TRUE_EFFECT_DEFAULT,
                OFFENCES_PATH_DEFAULT,
                AREAS_PATH_DEFAULT,
                HISTORY_YEARS_DEFAULT,
                FEMALE_SHARE_DEFAULT,
                OUT_OF_AREA_SHARE_DEFAULT,
                IDENTITY_NOISE_DEFAULT,
                INVALID_ROW_RATE_DEFAULT,
                SUBSTANCE_SHARE_DEFAULT,
                HOUSING_SHARE_DEFAULT,
                CHECKPOINT_REFERRAL_SHARE_DEFAULT);
    }

    public GeneratorSettings withCheckpointTrueEffect(double effect) {
        return new GeneratorSettings(
                people,
                fromYear,
                toYear,
                seed,
                effect,
                offencesPath,
                areasPath,
                historyYears,
                femaleShare,
                outOfAreaShare,
                identityNoise,
                invalidRowRate,
                substanceShare,
                housingShare,
                checkpointReferralShare);
    }

    public GeneratorSettings withReference(Path offences, Path areas) {
        return new GeneratorSettings(
                people,
                fromYear,
                toYear,
                seed,
                checkpointTrueEffect,
                offences,
                areas,
                historyYears,
                femaleShare,
                outOfAreaShare,
                identityNoise,
                invalidRowRate,
                substanceShare,
                housingShare,
                checkpointReferralShare);
    }
}
