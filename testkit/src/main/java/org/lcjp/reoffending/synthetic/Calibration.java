package org.lcjp.reoffending.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lcjp.reoffending.synthetic.PersonHistory.Level;
import org.lcjp.reoffending.synthetic.PersonHistory.ProvenOffence;
import org.lcjp.reoffending.synthetic.PersonHistory.Release;

/**
 * The MoJ-style figures of the simulated population, worked out from the generator's own truth with the counting
 * rules of methodology.md (quarterly cohorts, earliest index event, 12-month follow-up, 6-month wait, breaches
 * excluded), over the cohorts whose follow-up and waiting period end inside the simulated period.
 */
final class Calibration {
    private final int firstQuarter;
    private final int lastFinalQuarter;
    private final int periodEnd;
    private final long[] offenders = new long[Group.values().length];
    private final long[] reoffenders = new long[Group.values().length];
    private final long[] reoffences = new long[Group.values().length];
    private long diverted;
    private long prosecuted;
    private long divertedReoffenders;
    private long prosecutedReoffenders;
    private double divertedEffectSum;
    private long iomPeople;
    private long iomBefore;
    private long iomAfter;

    /** Breakdown cells the calibration targets. */
    enum Group {
        ALL,
        ADULT,
        JUVENILE,
        FEMALE,
        MALE,
        ADULT_CUSTODY_UNDER_12M,
        PREVIOUS_0,
        PREVIOUS_11_PLUS
    }

    Calibration(int fromYear, int toYear) {
        firstQuarter = fromYear * 4;
        int q = toYear * 4 + 3;
        while (plusMonths(DeliveryFiles.quarterStartDay(q + 1) - 1, 18)
                > LocalDate.of(toYear, 12, 31).toEpochDay()) {
            q--;
        }
        lastFinalQuarter = q;
        periodEnd = (int) LocalDate.of(toYear, 12, 31).toEpochDay();
    }

    private static int plusMonths(int day, int months) {
        return (int) LocalDate.ofEpochDay(day).plusMonths(months).toEpochDay();
    }

    /** An index event candidate: day, severity level and (for releases) sentence months. */
    private record IndexEvent(int day, Level level, double months) {}

    void accept(PersonHistory h) {
        List<ProvenOffence> counted = h.proven.stream().filter(o -> !o.breach()).toList();
        Set<Integer> custodyDays = new HashSet<>();
        counted.stream().filter(o -> o.level() == Level.CUSTODY).forEach(o -> custodyDays.add(o.disposalDay()));
        List<IndexEvent> events = new ArrayList<>();
        for (Release r : h.releases) {
            events.add(new IndexEvent(r.day(), Level.CUSTODY, r.sentenceMonths()));
        }
        for (ProvenOffence o : counted) {
            if (o.level() != Level.CUSTODY && !custodyDays.contains(o.disposalDay())) {
                events.add(new IndexEvent(o.disposalDay(), o.level(), 0));
            }
        }
        events.sort(Comparator.comparingInt(IndexEvent::day)
                .thenComparing(e -> -e.level().ordinal()));
        int lastQuarter = Integer.MIN_VALUE;
        for (IndexEvent e : events) {
            int q = DeliveryFiles.quarterOf(e.day());
            int age = h.person.ageOn(e.day());
            if (q == lastQuarter || q < firstQuarter || q > lastFinalQuarter || age < 10) {
                continue;
            }
            lastQuarter = q;
            cohortMember(h, counted, e, age);
        }
        checkpoint(h, counted);
        iom(h, counted);
    }

    private void cohortMember(PersonHistory h, List<ProvenOffence> counted, IndexEvent e, int age) {
        int followUpEnd = plusMonths(e.day(), 12);
        int waitEnd = plusMonths(e.day(), 18);
        long n = counted.stream()
                .filter(o -> o.offenceDay() > e.day() && o.offenceDay() <= followUpEnd && o.disposalDay() <= waitEnd)
                .count();
        long previous = counted.stream().filter(o -> o.disposalDay() < e.day()).count();
        add(Group.ALL, n);
        add(age >= 18 ? Group.ADULT : Group.JUVENILE, n);
        add(h.person.female ? Group.FEMALE : Group.MALE, n);
        if (age >= 18 && e.level() == Level.CUSTODY && e.months() < 12) {
            add(Group.ADULT_CUSTODY_UNDER_12M, n);
        }
        if (previous == 0) {
            add(Group.PREVIOUS_0, n);
        } else if (previous >= 11) {
            add(Group.PREVIOUS_11_PLUS, n);
        }
    }

