package org.lcjp.reoffending.reports.performance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lcjp.reoffending.reports.pack.model.Periods;

/**
 * Loads and validates {@code conf/targets.yaml}, reporting every problem at once (the run turns them into exit 2
 * before any data moves). Tables must be published tables of outputs.md; for tables whose schema is fixed here the
 * columns are checked too, while the newer service tables are read tolerantly at run time (a missing column makes
 * the measure not available, never a failure).
 */
public final class Targets {
    /** Thrown with every problem found, one per line. */
    public static final class InvalidTargets extends RuntimeException {
        private final List<String> problems;

        InvalidTargets(Path file, List<String> problems) {
            super("Cannot use targets " + file + ": " + problems.size() + " problem(s):\n  "
                    + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Published tables and, where the schema is settled, their columns (null: read tolerantly). */
    static final Map<String, Set<String>> TABLES = new LinkedHashMap<>();

    /** The columns of a published table whose schema is settled here; empty when it is read tolerantly. */
    public static java.util.Optional<Set<String>> settledColumns(String table) {
        return java.util.Optional.ofNullable(TABLES.get(table));
    }

    static {
        TABLES.put(
                "proven_reoffending",
                Set.of(
                        "cohort_start",
                        "cohort_end",
                        "population",
                        "dimension",
                        "category",
                        "offenders",
                        "reoffenders",
                        "reoffences",
                        "reoffending_rate",
                        "reoffences_per_reoffender",
                        "reoffences_per_offender",
                        "harm_days",
                        "months_observed",
                        "status",
                        "status_reason"));
        TABLES.put(
                "cohort_comparison",
                Set.of(
                        "comparison",
                        "period",
                        "cohort_start",
                        "cohort_end",
                        "method",
                        "group_name",
                        "subgroup",
                        "measure",
                        "people",
                        "value",
                        "ci_low",
                        "ci_high",
                        "reference_group",
                        "difference",
                        "difference_ci_low",
                        "difference_ci_high",
                        "p_value",
                        "significant",
                        "sample_size_needed",
                        "status",
                        "note"));
        TABLES.put(
                "iom_pre_post",
                Set.of(
                        "group_name",
                        "measure",
                        "people",
                        "before_total",
                        "after_total",
                        "before_mean",
                        "after_mean",
                        "change_mean",
                        "change_ci_low",
                        "change_ci_high",
                        "did",
                        "did_ci_low",
                        "did_ci_high",
                        "p_value",
                        "status",
                        "note",
                        "category",
                        "period"));
        TABLES.put(
                "rj_activity",
                Set.of(
                        "period",
                        "period_start",
                        "period_end",
                        "measure",
                        "category",
                        "count",
                        "denominator",
                        "value",
                        "ci_low",
                        "ci_high",
                        "status",
                        "note"));
        TABLES.put(
                "family_offending",
                Set.of(
                        "measure_set",
                        "period",
                        "period_start",
                        "period_end",
                        "group_name",
                        "measure",
                        "unit",
                        "denominator",
                        "numerator",
                        "value",
                        "ci_low",
                        "ci_high",
                        "reference_group",
                        "difference",
                        "difference_ci_low",
                        "difference_ci_high",
                        "p_value",
                        "significant",
                        "sample_size_needed",
                        "status",
                        "note"));
        // The service tables of methodology section 10 (README schemas; jobs' ServiceTablesAgreeWithTargetsTest).
        TABLES.put(
                "needs_and_gaps",
                Set.of(
                        "period",
                        "period_start",
                        "period_end",
                        "local_authority",
                        "sex",
                        "need",
                        "service",
                        "people_assessed",
                        "people_with_need",
                        "need_share",
                        "need_ci_low",
                        "need_ci_high",
                        "people_without_service",
                        "share_without_service",
                        "without_service_ci_low",
                        "without_service_ci_high",
                        "status",
                        "status_reason"));
        TABLES.put(
                "iom_reach",
                Set.of(
                        "period",
                        "period_start",
                        "period_end",
                        "route",
                        "local_authority",
                        "highest_risk_adults",
                        "on_iom",
                        "share_on_iom",
                        "ci_low",
                        "ci_high",
                        "status",
                        "status_reason"));
        TABLES.put(
                "checkpoint_activity",
                Set.of(
                        "period",
                        "period_start",
                        "period_end",
                        "referrals",
                        "people_referred",
                        "eligible",
                        "diverted",
                        "prosecuted",
                        "contracts_ended",
                        "completed",
                        "contracts_open",
                        "completion_rate",
                        "completion_ci_low",
                        "completion_ci_high",
                        "mean_contract_days",
                        "status",
                        "status_reason"));
    }

    /** The columns a published table is checked against; empty when its schema is not settled here. */
    public static Optional<Set<String>> publishedColumns(String table) {
        return Optional.ofNullable(TABLES.get(table));
    }

    private static final Set<String> MEASURE_KEYS =
            Set.of("id", "title", "figure", "direction", "target", "amber_tolerance", "baseline", "format");
    private static final Set<String> FIGURE_KEYS = Set.of(
            "table",
            "filters",
            "column",
            "statistic",
            "numerator",
            "denominator",
            "ci_low",
            "ci_high",
            "aggregate",
            "period_column");

    private Targets() {}

    public static List<Target> load(Path file) {
        List<String> problems = new ArrayList<>();
        if (file == null || !Files.isRegularFile(file)) {
            throw new InvalidTargets(
                    file,
                    List.of("file not found; the run needs conf/targets.yaml (see README, "
                            + "\"The performance framework\")"));
        }
        Map<String, Object> root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), new TypeReference<>() {});
        } catch (IOException e) {
            throw new InvalidTargets(
                    file,
                    List.of("not valid YAML: "
                            + e.getMessage().lines().findFirst().orElse("")));
        }
        if (root == null || !(root.get("measures") instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidTargets(file, List.of("a non-empty list 'measures:' is required"));
        }
        root.keySet().stream()
                .filter(k -> !k.equals("measures"))
                .forEach(k -> problems.add("unknown top-level key '" + k + "' (only 'measures')"));
        List<Target> targets = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "measures[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                problems.add(where + ": not a mapping");
                continue;
            }
            Object id = m.get("id");
            if (id != null) {
                where += " (" + id + ")";
            }
            int before = problems.size();
            Target t = measure(m, where, problems);
            if (t != null && !ids.add(t.id())) {
                problems.add(where + ": id used twice");
            }
            if (t != null && problems.size() == before) {
                targets.add(t);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTargets(file, problems);
        }
        return List.copyOf(targets);
    }

