package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.lcjp.reoffending.reports.pack.DisclosedComparisons;
import org.lcjp.reoffending.reports.pack.DisclosedYears;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.ComparisonRow;
import org.lcjp.reoffending.reports.pack.PackData.IomRow;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.ReportingYears.Period;
import org.lcjp.reoffending.reports.pack.ReportingYears.YearRow;
import org.lcjp.reoffending.reports.pack.model.Chart;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.performance.PerformanceRow;

/**
 * The headline in plain English, every sentence generated from the disclosed figures (a withheld figure is said to
 * be withheld, never printed), and a chart of the proportion who reoffended over the final years with the
 * provisional year drawn as a separate series.
 */
public final class SummarySheet implements PackSheet {
    public static final String NAME = "Summary";
    private static final double Z = 1.959963984540054;

    @Override
    public Sheet build(PackContext ctx) {
        List<String> lines = new ArrayList<>();
        Optional<Period> latest = ctx.years().latestFinal();
        if (latest.isEmpty()) {
            lines.add("No year is final yet: the data delivered do not yet cover the follow-up and waiting periods of "
                    + "a whole year " + ctx.notes().ref("FINAL") + ".");
        } else {
            headline(ctx, latest.get(), lines);
        }
        provisional(ctx, lines);
        comparison(ctx, "DIVERSION", "DIVERTED", "Checkpoint", "people diverted", "similar people prosecuted", lines);
        comparison(ctx, "SEX", "F", "Women", "women", "men", lines);
        iom(ctx, lines);
        performance(ctx, lines);
        lines.add("Figures are rounded; the tables have them in full. "
                + ctx.notes().ref("DISCLOSURE"));
        return new Sheet(
                NAME,
                "The main figures in words, and the trend",
                "Summary: proven reoffending in brief",
                "This worksheet contains no table: the main figures in sentences, then a chart of the proportion who "
                        + "reoffended by year. The figures are in the Reoffending_by_year sheet.",
                lines,
                null,
                List.of(chart(ctx)));
    }

    private void headline(PackContext ctx, Period year, List<String> lines) {
        DisclosedYears.Shown adult = shown(ctx, year, "ADULT");
        DisclosedYears.Shown juvenile = shown(ctx, year, "JUVENILE");
        DisclosedYears.Shown all = shown(ctx, year, "ALL");
        lines.add("In " + year.label() + ", the latest final year, " + percent(adult.rate())
                + " of adult offenders and "
                + percent(juvenile.rate()) + " of juvenile offenders committed a proven reoffence within a year "
                + ctx.notes().ref("COHORT") + ".");
        lines.add("Reoffenders committed " + decimal(all.reoffencesPerReoffender()) + " reoffences each on average"
                + (Figure.NOT_AVAILABLE.equals(all.harmPerOffender())
                        ? " (the harm of the reoffences is not available [x])."
                        : "; the harm of the reoffences came to " + decimal(all.harmPerOffender())
                                + " days per offender " + ctx.notes().ref("HARM") + "."));
        Optional<Period> previous = ctx.years().periods().stream()
                .filter(Period::isFinal)
                .filter(p -> p.end().isBefore(year.start()))
                .reduce((a, b) -> b);
        if (previous.isEmpty()) {
            lines.add("There is no earlier final year to compare with.");
            return;
        }
        for (String population : List.of("ADULT", "JUVENILE")) {
            Optional<YearRow> now = ctx.years().row(year, population, "ALL", "ALL");
            Optional<YearRow> then = ctx.years().row(previous.get(), population, "ALL", "ALL");
            String who = population.equals("ADULT") ? "adult" : "juvenile";
            if (now.isEmpty()
                    || then.isEmpty()
                    || !ctx.disclosedYears().shown(now.get()).rate().isNumber()
                    || !ctx.disclosedYears().shown(then.get()).rate().isNumber()) {
                lines.add("The change in the " + who + " rate since "
                        + previous.get().label() + " cannot be shown [c].");
                continue;
            }
            double p1 = (double) now.get().reoffenders() / now.get().offenders();
            double p0 = (double) then.get().reoffenders() / then.get().offenders();
            double se = Math.sqrt(p1 * (1 - p1) / now.get().offenders()
                    + p0 * (1 - p0) / then.get().offenders());
            double d = p1 - p0;
            lines.add("The " + who + " rate was " + pct(p0) + " in "
                    + previous.get().label() + ": "
                    + pointsChange(d) + ", " + intervalWords(d - Z * se, d + Z * se) + " ("
                    + significance(d - Z * se, d + Z * se) + ").");
        }
    }

    private void provisional(PackContext ctx, List<String> lines) {
        List<Period> provisional = ctx.years().provisional();
        if (provisional.isEmpty()) {
            return;
        }
        Period p = provisional.get(provisional.size() - 1);
        DisclosedYears.Shown all = shown(ctx, p, "ALL");
        lines.add("Provisional [p]: of offenders in " + p.label() + ", " + percent(all.rate()) + " have a proven "
                + "reoffence so far; this will rise as their follow-up completes, so it is not comparable with the "
                + "final years " + ctx.notes().ref("FINAL") + ".");
    }

