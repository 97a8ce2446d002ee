package org.lcjp.reoffending.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.ColumnSpec;
import org.lcjp.reoffending.domain.CrossFieldRule;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.QuarantineRule;
import org.lcjp.reoffending.io.ExtractReader;
import org.lcjp.reoffending.pseudonymise.PncId;
import org.lcjp.reoffending.settings.IngestSettings;

/**
 * Checks raw rows against the contract (extracts.md) with Spark built-ins: required values, dates in the dataset's
 * format and within earliest_date..extract date, codes (per-dataset spellings mapped), offence codes against the
 * reference, decimals and the cross-field rules. An invalid optional value is nulled with a warning unless a
 * RequiredWhen makes it required for the row. A DELETED row needs only its record_id.
 */
public final class ValidateRows {
    static final StructType PROBLEM_TYPE = new StructType()
            .add("column", DataTypes.StringType)
            .add("rule", DataTypes.StringType)
            .add("message", DataTypes.StringType);
    private static final String REF_CODE = "_ref_offence_code";
    private static final String VALUE_PREFIX = "_value_";
    private static final String RULE_PREFIX = "_rule_";
    private static final String PROBLEM_PREFIX = "_problem_";

    private final IngestSettings settings;
    private final UserDefinedFunction pncFailsCheck =
            udf((UDF1<String, Boolean>) v -> PncId.parse(v).status() != PncId.Status.VALID, DataTypes.BooleanType);

    public ValidateRows(IngestSettings settings) {
        this.settings = settings;
    }