    private void add(Group g, long n) {
        offenders[g.ordinal()]++;
        if (n > 0) {
            reoffenders[g.ordinal()]++;
            reoffences[g.ordinal()] += n;
        }
    }

    private void checkpoint(PersonHistory h, List<ProvenOffence> counted) {
        if (h.checkpointDay < 0 || h.person.checkpointDiverted == null) {
            return;
        }
        int d = h.checkpointDay;
        boolean re = counted.stream()
                .anyMatch(o -> o.offenceDay() > d
                        && o.offenceDay() <= plusMonths(d, 12)
                        && o.disposalDay() <= plusMonths(d, 18));
        if (h.person.checkpointDiverted) {
            diverted++;
            divertedReoffenders += re ? 1 : 0;
            divertedEffectSum += h.checkpointTreated - h.checkpointBaseline;
        } else {
            prosecuted++;
            prosecutedReoffenders += re ? 1 : 0;
        }
    }

    private void iom(PersonHistory h, List<ProvenOffence> counted) {
        if (h.iomDay < 0 || plusMonths(h.iomDay, 18) > periodEnd) {
            return;
        }
        int d = h.iomDay;
        iomPeople++;
        iomBefore += counted.stream()
                .filter(o -> o.offenceDay() >= plusMonths(d, -12) && o.offenceDay() < d)
                .count();
        iomAfter += counted.stream()
                .filter(o -> o.offenceDay() >= d
                        && o.offenceDay() < plusMonths(d, 12)
                        && o.disposalDay() <= plusMonths(d, 18))
                .count();
    }

    double rate(Group g) {
        return offenders[g.ordinal()] == 0 ? Double.NaN : (double) reoffenders[g.ordinal()] / offenders[g.ordinal()];
    }

    double share(Group g) {
        return offenders[Group.ALL.ordinal()] == 0
                ? Double.NaN
                : (double) offenders[g.ordinal()] / offenders[Group.ALL.ordinal()];
    }

    double reoffencesPerReoffender(Group g) {
        return reoffenders[g.ordinal()] == 0 ? Double.NaN : (double) reoffences[g.ordinal()] / reoffenders[g.ordinal()];
    }

    long offenders(Group g) {
        return offenders[g.ordinal()];
    }

    double divertedRate() {
        return diverted == 0 ? Double.NaN : (double) divertedReoffenders / diverted;
    }

    double prosecutedRate() {
        return prosecuted == 0 ? Double.NaN : (double) prosecutedReoffenders / prosecuted;
    }

    /** Mean true effect of diversion on the diverted (after clamping probabilities to [0, 1]). */
    double checkpointEffectOnDiverted() {
        return diverted == 0 ? Double.NaN : divertedEffectSum / diverted;
    }

    long diverted() {
        return diverted;
    }

    long prosecuted() {
        return prosecuted;
    }

    String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "Final quarterly cohorts %d-Q%d .. %d-Q%d (person-cohorts, 12m follow-up)%n",
                firstQuarter / 4,
                firstQuarter % 4 + 1,
                lastFinalQuarter / 4,
                lastFinalQuarter % 4 + 1));
        b.append("group,offenders,share,reoffending_rate,reoffences_per_reoffender\n");
        for (Group g : Group.values()) {
            b.append(String.format(
                    Locale.ROOT,
                    "%s,%d,%.3f,%.3f,%.2f%n",
                    g,
                    offenders(g),
                    share(g),
                    rate(g),
                    reoffencesPerReoffender(g)));
        }
        b.append(String.format(Locale.ROOT, "checkpoint_eligible_diverted,%d,rate,%.3f%n", diverted, divertedRate()));
        b.append(String.format(
                Locale.ROOT, "checkpoint_eligible_prosecuted,%d,rate,%.3f%n", prosecuted, prosecutedRate()));
        b.append(String.format(Locale.ROOT, "checkpoint_true_effect_on_diverted,%.4f%n", checkpointEffectOnDiverted()));
        b.append(String.format(
                Locale.ROOT,
                "iom_people,%d,offences_12m_before,%d,offences_12m_after,%d%n",
                iomPeople,
                iomBefore,
                iomAfter));
        return b.toString();
    }
}
