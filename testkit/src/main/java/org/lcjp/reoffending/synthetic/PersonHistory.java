package org.lcjp.reoffending.synthetic;

import java.util.ArrayList;
import java.util.List;

/** What was delivered about one person, in the terms of the counting rules: the generator's own truth. */
final class PersonHistory {
    /** Disposal severity, in methodology order. */
    enum Level {
        CAUTION,
        OTHER_COURT,
        COURT_ORDER,
        CUSTODY
    }

    /** A proven offence as delivered (never withdrawn); breaches are kept, flagged, since they must not count. */
    record ProvenOffence(int offenceDay, int disposalDay, Level level, boolean breach) {}

    /** A SENTENCED release from custody. */
    record Release(int day, double sentenceMonths) {}

    final Person person;
    final List<ProvenOffence> proven = new ArrayList<>();
    final List<Release> releases = new ArrayList<>();
    /** Day adopted onto IOM, or -1. */
    int iomDay = -1;
    /** First eligible Checkpoint decision day, or -1. */
    int checkpointDay = -1;
    /** Expected 12-month proven reoffending probability without and with the diversion's effect. */
    double checkpointBaseline;

    double checkpointTreated;

    PersonHistory(Person person) {
        this.person = person;
    }
}