    /**
     * @param raw          rows of {@link ExtractReader#rawSchema(DatasetSpec)}
     * @param offenceCodes the offence reference (column offence_code)
     */
    public ValidatedRows apply(Dataset<Row> raw, DatasetSpec spec, Dataset<Row> offenceCodes) {
        Dataset<Row> in = raw;
        boolean offences =
                spec.columns().stream().anyMatch(c -> c.type() == org.lcjp.reoffending.domain.ColumnType.OFFENCE_CODE);
        if (offences) {
            Dataset<Row> ref = offenceCodes
                    .select(upper(trim(col("offence_code"))).as(REF_CODE))
                    .distinct();
            String offenceColumn = spec.columns().stream()
                    .filter(c -> c.type() == org.lcjp.reoffending.domain.ColumnType.OFFENCE_CODE)
                    .findFirst()
                    .orElseThrow()
                    .name();
            in = raw.join(broadcast(ref), upper(col(offenceColumn)).equalTo(col(REF_CODE)), "left");
        }
        ValueChecks checks = new ValueChecks(settings, spec);
        Map<String, Column> value = new LinkedHashMap<>();
        Map<String, Column> badRule = new LinkedHashMap<>();
        Map<String, Column> badProblem = new LinkedHashMap<>();
        // Typed values and rules are computed once into columns of their own: the error and warning arrays refer to
        // each several times, mostly inside CASE branches, where Spark does not share common subexpressions (a date
        // was otherwise parsed and its shape matched up to eight times per row). The problem (with its message) is a
        // column too: written once, inside its own CASE, it is built only for a bad value, whereas used in both the
        // error and the warning array Spark hoisted it out of the CASE and built every message for every value.
        List<Column> typedColumns = new ArrayList<>(List.of(col("*")));
        for (ColumnSpec c : spec.columns()) {
            ValueChecks.Check check = checks.check(c, col(REF_CODE).isNotNull());
            typedColumns.add(check.value().as(VALUE_PREFIX + c.name()));
            typedColumns.add(check.rule().as(RULE_PREFIX + c.name()));
            typedColumns.add(when(check.rule().isNotNull(), problem(c.name(), check.rule(), check.message()))
                    .as(PROBLEM_PREFIX + c.name()));
            value.put(c.name(), col(VALUE_PREFIX + c.name()));
            badRule.put(c.name(), col(RULE_PREFIX + c.name()));
            badProblem.put(c.name(), col(PROBLEM_PREFIX + c.name()));
        }
        in = in.select(typedColumns.toArray(Column[]::new));
        List<Column> errors = new ArrayList<>();
        List<Column> warnings = new ArrayList<>();
        Map<String, Column> requiredWhen = new LinkedHashMap<>();
        for (CrossFieldRule r : spec.rules()) {
            if (r instanceof CrossFieldRule.RequiredWhen w) {
                Column cond = value.get(w.codeColumn()).isin(w.codes().toArray());
                requiredWhen.merge(w.column(), coalesce(cond, lit(false)), Column::or);
            }
        }
        for (ColumnSpec c : spec.columns()) {
            Column v = col(c.name());
            Column conditional = requiredWhen.getOrDefault(c.name(), lit(false));
            Column requiredForRow = c.required() ? lit(true) : conditional;
            errors.add(when(
                    v.isNull().and(lit(c.required())),
                    problem(
                            c.name(),
                            QuarantineRule.MISSING_REQUIRED_VALUE,
                            lit("Cannot accept row: required value missing (" + c.name() + ")"))));
            errors.add(when(
                    v.isNull().and(lit(!c.required())).and(conditional),
                    problem(
                            c.name(),
                            QuarantineRule.REQUIRED_WHEN,
                            lit("Cannot accept row: " + c.name() + " is required when " + whenText(spec, c.name())
                                    + " (missing)"))));
            Column bad = badRule.get(c.name()).isNotNull();
            Column p = badProblem.get(c.name());
            errors.add(when(bad.and(requiredForRow), p));
            warnings.add(when(bad.and(requiredForRow.unary_$bang()), p));
        }
        for (CrossFieldRule r : spec.rules()) {
            if (r instanceof CrossFieldRule.NotBefore nb) {
                Column later = value.get(nb.later());
                Column earlier = value.get(nb.earlier());
                Column violated = coalesce(later.lt(earlier), lit(false));
                // No dates in the message: either may be a date of birth.
                Column p = problem(
                        nb.later(),
                        QuarantineRule.NOT_BEFORE,
                        lit("Cannot accept " + nb.later() + ": before " + nb.earlier()));
                // Required for the row (always, or by a RequiredWhen such as rj outcome_date when an outcome is
                // given): the row is invalid; otherwise the value is nulled with a warning.
                Column requiredForRow = spec.column(nb.later()).orElseThrow().required()
                        ? lit(true)
                        : requiredWhen.getOrDefault(nb.later(), lit(false));
                errors.add(when(violated.and(requiredForRow), p));
                warnings.add(when(violated.and(requiredForRow.unary_$bang()), p));
                value.put(
                        nb.later(),
                        when(violated.and(requiredForRow.unary_$bang()).unary_$bang(), later));
            }
        }
        Column parsed = col(ExtractReader.PARSE_RULE).isNull();
        Column deleted = coalesce(value.get(Datasets.RECORD_STATUS).equalTo(Datasets.STATUS_DELETED), lit(false));
        Column noProblem = lit(null).cast(PROBLEM_TYPE);
        Column parseProblem = array(struct(
                col(ExtractReader.PARSE_COLUMN).as("column"),
                col(ExtractReader.PARSE_RULE).as("rule"),
                col(ExtractReader.PARSE_MESSAGE).as("message")));
        Column deletedErrors = array_compact(array(
                noProblem,
                when(
                        col(Datasets.RECORD_ID).isNull(),
                        problem(
                                Datasets.RECORD_ID,
                                QuarantineRule.MISSING_REQUIRED_VALUE,
                                lit("Cannot accept row: required value missing (" + Datasets.RECORD_ID + ")")))));
        Column none = array_compact(array(noProblem));
        errors.add(0, noProblem);
        warnings.add(0, noProblem);

        List<Column> out = new ArrayList<>();
        ValidatedRows.PROVENANCE.forEach(c -> out.add(col(c)));
        List<String> typed = new ArrayList<>();
        for (ColumnSpec c : spec.columns()) {
            Column v = c.name().equals(Datasets.RECORD_STATUS)
                    ? coalesce(value.get(c.name()), lit(Datasets.STATUS_ACTIVE))
                    : value.get(c.name());
            out.add(v.as(c.name()));
            typed.add(c.name());
        }
        out.add(when(parsed.unary_$bang(), parseProblem)
                .when(deleted, deletedErrors)
                .otherwise(array_compact(array(errors.toArray(Column[]::new))))
                .as(ValidatedRows.ERRORS));
        Column valueWarnings = array_compact(array(warnings.toArray(Column[]::new)));
        // The parser names the columns whose bytes were not UTF-8; nearly every row has none (null), so one CASE.
        Column encodingWarnings = transform(
                col(ExtractReader.INVALID_UTF8),
                c -> struct(
                        c.as("column"),
                        lit(QuarantineRule.INVALID_UTF8).as("rule"),
                        concat(lit("Replaced bytes that are not UTF-8 with U+FFFD in "), c, lit(" (value kept)"))
                                .as("message")));
        out.add(when(
                        parsed.and(deleted.unary_$bang()),
                        when(col(ExtractReader.INVALID_UTF8).isNull(), valueWarnings)
                                .otherwise(concat(valueWarnings, encodingWarnings)))
                .otherwise(none)
                .as(ValidatedRows.WARNINGS));
        out.add((spec.has(Datasets.PNC_ID)
                        ? coalesce(
                                parsed.and(deleted.unary_$bang())
                                        .and(col(Datasets.PNC_ID).isNotNull())
                                        .and(pncFailsCheck.apply(col(Datasets.PNC_ID))),
                                lit(false))
                        : lit(false))
                .as(ValidatedRows.PNC_CHECK_FAILED));
        return new ValidatedRows(in.select(out.toArray(Column[]::new)), typed);
    }

    static Column problem(String column, String rule, Column message) {
        return problem(column, lit(rule), message);
    }

    static Column problem(String column, Column rule, Column message) {
        return struct(lit(column).as("column"), rule.as("rule"), message.as("message"));
    }

    private static String whenText(DatasetSpec spec, String column) {
        List<String> parts = new ArrayList<>();
        for (CrossFieldRule r : spec.rules()) {
            if (r instanceof CrossFieldRule.RequiredWhen w && w.column().equals(column)) {
                parts.add(w.codeColumn() + " is " + String.join(" or ", w.codes()));
            }
        }
        return String.join(" or ", parts);
    }
}