    private void comparison(
            PackContext ctx,
            String comparison,
            String treated,
            String name,
            String who,
            String whom,
            List<String> lines) {
        List<ComparisonRow> rows = ctx.data().comparisons().orElse(List.of()).stream()
                .filter(r -> comparison.equals(r.comparison())
                        && "REOFFENDING_RATE".equals(r.measure())
                        && treated.equals(r.groupName())
                        && "ALL".equals(Objects.toString(r.subgroup(), "ALL")))
                .toList();
        Optional<ComparisonRow> row = pick(rows, "MATCHED").or(() -> pick(rows, "OBSERVED"));
        if (row.isEmpty()) {
            lines.add(name + ": no comparison was produced by this run [x].");
            return;
        }
        ComparisonRow r = row.get();
        DisclosedComparisons.Shown s = ctx.comparisons().shown(r);
        Optional<ComparisonRow> reference = ctx.data().comparisons().orElse(List.of()).stream()
                .filter(o -> Objects.equals(o.comparison(), r.comparison())
                        && Objects.equals(o.period(), r.period())
                        && Objects.equals(o.method(), r.method())
                        && Objects.equals(o.measure(), r.measure())
                        && Objects.equals(o.subgroup(), r.subgroup())
                        && Objects.equals(o.groupName(), r.referenceGroup()))
                .findFirst();
        String period = ComparisonSheet.period(ctx, r);
        period = period.startsWith("All years") ? period.toLowerCase(Locale.UK) : "in " + period;
        String method =
                "MATCHED".equals(r.method()) ? " (after matching " + ctx.notes().ref("MATCHING") + ")" : "";
        if (!"OK".equals(r.status())) {
            lines.add(name + ": the groups are too small to compare yet (fewer than 60 people in a group, " + period
                    + ") [x] " + ctx.notes().ref("COMPARISONS") + ".");
            return;
        }
        if (!s.value().isNumber()
                || !s.difference().isNumber()
                || !s.differenceCiLow().isNumber()) {
            lines.add(name + ": the comparison is withheld to protect confidentiality [c].");
            return;
        }
        String other = reference
                .map(o -> ctx.comparisons().shown(o).value())
                .map(SummarySheet::percent)
                .orElse("[x]");
        lines.add(name + ": " + percent(s.value()) + " of " + who + " reoffended against " + other + " of " + whom
                + method + ", " + period + "; the difference is "
                + intervalWords(
                        s.differenceCiLow().number(), s.differenceCiHigh().number()) + " ("
                + significance(
                        s.differenceCiLow().number(), s.differenceCiHigh().number()) + ") "
                + ctx.notes().ref("COMPARISONS") + ".");
    }

    private static Optional<ComparisonRow> pick(List<ComparisonRow> rows, String method) {
        List<ComparisonRow> m =
                rows.stream().filter(r -> method.equals(r.method())).toList();
        return m.stream()
                .filter(r -> DisclosedComparisons.POOLED.equals(r.period()))
                .findFirst()
                .or(() -> m.stream().filter(r -> r.period() == null).findFirst())
                .or(() -> m.stream().max(java.util.Comparator.comparing(r -> Objects.toString(r.period(), ""))));
    }

    private void iom(PackContext ctx, List<String> lines) {
        Optional<IomRow> row = ctx.data().iomPrePost().orElse(List.of()).stream()
                .filter(r -> "IOM".equals(r.groupName()) && "PROVEN_OFFENCES".equals(r.measure()))
                .findFirst();
        if (row.isEmpty()) {
            lines.add("Integrated Offender Management: no before-and-after comparison was produced by this run [x].");
            return;
        }
        IomRow r = row.get();
        if (!"OK".equals(r.status()) || r.didCiLow() == null || r.didCiHigh() == null || r.did() == null) {
            lines.add("Integrated Offender Management: the groups are too small to compare yet [x] "
                    + ctx.notes().ref("IOM") + ".");
            return;
        }
        if (r.people() != null && r.people() >= 1 && r.people() < ctx.threshold()) {
            lines.add("Integrated Offender Management: the comparison is withheld to protect confidentiality [c].");
            return;
        }
        lines.add("Integrated Offender Management: after adoption, proven offences per person changed by "
                + String.format(Locale.UK, "%.2f", r.did()) + " relative to the matched comparison group, "
                + countInterval(r.didCiLow(), r.didCiHigh()) + " (" + significance(r.didCiLow(), r.didCiHigh()) + ") "
                + ctx.notes().ref("IOM") + ".");
    }

