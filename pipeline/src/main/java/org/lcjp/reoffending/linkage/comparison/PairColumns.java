package org.lcjp.reoffending.linkage.comparison;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.lcjp.reoffending.linkage.core.LinkageColumns;

/** The two sides of a candidate pair: column c of the left record is c_l, of the right record c_r. */
public final class PairColumns {
    private PairColumns() {}

    public static Column l(String column) {
        return col(column + LinkageColumns.LEFT);
    }

    public static Column r(String column) {
        return col(column + LinkageColumns.RIGHT);
    }

    /** Both sides present and equal. */
    public static Column same(String column) {
        return l(column).equalTo(r(column));
    }

    /** Either side missing. */
    public static Column eitherNull(String column) {
        return l(column).isNull().or(r(column).isNull());
    }
}
