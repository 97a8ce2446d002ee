package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lcjp.reoffending.reports.disclosure.Suppression;
import org.lcjp.reoffending.reports.disclosure.SuppressionProblem;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.RjActivityRow;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Periods;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;
import org.lcjp.reoffending.reports.performance.PerformanceRow;

/**
 * The RJ Hub's activity per financial year of referral (rj_activity, methodology section 8). Referrals are counted
 * as people (nearly every referral is a different person), so they go through one suppression problem per pack:
 * each breakdown (source, stage, outcome) adds up to the year's referrals, conferences and indirect processes add up
 * to the completed processes, and a share's count, the rest of its denominator and the denominator are tied (the
 * denominator of the victims-asked share is the year's referrals, of the consent share the victims asked). A share
 * is withheld with its count or denominator.
 */
public final class RjActivitySheet implements PackSheet {
    static final String NAME = "RJ_activity";
    private static final String TABLE = "rj_activity";
    private static final List<String> ORDER = List.of(
            "REFERRALS",
            "REFERRALS_BY_SOURCE",
            "REFERRALS_BY_STAGE",
            "VICTIM_ASKED_SHARE",
            "VICTIM_CONSENT_SHARE",
            "OUTCOMES",
            "COMPLETED_PROCESSES",
            "VOLUNTEER_SHARE",
            "VICTIM_SATISFACTION_SHARE");

    private record Key(String period, String measure, String category, String what) {}

    /** A row as shown. */
    public record Shown(Figure count, Figure denominator, Figure value, Figure ciLow, Figure ciHigh) {}

    @Override
    public Sheet build(PackContext ctx) {
        String contents = "Restorative justice: what the RJ Hub did each year";
        String title = "Restorative justice: referrals, victims' involvement and outcomes by financial year";
        if (ctx.data().rjActivity().isEmpty()) {
            return ctx.absent(NAME, contents, title, TABLE);
        }
        List<RjActivityRow> rows = rows(ctx);
        Map<RjActivityRow, Shown> shown = shown(ctx);
        List<List<Object>> table = new ArrayList<>();
        for (RjActivityRow r : rows) {
            Shown s = shown.get(r);
            boolean share = r.denominator() != null;
            table.add(new ArrayList<>(List.of(
                    year(r),
                    ctx.label("status", r.status()),
                    ctx.label("rj_measure", r.measure()),
                    "ALL".equals(r.category()) ? ctx.label("common", "ALL") : ctx.label("rj_category", r.category()),
                    s.count(),
                    share ? s.denominator() : Figure.NOT_APPLICABLE,
                    new Formatted(share ? s.value() : Figure.NOT_APPLICABLE, Column.Kind.PERCENT),
                    new Formatted(share ? s.ciLow() : Figure.NOT_APPLICABLE, Column.Kind.PERCENT),
                    new Formatted(share ? s.ciHigh() : Figure.NOT_APPLICABLE, Column.Kind.PERCENT))));
        }
        return new Sheet(
                NAME,
                contents,
                title,
                "This worksheet contains one table: for each financial year of referral, the referrals to the RJ Hub "
                        + "by source and stage, whether victims were asked and consented, the outcomes, the completed "
                        + "restorative processes, and the shares facilitated by volunteers and with a satisfied victim, "
                        + "with 95% confidence intervals.",
                List.of(ctx.notes().line("RJ_ACTIVITY", "DISCLOSURE"), ctx.source(TABLE)),
                new Table(
                        "RJ_activity",
                        List.of(
                                Column.text("Financial year"),
                                Column.text("Status"),
                                Column.text("Measure"),
                                Column.text("Category"),
                                Column.count("Referrals"),
                                Column.count("Out of"),
                                Column.percent("Share"),
                                Column.percent("Share lower 95% limit"),
                                Column.percent("Share upper 95% limit")),
                        table),
                List.of());
    }

    private static List<RjActivityRow> rows(PackContext ctx) {
        return ctx.data().rjActivity().orElse(List.of()).stream()
                .sorted(Comparator.comparing(RjActivityRow::periodStart)
                        .reversed()
                        .thenComparing(r -> ORDER.indexOf(r.measure()))
                        .thenComparing(r -> "ALL".equals(r.category()) ? "" : r.category()))
                .toList();
    }

    /** The sheet's figures, solved once per pack for the sheet and the Performance sheet alike. */
    private static Map<RjActivityRow, Shown> shown(PackContext ctx) {
        return ctx.disclosed(RjActivitySheet.class, () -> disclose(rows(ctx), ctx.threshold()));
    }

    private static String year(RjActivityRow r) {
        return Periods.label(r.periodStart(), r.periodEnd()) + ("PROVISIONAL".equals(r.status()) ? " [p]" : "");
    }

