package org.lcjp.reoffending.needs;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.lcjp.reoffending.measures.MeasureColumns.PERSON_ID;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.impact.LinkedRecords;

/**
 * Spells of a service (substance/treatment, housing/support) by person, as methodology.md section 5 defines them: a
 * spell runs from its start_date, or its referral_date where that is blank (a referral is contact with the service),
 * to its end_date; a blank end_date is a spell still open.
 */
public final class ServiceSpells {
    public static final String SPELL_START = "spell_start";
    public static final String SPELL_END = "spell_end";
    static final String START_DATE = "start_date";
    static final String REFERRAL_DATE = "referral_date";
    static final String END_DATE = "end_date";

    private ServiceSpells() {}

    /** person_id, spell_start, spell_end of a staged service table, linked; rows linkage did not place are left out. */
    public static Dataset<Row> of(Dataset<Row> staged, DatasetId id, Dataset<Row> recordPerson) {
        return LinkedRecords.of(staged, id, recordPerson)
                .select(
                        col(PERSON_ID),
                        coalesce(col(START_DATE), col(REFERRAL_DATE)).as(SPELL_START),
                        col(END_DATE).as(SPELL_END))
                .filter(col(SPELL_START).isNotNull());
    }

    /** True for a spell active at some time from {@code monthsBefore} before the date to {@code monthsAfter} after it. */
    public static Column activeAround(Column date, int monthsBefore, int monthsAfter) {
        return col(SPELL_START)
                .leq(add_months(date, monthsAfter))
                .and(col(SPELL_END).isNull().or(col(SPELL_END).geq(add_months(date, -monthsBefore))));
    }
}
