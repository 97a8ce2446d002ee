package org.lcjp.reoffending.domain;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The published {@code data_quality} table: one row per delivered file (and per unknown folder). */
public final class DataQualityColumns {
    public static final String SOURCE_FILE = "source_file";
    public static final String AGENCY = "agency";
    public static final String DATASET = "dataset";
    public static final String EXTRACT_DATE = "extract_date";
    public static final String ROWS_READ = "rows_read";
    public static final String ROWS_ACCEPTED = "rows_accepted";
    public static final String ROWS_QUARANTINED = "rows_quarantined";
    public static final String ROWS_SUPERSEDED = "rows_superseded";
    public static final String ROWS_DELETED = "rows_deleted";
    public static final String PNC_CHECK_FAILURES = "pnc_check_failures";
    public static final String WARNINGS = "warnings";
    public static final String QUARANTINED_BY_RULE = "quarantined_by_rule";
    public static final String STATUS = "status";
    public static final String MESSAGE = "message";

    /** Read; its rows are accepted or quarantined one by one. */
    public static final String STATUS_READ = "READ";
    /** Read, but rejected whole (e.g. a missing required column): every row quarantined. */
    public static final String STATUS_REJECTED_FILE = "REJECTED_FILE";
    /** Not read: the name does not follow {@code <dataset>_<yyyyMMdd>.csv} with a real date. */
    public static final String STATUS_NOT_READ_BAD_NAME = "NOT_READ_BAD_NAME";
    /** Not read: extract date after the run's as-of date. */
    public static final String STATUS_NOT_READ_AFTER_AS_OF = "NOT_READ_AFTER_AS_OF";
    /** Not read: a folder (or a stray file) outside the {@code <agency>/<dataset>/} layout of the contract. */
    public static final String STATUS_NOT_READ_UNKNOWN_FOLDER = "NOT_READ_UNKNOWN_FOLDER";
    /** Not read: a symbolic link (to a file or folder), which could lead anywhere outside the input root. */
    public static final String STATUS_NOT_READ_LINK = "NOT_READ_LINK";

    public static final StructType SCHEMA = new StructType()
            .add(SOURCE_FILE, DataTypes.StringType, false)
            .add(AGENCY, DataTypes.StringType, true)
            .add(DATASET, DataTypes.StringType, true)
            .add(EXTRACT_DATE, DataTypes.DateType, true)
            .add(ROWS_READ, DataTypes.LongType, false)
            .add(ROWS_ACCEPTED, DataTypes.LongType, false)
            .add(ROWS_QUARANTINED, DataTypes.LongType, false)
            .add(ROWS_SUPERSEDED, DataTypes.LongType, false)
            .add(ROWS_DELETED, DataTypes.LongType, false)
            .add(PNC_CHECK_FAILURES, DataTypes.LongType, false)
            .add(WARNINGS, DataTypes.LongType, false)
            .add(QUARANTINED_BY_RULE, DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
            .add(STATUS, DataTypes.StringType, false)
            .add(MESSAGE, DataTypes.StringType, true);

    private DataQualityColumns() {}
}