    /** Every row's figures after disclosure control over the whole table. */
    public static Map<RjActivityRow, Shown> disclose(List<RjActivityRow> rows, int threshold) {
        SuppressionProblem<Key> p = new SuppressionProblem<>();
        for (RjActivityRow r : rows) {
            Key count = key(r, "count");
            if ("REFERRALS".equals(r.measure())) {
                p.total(count, r.count(), 2);
            } else if ("COMPLETED_PROCESSES".equals(r.measure())) {
                p.total(count, r.count(), 1);
            } else {
                p.visible(count, r.count());
            }
        }
        for (RjActivityRow r : rows) {
            if (r.denominator() == null) {
                continue;
            }
            Key of = denominator(r, rows);
            if (!p.counts().containsKey(of)) {
                p.visible(of, r.denominator());
                // Of the completed processes, those not recording the answer are never shown but derivable.
                find(rows, r.period(), "COMPLETED_PROCESSES", "ALL")
                        .filter(c -> c.count() >= r.denominator())
                        .ifPresent(c -> p.hidden(key(r, "unrecorded"), c.count() - r.denominator())
                                .group(List.of(key(c, "count"), of, key(r, "unrecorded"))));
            }
            p.hidden(key(r, "rest"), Math.max(0, r.denominator() - r.count()));
            p.group(List.of(of, key(r, "count"), key(r, "rest")));
        }
        rows.stream().map(RjActivityRow::period).distinct().forEach(period -> {
            find(rows, period, "REFERRALS", "ALL").ifPresent(all -> {
                for (String breakdown : List.of("REFERRALS_BY_SOURCE", "REFERRALS_BY_STAGE", "OUTCOMES")) {
                    List<Key> group = new ArrayList<>(List.of(key(all, "count")));
                    rows.stream()
                            .filter(r ->
                                    r.period().equals(period) && r.measure().equals(breakdown))
                            .forEach(r -> group.add(key(r, "count")));
                    p.group(group);
                }
            });
            find(rows, period, "COMPLETED_PROCESSES", "ALL").ifPresent(done -> {
                List<Key> group = new ArrayList<>(List.of(key(done, "count")));
                for (String outcome : List.of("CONFERENCE", "INDIRECT")) {
                    find(rows, period, "OUTCOMES", outcome).ifPresent(o -> group.add(key(o, "count")));
                }
                p.group(group);
            });
        });
        Suppression<Key> s = p.solve(threshold);
        Map<RjActivityRow, Shown> out = new IdentityHashMap<>();
        for (RjActivityRow r : rows) {
            boolean count = s.isSuppressed(key(r, "count"));
            boolean of = r.denominator() != null && s.isSuppressed(denominator(r, rows));
            boolean value = count || of || (r.denominator() != null && small(r.denominator() - r.count(), threshold));
            out.put(
                    r,
                    new Shown(
                            Figure.count(r.count(), count),
                            r.denominator() == null ? Figure.NOT_APPLICABLE : Figure.count(r.denominator(), of),
                            Figure.unless(value, r.value()),
                            Figure.unless(value, r.ciLow()),
                            Figure.unless(value, r.ciHigh())));
        }
        return out;
    }

    /**
     * An rj_activity measure of the performance framework is withheld when this sheet withholds the figure it reads
     * in that year (the count for a count, the share for a share), so the Performance sheet gives nothing away.
     */
    public static boolean withholds(PackContext ctx, PerformanceRow perf) {
        if (!TABLE.equals(perf.sourceTable()) || ctx.data().rjActivity().isEmpty()) {
            return false;
        }
        List<RjActivityRow> rows = ctx.data().rjActivity().get();
        Map<String, String> f = perf.filterMap();
        Map<RjActivityRow, Shown> shown = shown(ctx);
        return rows.stream()
                .filter(r -> matches(f, "measure", r.measure())
                        && matches(f, "category", r.category())
                        && (perf.periodStart() == null || perf.periodStart().equals(r.periodStart())))
                .anyMatch(r -> !shown.get(r).count().isNumber()
                        || (r.denominator() != null
                                && (!shown.get(r).denominator().isNumber()
                                        || (r.value() != null
                                                && !shown.get(r).value().isNumber()))));
    }

    private static boolean matches(Map<String, String> filters, String column, String value) {
        return !filters.containsKey(column) || filters.get(column).equals(value);
    }

    private static boolean small(long v, int threshold) {
        return v >= 1 && v < threshold;
    }

    /** The cell a share's denominator is: the year's referrals, the victims asked, or a cell of its own. */
    private static Key denominator(RjActivityRow r, List<RjActivityRow> rows) {
        String same = switch (r.measure()) {
            case "VICTIM_ASKED_SHARE" -> "REFERRALS";
            case "VICTIM_CONSENT_SHARE" -> "VICTIM_ASKED_SHARE";
            default -> null;
        };
        if (same != null) {
            var base = find(rows, r.period(), same, "ALL");
            if (base.isPresent() && base.get().count() == r.denominator()) {
                return key(base.get(), "count");
            }
        }
        return key(r, "denominator");
    }

    private static java.util.Optional<RjActivityRow> find(
            List<RjActivityRow> rows, String period, String measure, String category) {
        return rows.stream()
                .filter(r -> Objects.equals(r.period(), period)
                        && r.measure().equals(measure)
                        && r.category().equals(category))
                .findFirst();
    }

    private static Key key(RjActivityRow r, String what) {
        return new Key(r.period(), r.measure(), r.category(), what);
    }
}
