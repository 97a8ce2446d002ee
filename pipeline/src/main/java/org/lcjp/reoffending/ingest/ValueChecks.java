package org.lcjp.reoffending.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.domain.ColumnSpec;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.QuarantineRule;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.settings.IngestSettings;

/** The single-value checks of one dataset: each column's typed value and, when invalid, the rule and message. */
final class ValueChecks {
    private static final int SHOWN_CHARACTERS = 40;

    /** @param value typed value, null when absent or invalid; rule/message null when the value is fine */
    record Check(Column value, Column rule, Column message) {}

    private final DatasetSpec spec;
    private final String dateFormat;
    private final String dateShape;
    private final Date earliest;
    private final Map<String, Map<String, String>> codeMappings;

    ValueChecks(IngestSettings settings, DatasetSpec spec) {
        this.spec = spec;
        this.dateFormat = settings.dateFormat(spec.id().path());
        this.dateShape = shapeRegex(dateFormat);
        this.earliest = Date.valueOf(settings.earliestDate());
        this.codeMappings = settings.codeMappings(spec.id().path());
    }

    Check check(ColumnSpec c, Column offenceKnown) {
        Column v = col(c.name());
        Column none = lit(null).cast(DataTypes.StringType);
        return switch (c.type()) {
            case TEXT, IDENTIFIER -> new Check(v, none, none);
            case DATE -> {
                Column parsed = when(v.rlike(dateShape), parseDate(v));
                Column extractDate = col(StagedColumns.EXTRACT_DATE);
                Column inRange = parsed.geq(lit(earliest)).and(parsed.leq(extractDate));
                Column bad = v.isNotNull().and(parsed.isNull());
                Column outOfRange = parsed.isNotNull().and(inRange.unary_$bang());
                yield new Check(
                        when(inRange, parsed),
                        when(bad, lit(QuarantineRule.BAD_DATE)).when(outOfRange, lit(QuarantineRule.DATE_OUT_OF_RANGE)),
                        when(bad, message("Cannot read " + c.name() + ": not a date in the form " + dateFormat, c, v))
                                .when(
                                        outOfRange,
                                        concat(
                                                lit("Cannot accept " + c.name() + ": outside " + earliest + ".."),
                                                extractDate.cast("string"),
                                                lit(", the extract date ("),
                                                shown(c, v),
                                                lit(")"))));
            }
            case DECIMAL -> {
                Column ok = v.rlike(ValidateRowsPatterns.DECIMAL);
                Column bad = v.isNotNull().and(ok.unary_$bang());
                yield new Check(
                        when(ok, v.try_cast(DataTypes.DoubleType)),
                        when(bad, lit(QuarantineRule.BAD_DECIMAL)),
                        when(bad, message("Cannot read " + c.name() + ": not a decimal number", c, v)));
            }
            case CODE -> {
                Column code = upper(v);
                for (Map.Entry<String, String> m :
                        codeMappings.getOrDefault(c.name(), Map.of()).entrySet()) {
                    code = when(upper(v).equalTo(m.getKey().toUpperCase(java.util.Locale.ROOT)), lit(m.getValue()))
                            .otherwise(code);
                }
                Column known = code.isin(c.codes().toArray());
                Column bad = v.isNotNull().and(known.unary_$bang());
                yield new Check(
                        when(known, code),
                        when(bad, lit(QuarantineRule.UNKNOWN_CODE)),
                        when(
                                bad,
                                message(
                                        "Cannot accept " + c.name() + ": not one of " + String.join(", ", c.codes()),
                                        c,
                                        v)));
            }
            case OFFENCE_CODE -> {
                Column bad = v.isNotNull().and(offenceKnown.unary_$bang());
                yield new Check(
                        when(offenceKnown, upper(v)),
                        when(bad, lit(QuarantineRule.UNKNOWN_OFFENCE_CODE)),
                        when(
                                bad,
                                message(
                                        "Cannot accept " + c.name() + ": not in the offence reference (offences.csv)",
                                        c,
                                        v)));
            }
        };
    }

    /**
     * The date a value of the dataset's shape denotes, or null when no such date exists (31/02). A pattern of fixed
     * width yyyy, MM and dd fields is rearranged to ISO and cast (Spark's own fast date parser, strict about days
     * per month); java.time parsing per value was an eighth of ingest's CPU. Other patterns use try_to_date.
     */
    Column parseDate(Column v) {
        int y = dateFormat.indexOf("yyyy");
        int m = dateFormat.indexOf("MM");
        int d = dateFormat.indexOf("dd");
        boolean fixedWidth = y >= 0
                && m >= 0
                && d >= 0
                && dateFormat.replaceAll("yyyy|MM|dd", "").chars().noneMatch(Character::isLetter)
                && dateFormat.indexOf('y', y + 4) < 0
                && dateFormat.indexOf('M', m + 2) < 0
                && dateFormat.indexOf('d', d + 2) < 0;
        if (!fixedWidth) {
            return try_to_date(v, dateFormat);
        }
        if (dateFormat.equals("yyyy-MM-dd")) {
            return v.try_cast(DataTypes.DateType);
        }
        return concat(substring(v, y + 1, 4), lit("-"), substring(v, m + 1, 2), lit("-"), substring(v, d + 1, 2))
                .try_cast(DataTypes.DateType);
    }

    private Column message(String text, ColumnSpec c, Column v) {
        return concat(lit(text + " ("), shown(c, v), lit(")"));
    }

    /**
     * A value as a message may show it: by its shape only, whatever the column. A bad value is by definition not one
     * of the contract's codes, and a name, date of birth, postcode or PNC ID typed into the wrong column (a code, a
     * force, an offence code) is as identifying there as in its own.
     */
    Column shown(ColumnSpec c, Column v) {
        return shape(v);
    }

    /** Letters become A or a and digits 9, so a data owner sees the form of a bad value but not the value. */
    static Column shape(Column v) {
        // Lower case first: replacing capitals first made every A an a again.
        Column s = regexp_replace(v, "[\\p{L}&&[^\\p{Lu}]]", "a");
        s = regexp_replace(s, "\\p{Lu}", "A");
        s = regexp_replace(s, "\\p{N}", "9");
        return concat(lit("shape "), substring(s, 1, SHOWN_CHARACTERS));
    }

    /** A regex for the strings a numeric date pattern accepts (yyyy-MM-dd: four digits, dash, ...). */
    static String shapeRegex(String pattern) {
        StringBuilder r = new StringBuilder("^");
        int i = 0;
        while (i < pattern.length()) {
            char ch = pattern.charAt(i);
            int j = i;
            while (j < pattern.length() && pattern.charAt(j) == ch) {
                j++;
            }
            int run = j - i;
            if (Character.isLetter(ch)) {
                r.append(run == 1 ? "\\d{1,2}" : "\\d{" + run + "}");
            } else {
                r.append(Pattern.quote(pattern.substring(i, j)));
            }
            i = j;
        }
        return r.append('$').toString();
    }

    private static final class ValidateRowsPatterns {
        static final String DECIMAL = "^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)$";
    }
}
