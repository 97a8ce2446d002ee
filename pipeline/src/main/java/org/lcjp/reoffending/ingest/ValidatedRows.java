package org.lcjp.reoffending.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.size;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.domain.QuarantineColumns;
import org.lcjp.reoffending.domain.StagedColumns;

/**
 * Every raw row after validation: provenance, the typed contract columns (invalid optional values nulled),
 * {@code record_status}, the row's errors and warnings ({@code array<struct<column,rule,message>>}) and whether its
 * PNC ID fails the check letter. A row with no error is accepted; one with any error is quarantined.
 */
public record ValidatedRows(Dataset<Row> checked, List<String> typedColumns) {
    public static final String ERRORS = "_errors";
    public static final String WARNINGS = "_warnings";
    public static final String PNC_CHECK_FAILED = "_pnc_check_failed";
    static final String PROBLEM = "_problem";

    public static final List<String> PROVENANCE = List.of(
            StagedColumns.AGENCY,
            StagedColumns.DATASET,
            StagedColumns.SOURCE_FILE,
            StagedColumns.SOURCE_LINE,
            StagedColumns.EXTRACT_DATE);

    public Column isAccepted() {
        return size(col(ERRORS)).equalTo(0);
    }

    /** Accepted rows: provenance then the typed contract columns (record_status included, ACTIVE when blank). */
    public Dataset<Row> accepted() {
        List<Column> out = new ArrayList<>();
        PROVENANCE.forEach(c -> out.add(col(c)));
        typedColumns.forEach(c -> out.add(col(c)));
        return checked.filter(isAccepted()).select(out.toArray(Column[]::new));
    }

    /** One row per error of a quarantined row, in {@link QuarantineColumns#SCHEMA} order. */
    public Dataset<Row> quarantined() {
        return checked.filter(size(col(ERRORS)).gt(0))
                .select(
                        col(StagedColumns.SOURCE_FILE),
                        col(StagedColumns.SOURCE_LINE),
                        col(StagedColumns.AGENCY),
                        col(StagedColumns.DATASET),
                        col(Datasets.RECORD_ID),
                        col(StagedColumns.EXTRACT_DATE),
                        explode(col(ERRORS)).as(PROBLEM))
                .select(
                        col(StagedColumns.SOURCE_FILE),
                        col(StagedColumns.SOURCE_LINE).as(QuarantineColumns.LINE),
                        col(PROBLEM + ".column").as(QuarantineColumns.COLUMN),
                        col(PROBLEM + ".rule").as(QuarantineColumns.RULE),
                        col(PROBLEM + ".message").as(QuarantineColumns.MESSAGE),
                        col(StagedColumns.AGENCY),
                        col(StagedColumns.DATASET),
                        recordIdShown(col(Datasets.RECORD_ID)).as(QuarantineColumns.RECORD_ID),
                        col(StagedColumns.EXTRACT_DATE));
    }

    /** What an agency's own record ids look like: letters, digits, dash or underscore, with at least one digit. */
    private static final String RECORD_ID_LIKE = "^(?=.*[0-9])[A-Za-z0-9_-]{1,40}$";
    /** Values with a digit that are nonetheless personal: a date (of birth) or a postcode written without its space. */
    private static final String PERSONAL_LIKE =
            "^([0-9]{1,4}[-./][0-9]{1,2}[-./][0-9]{1,4}|[0-9]{8}|[A-Za-z]{1,2}[0-9][A-Za-z0-9]?[0-9][A-Za-z]{2})$";

    /**
     * The record id as quarantine keeps it: in clear when it looks like an agency's record id, so the data owner can
     * find the row; otherwise (a name, a date, a postcode or a PNC ID typed into it) only its shape.
     */
    static Column recordIdShown(Column id) {
        return org.apache
                .spark
                .sql
                .functions
                .when(id.rlike(RECORD_ID_LIKE).and(id.rlike(PERSONAL_LIKE).unary_$bang()), id)
                .otherwise(ValueChecks.shape(id));
    }
}