    private static Target measure(Map<?, ?> m, String where, List<String> problems) {
        m.keySet().stream()
                .filter(k -> !MEASURE_KEYS.contains(String.valueOf(k)))
                .forEach(k -> problems.add(
                        where + ": unknown key '" + k + "' (known: " + new java.util.TreeSet<>(MEASURE_KEYS) + ")"));
        String id = text(m, "id", where, problems);
        if (id != null && !id.matches("[a-z][a-z0-9_]*")) {
            problems.add(where + ": id must be snake_case letters, digits and underscores (" + id + ")");
        }
        String title = text(m, "title", where, problems);
        Target.Direction direction = choice(m, "direction", Target.Direction.class, null, where, problems);
        Double target = number(m, "target", where, problems);
        Double tolerance = number(m, "amber_tolerance", where, problems);
        if (tolerance != null && tolerance < 0) {
            problems.add(where + ": amber_tolerance must not be negative (" + tolerance + ")");
        }
        String baseline = text(m, "baseline", where, problems);
        if (baseline != null
                && !baseline.equals("POOLED")
                && !baseline.equals("ALL")
                && Periods.FinancialYear.parse(baseline).isEmpty()) {
            problems.add(
                    where + ": baseline must be a financial year such as 2016-17, or POOLED or ALL (" + baseline + ")");
        }
        Target.Format format = choice(m, "format", Target.Format.class, Target.Format.DECIMAL, where, problems);
        Target.Figure figure = null;
        if (!(m.get("figure") instanceof Map<?, ?> f)) {
            problems.add(where + ": 'figure' (table, filters, column) is required");
        } else {
            figure = figure(f, where + ".figure", problems);
        }
        if (id == null
                || title == null
                || direction == null
                || target == null
                || tolerance == null
                || baseline == null
                || figure == null
                || format == null) {
            return null;
        }
        return new Target(id, title, figure, direction, target, tolerance, baseline, format);
    }

