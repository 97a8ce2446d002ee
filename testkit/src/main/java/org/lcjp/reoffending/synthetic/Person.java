package org.lcjp.reoffending.synthetic;

import java.time.LocalDate;

/**
 * A simulated person: the true, clean identity (what truth/people.csv holds) and the latent career.
 * Mutable flags record what happened during the simulation.
 */
final class Person {
    final long index;
    final String personId;
    final boolean female;
    final String forename;
    final String nickname;
    final String surname;
    final String marriedSurname;
    final int marriageDay;
    final LocalDate dateOfBirth;
    final String ethnicity;
    final String postcode;
    final String movedPostcode;
    final int moveDay;
    final String force;
    final boolean outOfArea;
    final int pncSerial;
    /** Offences a year at the peak of the age curve. */
    final double propensity;

    final int careerStartDay;
    final int careerEndDay;

    int pncYear = -1;
    boolean iom;
    Boolean checkpointDiverted;

    Person(
            long index,
            boolean female,
            String forename,
            String nickname,
            String surname,
            String marriedSurname,
            int marriageDay,
            LocalDate dateOfBirth,
            String ethnicity,
            String postcode,
            String movedPostcode,
            int moveDay,
            String force,
            boolean outOfArea,
            int pncSerial,
            double propensity,
            int careerStartDay,
            int careerEndDay) {
        this.index = index;
        this.personId = String.format("P%08d", index + 1);
        this.female = female;
        this.forename = forename;
        this.nickname = nickname;
        this.surname = surname;
        this.marriedSurname = marriedSurname;
        this.marriageDay = marriageDay;
        this.dateOfBirth = dateOfBirth;
        this.ethnicity = ethnicity;
        this.postcode = postcode;
        this.movedPostcode = movedPostcode;
        this.moveDay = moveDay;
        this.force = force;
        this.outOfArea = outOfArea;
        this.pncSerial = pncSerial;
        this.propensity = propensity;
        this.careerStartDay = careerStartDay;
        this.careerEndDay = careerEndDay;
    }

    int ageOn(int epochDay) {
        return dateOfBirth.until(LocalDate.ofEpochDay(epochDay)).getYears();
    }

    String surnameOn(int epochDay) {
        return marriedSurname != null && epochDay >= marriageDay ? marriedSurname : surname;
    }

    String postcodeOn(int epochDay) {
        return movedPostcode != null && epochDay >= moveDay ? movedPostcode : postcode;
    }

    /** The PNC ID in normal (long) form, allocated at first police contact; null before any. */
    String pncLong() {
        return pncYear < 0 ? null : Pnc.longForm(pncYear, pncSerial);
    }
}
