package org.lcjp.reoffending.reports.pack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lcjp.reoffending.reports.pack.PackData.BalanceRow;
import org.lcjp.reoffending.reports.pack.PackData.ComparisonRow;
import org.lcjp.reoffending.reports.pack.PackData.DataQualityRow;
import org.lcjp.reoffending.reports.pack.PackData.IomRow;
import org.lcjp.reoffending.reports.pack.PackData.LinkageQualityRow;
import org.lcjp.reoffending.reports.pack.PackData.ReoffendingRow;

/** Small hand-built pack data: six quarterly cohorts, the last two provisional, with small cells. */
final class PackFixtures {
    static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);

    private PackFixtures() {
    }

    static ReoffendingRow row(LocalDate start, String population, String dimension, String category,
                              long offenders, long reoffenders, long reoffences) {
        LocalDate end = start.plusMonths(3).minusDays(1);
        return new ReoffendingRow(start, end, population, dimension, category, offenders, reoffenders, reoffences,
                offenders == 0 ? 0 : (double) reoffenders / offenders,
                reoffenders == 0 ? null : (double) reoffences / reoffenders,
                offenders == 0 ? 0 : (double) reoffences / offenders,
                AS_OF.isBefore(end.plusMonths(18)) ? "PROVISIONAL" : "FINAL");
    }

    /** One cohort: ADULT + JUVENILE = ALL; sex M/F/U; age bands; a small female juvenile cell. */
    static List<ReoffendingRow> cohort(LocalDate start, int scale) {
        List<ReoffendingRow> rows = new ArrayList<>();
        long[][] sex = {{60L * scale, 18L * scale, 40L * scale}, {12, 5, 9}, {3, 1, 1}}; // adult M, F, U
        long[][] sexJ = {{20, 8, 15}, {2, 1, 2}, {0, 0, 0}};
        String[] sexes = {"M", "F", "U"};
        add(rows, start, "SEX", sexes, sex, sexJ);
        // Keep bands consistent with the sex totals: adults split 18-20 / 21+, juveniles 10-14 / 15-17.
        long adultOff = sex[0][0] + sex[1][0] + sex[2][0];
        long adultRe = sex[0][1] + sex[1][1] + sex[2][1];
        long adultReo = sex[0][2] + sex[1][2] + sex[2][2];
        long[][] ageA = {{4, 2, 3}, {adultOff - 4, adultRe - 2, adultReo - 3}};
        long[][] ageJ = {{3, 1, 2}, {19, 8, 15}};
        String[] bands = {"18-20", "21-24"};
        String[] bandsJ = {"10-14", "15-17"};
        for (int i = 0; i < 2; i++) {
            rows.add(row(start, "ADULT", "AGE_BAND", bands[i], ageA[i][0], ageA[i][1], ageA[i][2]));
            rows.add(row(start, "ALL", "AGE_BAND", bands[i], ageA[i][0], ageA[i][1], ageA[i][2]));
            rows.add(row(start, "JUVENILE", "AGE_BAND", bandsJ[i], ageJ[i][0], ageJ[i][1], ageJ[i][2]));
            rows.add(row(start, "ALL", "AGE_BAND", bandsJ[i], ageJ[i][0], ageJ[i][1], ageJ[i][2]));
        }
        long jOff = sexJ[0][0] + sexJ[1][0] + sexJ[2][0];
        long jRe = sexJ[0][1] + sexJ[1][1] + sexJ[2][1];
        long jReo = sexJ[0][2] + sexJ[1][2] + sexJ[2][2];
        rows.add(row(start, "ADULT", "ALL", "ALL", adultOff, adultRe, adultReo));
        rows.add(row(start, "JUVENILE", "ALL", "ALL", jOff, jRe, jReo));
        rows.add(row(start, "ALL", "ALL", "ALL", adultOff + jOff, adultRe + jRe, adultReo + jReo));
        return rows;
    }

    private static void add(List<ReoffendingRow> rows, LocalDate start, String dimension, String[] categories,
                            long[][] adult, long[][] juvenile) {
        for (int i = 0; i < categories.length; i++) {
            rows.add(row(start, "ADULT", dimension, categories[i], adult[i][0], adult[i][1], adult[i][2]));
            rows.add(row(start, "JUVENILE", dimension, categories[i], juvenile[i][0], juvenile[i][1], juvenile[i][2]));
            rows.add(row(start, "ALL", dimension, categories[i], adult[i][0] + juvenile[i][0],
                    adult[i][1] + juvenile[i][1], adult[i][2] + juvenile[i][2]));
        }
    }

    static List<ReoffendingRow> reoffending() {
        List<ReoffendingRow> rows = new ArrayList<>();
        for (int q = 0; q < 6; q++) {
            rows.addAll(cohort(LocalDate.of(2023, 1, 1).plusMonths(3L * q), 1 + q % 3));
        }
        return rows;
    }

    static ComparisonRow comparison(String comparison, String method, String group, String measure, long people,
                                    double value, String reference, String status, String note) {
        return new ComparisonRow(comparison, null, null, method, group, "ALL", measure, people, value,
                value - 0.05, value + 0.05, reference, group.equals(reference) ? null : 0.02,
                group.equals(reference) ? null : -0.03, group.equals(reference) ? null : 0.07,
                group.equals(reference) ? null : 0.4, group.equals(reference) ? null : false, 400L, status, note);
    }

    static PackData full() {
        List<ComparisonRow> comparisons = List.of(
                comparison("DIVERSION", "OBSERVED", "DIVERTED", "REOFFENDING_RATE", 120, 0.25, "PROSECUTED", "OK", ""),
                comparison("DIVERSION", "OBSERVED", "PROSECUTED", "REOFFENDING_RATE", 300, 0.31, "PROSECUTED", "OK", ""),
                comparison("DIVERSION", "MATCHED", "DIVERTED", "REOFFENDING_RATE", 120, 0.25, "PROSECUTED", "OK", ""),
                comparison("DIVERSION", "MATCHED", "PROSECUTED", "REOFFENDING_RATE", 118, 0.29, "PROSECUTED", "OK", ""),
                comparison("DIVERSION", "OBSERVED", "DIVERTED", "REOFFENCES_PER_OFFENDER", 120, 0.61, "PROSECUTED", "OK", ""),
                comparison("DIVERSION", "OBSERVED", "PROSECUTED", "REOFFENCES_PER_OFFENDER", 300, 0.8, "PROSECUTED", "OK", ""),
                comparison("SEX", "OBSERVED", "F", "REOFFENDING_RATE", 3, 0.33, "M", "TOO_SMALL",
                        "=HYPERLINK(\"http://x\") group below 60 people"),
                comparison("SEX", "OBSERVED", "M", "REOFFENDING_RATE", 150, 0.3, "M", "OK", ""),
                comparison("NEEDS", "OBSERVED", "F", "NEED_SHARE", 100, 0.02, "M", "OK", ""));
        List<IomRow> iom = List.of(
                new IomRow("IOM", "PROVEN_OFFENCES", 80L, 320.0, 200.0, 4.0, 2.5, -1.5, -2.0, -1.0, -0.6, -1.1, -0.1,
                        0.02, "OK", ""),
                new IomRow("COMPARISON", "PROVEN_OFFENCES", 80L, 300.0, 228.0, 3.75, 2.85, -0.9, -1.3, -0.5, null,
                        null, null, null, "OK", ""),
                new IomRow("IOM", "HARM_DAYS", 80L, 9000.0, 6000.0, 112.5, 75.0, -37.5, -50.0, -25.0, -10.0, -20.0,
                        0.0, 0.05, "OK", ""),
                new IomRow("COMPARISON", "HARM_DAYS", 3L, 200.0, 150.0, 66.7, 50.0, -16.7, -40.0, 5.0, null, null,
                        null, null, "TOO_SMALL", "fewer than 60"));
        List<DataQualityRow> dq = List.of(
                new DataQualityRow("police/outcomes/2025-03-01.csv", "police", "outcomes", LocalDate.of(2025, 3, 1),
                        1000, 997, 3, 10, 2, 0, 7, Map.of("BAD_DATE", 2L, "UNKNOWN_OFFENCE", 1L)),
                new DataQualityRow("courts/convictions/2025-03-15.csv", "courts", "convictions",
                        LocalDate.of(2025, 3, 15), 500, 480, 20, 0, 0, 1, 0, Map.of("BAD_DATE", 20L)));
        return new PackData(AS_OF, "run-2025-03-31-test", "Proven reoffending: test partnership",
                "Test team, test@example.org", 5, 18,
                Map.of("police", LocalDate.of(2025, 3, 1), "courts", LocalDate.of(2025, 3, 15),
                        "prisons", LocalDate.of(2024, 6, 30)),
                reoffending(), Optional.of(dq),
                Optional.of(List.of(new LinkageQualityRow("SHARE_LINKED_TO_POLICE_OR_COURT", "police/outcomes", 0.98),
                        new LinkageQualityRow("SHARE_LINKED_TO_POLICE_OR_COURT", "substance/treatment", 0.61))),
                Optional.of(comparisons),
                Optional.of(List.of(new BalanceRow("DIVERSION", "age", 24.0, 29.0, 24.5, -0.45, -0.04, false))),
                Optional.of(iom));
    }

    static PackData minimal() {
        PackData f = full();
        return new PackData(f.asOf(), f.runId(), f.title(), f.contact(), f.threshold(), f.finalAfterMonths(),
                f.latestExtracts(), f.provenReoffending(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
