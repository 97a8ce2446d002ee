package org.lcjp.reoffending.rj;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.ColumnSpec;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.impact.ComparisonStatistics;
import org.lcjp.reoffending.impact.Interval;
import org.lcjp.reoffending.measures.FinancialYear;

/**
 * What the RJ Hub did, per financial year of referral (methodology.md section 8): referrals by source and stage, the
 * share in which the victim was asked and the share of those who consented, outcomes, completed processes
 * (conferences and indirect), the share of completed processes facilitated by volunteers and the share of their
 * victims who said they were satisfied. Counts are of referrals (the current version of each record). One Spark
 * aggregation; the few hundred combinations of codes it returns are tallied here.
 */
public final class RjActivity {
    public static final String REFERRALS = "REFERRALS";
    public static final String REFERRALS_BY_SOURCE = "REFERRALS_BY_SOURCE";
    public static final String REFERRALS_BY_STAGE = "REFERRALS_BY_STAGE";
    public static final String VICTIM_ASKED_SHARE = "VICTIM_ASKED_SHARE";
    public static final String VICTIM_CONSENT_SHARE = "VICTIM_CONSENT_SHARE";
    public static final String OUTCOMES = "OUTCOMES";
    public static final String COMPLETED_PROCESSES = "COMPLETED_PROCESSES";
    public static final String VOLUNTEER_SHARE = "VOLUNTEER_SHARE";
    public static final String VICTIM_SATISFACTION_SHARE = "VICTIM_SATISFACTION_SHARE";
    public static final String ALL = "ALL";
    /** An outcome category: no outcome yet. */
    public static final String OPEN = "OPEN";

    public static final String FINAL = "FINAL";
    public static final String PROVISIONAL = "PROVISIONAL";
    /** The outcomes that are a completed restorative process. */
    public static final List<String> COMPLETED = List.of("CONFERENCE", "INDIRECT");

    static final String REFERRAL_DATE = "referral_date";
    static final String SOURCE = "referral_source";
    static final String STAGE = "stage";
    static final String CONSENT = "victim_consent";
    static final String OUTCOME = "outcome";
    static final String VOLUNTEER = "volunteer_facilitated";
    static final String SATISFIED = "victim_satisfied";
    private static final String YEAR = "_fy";
    private static final String N = "_n";
    private static final String YES = "Y";

    private final ComparisonStatistics stats;

    public RjActivity(ComparisonStatistics stats) {
        this.stats = stats;
    }

