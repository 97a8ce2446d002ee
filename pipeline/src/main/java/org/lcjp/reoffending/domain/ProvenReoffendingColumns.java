package org.lcjp.reoffending.domain;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The published {@code proven_reoffending} table, exactly as outputs.md defines it. */
public final class ProvenReoffendingColumns {
    public static final String COHORT_START = "cohort_start";
    public static final String COHORT_END = "cohort_end";
    public static final String POPULATION = "population";
    public static final String DIMENSION = "dimension";
    public static final String CATEGORY = "category";
    public static final String OFFENDERS = "offenders";
    public static final String REOFFENDERS = "reoffenders";
    public static final String REOFFENCES = "reoffences";
    public static final String REOFFENDING_RATE = "reoffending_rate";
    public static final String REOFFENCES_PER_REOFFENDER = "reoffences_per_reoffender";
    public static final String REOFFENCES_PER_OFFENDER = "reoffences_per_offender";
    public static final String HARM_DAYS = "harm_days";
    public static final String MONTHS_OBSERVED = "months_observed";
    public static final String STATUS = "status";
    public static final String STATUS_REASON = "status_reason";

    public static final StructType SCHEMA = new StructType()
            .add(COHORT_START, DataTypes.DateType, false)
            .add(COHORT_END, DataTypes.DateType, false)
            .add(POPULATION, DataTypes.StringType, false)
            .add(DIMENSION, DataTypes.StringType, false)
            .add(CATEGORY, DataTypes.StringType, false)
            .add(OFFENDERS, DataTypes.LongType, false)
            .add(REOFFENDERS, DataTypes.LongType, false)
            .add(REOFFENCES, DataTypes.LongType, false)
            .add(REOFFENDING_RATE, DataTypes.DoubleType, false)
            .add(REOFFENCES_PER_REOFFENDER, DataTypes.DoubleType, true)
            .add(REOFFENCES_PER_OFFENDER, DataTypes.DoubleType, false)
            .add(HARM_DAYS, DataTypes.DoubleType, false)
            .add(MONTHS_OBSERVED, DataTypes.IntegerType, false)
            .add(STATUS, DataTypes.StringType, false)
            .add(STATUS_REASON, DataTypes.StringType, true);

    public static final String POPULATION_ADULT = "ADULT";
    public static final String POPULATION_JUVENILE = "JUVENILE";
    public static final String POPULATION_ALL = "ALL";
    public static final String STATUS_FINAL = "FINAL";
    public static final String STATUS_PROVISIONAL = "PROVISIONAL";

    private ProvenReoffendingColumns() {}
}
