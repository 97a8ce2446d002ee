package org.lcjp.reoffending.synthetic;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.lcjp.reoffending.synthetic.ReferenceData.District;

/** Draws a person: identity, where they live, and the latent career (propensity, start and end). */
final class PersonFactory {
    private static final List<String> OUT_OF_AREA = List.of(
            "NE1", "NE4", "NE6", "NE28", "NE31", "SR1", "SR4", "YO21", "LS7", "M14", "DL8", "DL10", "DL11", "YO7",
            "BD3");
    /** Share of people with a prolific career (offences a year in the several, not the fractions). */
    static final double PROLIFIC_SHARE = 0.055;

    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private final GeneratorSettings settings;
    private final ReferenceData reference;
    private final int careerFrom;
    private final int periodEnd;

    PersonFactory(GeneratorSettings settings, ReferenceData reference) {
        this.settings = settings;
        this.reference = reference;
        this.careerFrom = (int) LocalDate.of(settings.fromYear() - settings.historyYears() - 8, 1, 1)
                .toEpochDay();
        this.periodEnd = (int) LocalDate.of(settings.toYear(), 12, 31).toEpochDay();
    }

    Person draw(long index, SplittableRandom rng) {
        boolean female = rng.nextDouble() < settings.femaleShare();
        int careerStart = careerFrom + rng.nextInt(periodEnd - careerFrom);
        double u = rng.nextDouble();
        int startAge = u < 0.09
                ? 10 + (int) (8 * Math.pow(rng.nextDouble(), 0.6))
                : 18 + (int) (32 * Math.pow(rng.nextDouble(), 1.8));
        LocalDate dob = LocalDate.ofEpochDay(careerStart).minusYears(startAge).minusDays(rng.nextInt(365));
        int careerEnd = careerStart + (int) (-Math.log(1 - rng.nextDouble()) * 365.25 * 9);
        // Two kinds of career: most people offend rarely, a prolific few account for most reoffending.
        boolean prolific = rng.nextDouble() < PROLIFIC_SHARE * (female ? 0.5 : 1.0);
        double propensity = Math.min(
                25,
                (prolific ? 6.0 * Math.exp(0.5 * rng.nextGaussian()) : 0.12 * Math.exp(0.8 * rng.nextGaussian()))
                        * (female ? 0.6 : 1.0));

        String forename = Names.pick(female ? Names.FEMALE : Names.MALE, rng);
        String nickname = rng.nextDouble() < 0.6 ? Names.nickname(forename, rng) : null;
        String surname = Names.pick(Names.SURNAMES, rng);
        String married = null;
        int marriageDay = Integer.MAX_VALUE;
        if (female && rng.nextDouble() < 0.15) {
            married = Names.pick(Names.SURNAMES, rng);
            int from = Math.max(careerStart, (int) dob.plusYears(19).toEpochDay());
            int to = Math.max(from + 1, Math.min(periodEnd, careerEnd));
            marriageDay = married.equals(surname) ? Integer.MAX_VALUE : from + rng.nextInt(to - from);
        }
        double e = rng.nextDouble();
        String ethnicity = e < 0.90 ? "WHITE" : e < 0.94 ? "ASIAN" : e < 0.965 ? "MIXED" : e < 0.98 ? "BLACK" : "OTHER";
        boolean outOfArea = rng.nextDouble() < settings.outOfAreaShare();
        District district = reference.drawDistrict(rng);
        String force = district.force();
        String postcode =
                postcode(outOfArea ? OUT_OF_AREA.get(rng.nextInt(OUT_OF_AREA.size())) : district.district(), rng);
        String moved = null;
        int moveDay = Integer.MAX_VALUE;
        if (!outOfArea && rng.nextDouble() < 0.25) {
            District next = rng.nextDouble() < 0.7 ? district : reference.drawDistrict(rng);
            if (next.force().equals(force)) {
                moved = postcode(next.district(), rng);
                moveDay = careerStart + rng.nextInt(Math.max(1, Math.min(periodEnd, careerEnd) - careerStart + 1));
            }
        }
        return new Person(
                index,
                female,
                forename,
                nickname,
                surname,
                married,
                marriageDay,
                dob,
                ethnicity,
                postcode,
                moved,
                moveDay,
                force,
                outOfArea,
                Pnc.serial(index, settings.seed()),
                propensity,
                careerStart,
                careerEnd);
    }

    static String postcode(String district, SplittableRandom rng) {
        return district + " " + (1 + rng.nextInt(9)) + INWARD_LETTERS.charAt(rng.nextInt(INWARD_LETTERS.length()))
                + INWARD_LETTERS.charAt(rng.nextInt(INWARD_LETTERS.length()));
    }
}