    private void performance(PackContext ctx, List<String> lines) {
        if (ctx.data().performance().isEmpty()) {
            return;
        }
        List<PerformanceRow> rows = ctx.data().performance().get();
        java.util.Map<String, PerformanceRow> latest = new java.util.LinkedHashMap<>();
        rows.forEach(r -> latest.merge(
                r.measureId(),
                r,
                (a, b) -> b.available()
                                && (a.periodStart() == null
                                        || (b.periodStart() != null
                                                && b.periodStart().isAfter(a.periodStart())))
                        ? b
                        : a));
        long green = 0, amber = 0, red = 0, none = 0;
        for (PerformanceRow r : latest.values()) {
            if (!PerformanceSheet.value(ctx, r).isNumber() || r.rag() == null) {
                none++;
            } else if (r.rag().equals("GREEN")) {
                green++;
            } else if (r.rag().equals("AMBER")) {
                amber++;
            } else {
                red++;
            }
        }
        lines.add("Performance: of " + words(latest.size()) + " measures, " + words(green) + " met the target, "
                + words(amber) + (amber == 1 ? " is" : " are") + " within tolerance of it and " + words(red)
                + " missed it; " + words(none) + " cannot be rated yet (see the Performance sheet) "
                + ctx.notes().ref("PERFORMANCE") + ".");
    }

    private Chart chart(PackContext ctx) {
        List<Period> periods = ctx.years().periods();
        List<String> categories = periods.stream()
                .map(p -> p.label() + (p.isFinal() ? "" : " [p]"))
                .toList();
        List<Chart.Series> series = new ArrayList<>();
        for (String population : List.of("ALL", "ADULT", "JUVENILE")) {
            List<Double> values = new ArrayList<>();
            for (Period p : periods) {
                values.add(p.isFinal() ? rate(ctx, p, population) : null);
            }
            series.add(new Chart.Series(ctx.label("population", population) + ", final", values));
        }
        List<Double> provisional = new ArrayList<>();
        for (Period p : periods) {
            provisional.add(p.isFinal() ? null : rate(ctx, p, "ALL"));
        }
        series.add(new Chart.Series("All offenders, provisional [p]", provisional));
        return new Chart(
                Chart.Type.LINE,
                "Proportion of offenders who reoffended, by year",
                "Line chart of the proportion of offenders who committed a proven reoffence in each final year, for "
                        + "all offenders, adults and juveniles; the provisional year is a separate point that will "
                        + "rise. The figures are in the Reoffending_by_year sheet.",
                categories,
                series,
                "0%");
    }

    private static Double rate(PackContext ctx, Period p, String population) {
        return ctx.years()
                .row(p, population, "ALL", "ALL")
                .map(r -> ctx.disclosedYears().shown(r).rate())
                .filter(Figure::isNumber)
                .map(Figure::number)
                .orElse(null);
    }

    private static DisclosedYears.Shown shown(PackContext ctx, Period p, String population) {
        return ctx.years()
                .row(p, population, "ALL", "ALL")
                .map(r -> ctx.disclosedYears().shown(r))
                .orElse(new DisclosedYears.Shown(
                        Figure.NOT_AVAILABLE,
                        Figure.NOT_AVAILABLE,
                        Figure.NOT_AVAILABLE,
                        Figure.NOT_AVAILABLE,
                        Figure.NOT_AVAILABLE,
                        Figure.NOT_AVAILABLE,
                        Figure.NOT_AVAILABLE,
                        Figure.NOT_AVAILABLE,
                        false));
    }

    static String percent(Figure f) {
        return f.isNumber()
                ? pct(f.number())
                : "(withheld or not available " + f.shorthand().code() + ")";
    }

    static String pct(double v) {
        return String.format(Locale.UK, "%.1f%%", 100 * v);
    }

    static String decimal(Figure f) {
        return f.isNumber()
                ? String.format(Locale.UK, "%.2f", f.number())
                : "(withheld or not available " + f.shorthand().code() + ")";
    }

    static String pointsChange(double d) {
        return d == 0
                ? "no change"
                : String.format(
                        Locale.UK, "%.1f percentage points %s", Math.abs(100 * d), d < 0 ? "lower now" : "higher now");
    }

    /** "between 3.2 and 11.0 percentage points lower", or both ways when the interval spans zero. */
    public static String intervalWords(double low, double high) {
        double a = 100 * low;
        double b = 100 * high;
        if (b < 0) {
            return String.format(Locale.UK, "between %.1f and %.1f percentage points lower", -b, -a);
        }
        if (a > 0) {
            return String.format(Locale.UK, "between %.1f and %.1f percentage points higher", a, b);
        }
        return String.format(Locale.UK, "somewhere between %.1f percentage points lower and %.1f higher", -a, b);
    }

    static String countInterval(double low, double high) {
        if (high < 0) {
            return String.format(Locale.UK, "between %.2f and %.2f fewer", -high, -low);
        }
        if (low > 0) {
            return String.format(Locale.UK, "between %.2f and %.2f more", low, high);
        }
        return String.format(Locale.UK, "somewhere between %.2f fewer and %.2f more", -low, high);
    }

    static String significance(double low, double high) {
        return low > 0 || high < 0 ? "statistically significant at 95%" : "not statistically significant";
    }

    /** Small whole numbers in words, so that no digit below the threshold stands in the text. */
    static String words(long n) {
        String[] w = {
            "none",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty"
        };
        return n >= 0 && n < w.length ? w[(int) n] : String.valueOf(n);
    }
}