    private static Target.Figure figure(Map<?, ?> f, String where, List<String> problems) {
        f.keySet().stream()
                .filter(k -> !FIGURE_KEYS.contains(String.valueOf(k)))
                .forEach(k -> problems.add(
                        where + ": unknown key '" + k + "' (known: " + new java.util.TreeSet<>(FIGURE_KEYS) + ")"));
        String table = text(f, "table", where, problems);
        if (table != null && !TABLES.containsKey(table)) {
            problems.add(where + ": table '" + table + "' is not a published table (known: " + TABLES.keySet() + ")");
        }
        String column = text(f, "column", where, problems);
        Map<String, String> filters = new LinkedHashMap<>();
        Object rawFilters = f.get("filters");
        if (rawFilters instanceof Map<?, ?> fm) {
            fm.forEach((k, v) -> filters.put(String.valueOf(k), String.valueOf(v)));
        } else if (rawFilters != null) {
            problems.add(where + ": filters must be a mapping of column: value");
        }
        Target.Statistic statistic =
                choice(f, "statistic", Target.Statistic.class, Target.Statistic.ESTIMATE, where, problems);
        Target.Aggregate aggregate =
                choice(f, "aggregate", Target.Aggregate.class, Target.Aggregate.NONE, where, problems);
        String numerator = optionalText(f, "numerator");
        String denominator = optionalText(f, "denominator");
        if (statistic != null
                && statistic != Target.Statistic.ESTIMATE
                && statistic != Target.Statistic.COUNT
                && (numerator == null || denominator == null)) {
            problems.add(where + ": statistic " + statistic + " needs numerator and denominator columns");
        }
        String ciLow = optionalText(f, "ci_low");
        String ciHigh = optionalText(f, "ci_high");
        if ((ciLow == null) != (ciHigh == null)) {
            problems.add(where + ": ci_low and ci_high go together");
        }
        String periodColumn = optionalText(f, "period_column");
        Set<String> known = table == null ? null : TABLES.get(table);
        if (known != null) {
            List<String> named = new ArrayList<>(filters.keySet());
            for (String c : new String[] {column, numerator, denominator, ciLow, ciHigh, periodColumn}) {
                if (c != null) {
                    named.add(c);
                }
            }
            named.stream()
                    .filter(c -> !known.contains(c))
                    .forEach(c -> problems.add(where + ": column '" + c + "' is not in " + table + " (outputs.md)"));
        }
        return column == null
                ? null
                : new Target.Figure(
                        table,
                        filters,
                        column,
                        statistic,
                        numerator,
                        denominator,
                        ciLow,
                        ciHigh,
                        aggregate,
                        periodColumn);
    }

    private static String text(Map<?, ?> m, String key, String where, List<String> problems) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            problems.add(where + ": '" + key + "' is required");
            return null;
        }
        return String.valueOf(v).trim();
    }

    private static String optionalText(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null || String.valueOf(v).isBlank()
                ? null
                : String.valueOf(v).trim();
    }

    private static Double number(Map<?, ?> m, String key, String where, List<String> problems) {
        Object v = m.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        problems.add(where + ": '" + key + "' must be a number" + (v == null ? " (missing)" : " (" + v + ")"));
        return null;
    }

    private static <E extends Enum<E>> E choice(
            Map<?, ?> m, String key, Class<E> type, E fallback, String where, List<String> problems) {
        Object v = m.get(key);
        if (v == null) {
            if (fallback == null) {
                problems.add(where + ": '" + key + "' is required (one of "
                        + java.util.Arrays.toString(type.getEnumConstants()) + ")");
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, String.valueOf(v).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(where + ": '" + key + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + " (" + v + ")");
            return null;
        }
    }
}