    /**
     * @param referrals staged rj/referrals
     * @param coveredTo the date up to which rj/referrals are delivered: a year ending after it is PROVISIONAL
     */
    public List<RjActivityRow> build(Dataset<Row> referrals, LocalDate coveredTo) {
        List<Row> combinations = referrals
                .groupBy(
                        FinancialYear.start(col(REFERRAL_DATE)).as(YEAR),
                        col(SOURCE),
                        col(STAGE),
                        col(CONSENT),
                        col(OUTCOME),
                        col(VOLUNTEER),
                        col(SATISFIED))
                .agg(count(lit(1)).as(N))
                .collectAsList();
        List<RjActivityRow> out = new ArrayList<>();
        List<LocalDate> starts = combinations.stream()
                .map(r -> r.<Date>getAs(YEAR).toLocalDate())
                .distinct()
                .sorted()
                .toList();
        if (starts.isEmpty()) {
            return out;
        }
        DatasetSpec spec = Datasets.spec(Datasets.RJ_REFERRALS);
        for (FinancialYear y = FinancialYear.of(starts.get(0));
                !y.start().isAfter(last(starts, coveredTo));
                y = y.next()) {
            FinancialYear year = y;
            List<Row> in = combinations.stream()
                    .filter(r -> r.<Date>getAs(YEAR).toLocalDate().equals(year.start()))
                    .toList();
            Year t = new Year(year, in, coveredTo);
            long referred = t.count(r -> true);
            t.add(out, REFERRALS, ALL, referred);
            for (String source : codes(spec, SOURCE)) {
                t.add(out, REFERRALS_BY_SOURCE, source, t.count(r -> source.equals(r.getAs(SOURCE))));
            }
            for (String stage : codes(spec, STAGE)) {
                t.add(out, REFERRALS_BY_STAGE, stage, t.count(r -> stage.equals(r.getAs(STAGE))));
            }
            long asked = t.count(r -> r.getAs(CONSENT) != null);
            t.share(out, VICTIM_ASKED_SHARE, asked, referred, null);
            t.share(out, VICTIM_CONSENT_SHARE, t.count(r -> YES.equals(r.getAs(CONSENT))), asked, null);
            for (String outcome : codes(spec, OUTCOME)) {
                t.add(out, OUTCOMES, outcome, t.count(r -> outcome.equals(r.getAs(OUTCOME))));
            }
            t.add(out, OUTCOMES, OPEN, t.count(r -> r.getAs(OUTCOME) == null));
            Predicate<Row> completed = r -> r.getAs(OUTCOME) != null && COMPLETED.contains(r.<String>getAs(OUTCOME));
            long done = t.count(completed);
            t.add(out, COMPLETED_PROCESSES, ALL, done);
            long volunteerKnown = t.count(completed.and(r -> r.getAs(VOLUNTEER) != null));
            t.share(
                    out,
                    VOLUNTEER_SHARE,
                    t.count(completed.and(r -> YES.equals(r.getAs(VOLUNTEER)))),
                    volunteerKnown,
                    unanswered(done, volunteerKnown, "whether a volunteer facilitated"));
            long satisfactionKnown = t.count(completed.and(r -> r.getAs(SATISFIED) != null));
            t.share(
                    out,
                    VICTIM_SATISFACTION_SHARE,
                    t.count(completed.and(r -> YES.equals(r.getAs(SATISFIED)))),
                    satisfactionKnown,
                    unanswered(done, satisfactionKnown, "the victim's satisfaction"));
        }
        return out;
    }

    private static LocalDate last(List<LocalDate> starts, LocalDate coveredTo) {
        LocalDate latest = starts.get(starts.size() - 1);
        return coveredTo == null || latest.isAfter(coveredTo)
                ? latest
                : FinancialYear.of(coveredTo).start();
    }

    private static String unanswered(long all, long known, String what) {
        return all > known ? (all - known) + " completed processes do not record " + what : null;
    }

    private static List<String> codes(DatasetSpec spec, String column) {
        return spec.column(column).map(ColumnSpec::codes).orElseThrow();
    }

    /** One financial year's combinations and how to turn them into rows. */
    private final class Year {
        private final FinancialYear year;
        private final List<Row> rows;
        private final String status;
        private final String note;

        Year(FinancialYear year, List<Row> rows, LocalDate coveredTo) {
            this.year = year;
            this.rows = rows;
            boolean whole = coveredTo != null && !year.end().isAfter(coveredTo);
            this.status = whole ? FINAL : PROVISIONAL;
            this.note = whole ? null : "The year is not over in the data (rj/referrals delivered to " + coveredTo + ")";
        }

        long count(Predicate<Row> which) {
            return rows.stream().filter(which).mapToLong(r -> r.<Long>getAs(N)).sum();
        }

        void add(List<RjActivityRow> out, String measure, String category, long count) {
            out.add(new RjActivityRow(
                    year.label(),
                    year.start(),
                    year.end(),
                    measure,
                    category,
                    count,
                    null,
                    null,
                    null,
                    null,
                    status,
                    note));
        }

        void share(List<RjActivityRow> out, String measure, long with, long of, String why) {
            Interval ci = stats.wilson(with, of);
            out.add(new RjActivityRow(
                    year.label(),
                    year.start(),
                    year.end(),
                    measure,
                    ALL,
                    with,
                    of,
                    of > 0 ? (double) with / of : null,
                    of > 0 ? ci.low() : null,
                    of > 0 ? ci.high() : null,
                    status,
                    join(note, why)));
        }

        private String join(String a, String b) {
            return a == null ? b : b == null ? a : a + "; " + b;
        }
    }
}
