package org.lcjp.reoffending.linkage.comparison;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.bit_count;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.lcjp.reoffending.linkage.comparison.PairColumns.eitherNull;
import static org.lcjp.reoffending.linkage.comparison.PairColumns.l;
import static org.lcjp.reoffending.linkage.comparison.PairColumns.r;
import static org.lcjp.reoffending.linkage.comparison.PairColumns.same;

import java.util.List;
import org.apache.spark.sql.Column;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.linkage.LinkageColumns;
import org.lcjp.reoffending.settings.LinkageSettings;

/** The comparisons of the person model, built from settings: every level works on keyed tokens only. */
public final class Comparisons {
    public static final String PNC = "pnc";
    public static final String FORENAME = "forename";
    public static final String SURNAME = "surname";
    public static final String DOB = "dob";
    public static final String SEX = "sex";
    public static final String POSTCODE = "postcode";

    private Comparisons() {
    }

    public static List<Comparison> all(LinkageSettings s) {
        return List.of(pnc(), name(FORENAME, s), name(SURNAME, s), dateOfBirth(), sex(), postcode());
    }

    static Comparison pnc() {
        String c = StagedColumns.PNC_TOKEN;
        return new Comparison(PNC, eitherNull(c), List.of(
                ComparisonLevel.of("exact", () -> same(c)),
                ComparisonLevel.of("else", () -> lit(true))), null);
    }

    /** Exact (tf-adjusted), crossed with the other name, close spelling, same sound, loose spelling, else. */
    static Comparison name(String which, LinkageSettings s) {
        boolean fore = which.equals(FORENAME);
        String token = fore ? StagedColumns.FORENAME_TOKEN : StagedColumns.SURNAME_TOKEN;
        String other = fore ? StagedColumns.SURNAME_TOKEN : StagedColumns.FORENAME_TOKEN;
        String dm = fore ? StagedColumns.FORENAME_DM_TOKEN : StagedColumns.SURNAME_DM_TOKEN;
        String tf = fore ? LinkageColumns.FORENAME_TF : LinkageColumns.SURNAME_TF;
        return new Comparison(which, eitherNull(token), List.of(
                new ComparisonLevel("exact", () -> same(token), true),
                ComparisonLevel.of("crossed", () -> l(token).equalTo(r(other)).or(l(other).equalTo(r(token)))),
                ComparisonLevel.of(String.format("dice>=%.2f", s.nameDiceHigh()), () -> col(diceColumn(which)).geq(s.nameDiceHigh())),
                ComparisonLevel.of("sound", () -> same(dm)),
                ComparisonLevel.of(String.format("dice>=%.2f", s.nameDiceLow()), () -> col(diceColumn(which)).geq(s.nameDiceLow())),
                ComparisonLevel.of("else", () -> lit(true))), tf);
    }

    static Comparison dateOfBirth() {
        return new Comparison(DOB, eitherNull(StagedColumns.DOB_TOKEN), List.of(
                ComparisonLevel.of("exact", () -> same(StagedColumns.DOB_TOKEN)),
                ComparisonLevel.of("day-month swapped", () -> l(StagedColumns.DOB_TOKEN).equalTo(r(StagedColumns.DOB_SWAPPED_TOKEN))
                        .or(l(StagedColumns.DOB_SWAPPED_TOKEN).equalTo(r(StagedColumns.DOB_TOKEN)))),
                ComparisonLevel.of("year-month", () -> same(StagedColumns.DOB_YEAR_MONTH_TOKEN)),
                ComparisonLevel.of("year", () -> same(StagedColumns.DOB_YEAR_TOKEN)),
                ComparisonLevel.of("else", () -> lit(true))), null);
    }

    static Comparison sex() {
        return new Comparison(SEX, eitherNull(StagedColumns.SEX), List.of(
                ComparisonLevel.of("exact", () -> same(StagedColumns.SEX)),
                ComparisonLevel.of("else", () -> lit(true))), null);
    }

    static Comparison postcode() {
        return new Comparison(POSTCODE, eitherNull(StagedColumns.POSTCODE_TOKEN), List.of(
                ComparisonLevel.of("exact", () -> same(StagedColumns.POSTCODE_TOKEN)),
                ComparisonLevel.of("district", () -> same(StagedColumns.POSTCODE_DISTRICT)),
                ComparisonLevel.of("else", () -> lit(true))), null);
    }

    public static String diceColumn(String name) {
        return "dice_" + name;
    }

    /** Pair columns the levels read, computed once per pair before the gammas (Dice is the costly part). */
    public static java.util.Map<String, Column> derivedPairColumns(int bloomWords) {
        return java.util.Map.of(
                diceColumn(FORENAME), dice(StagedColumns.FORENAME_BLOOM, bloomWords),
                diceColumn(SURNAME), dice(StagedColumns.SURNAME_BLOOM, bloomWords));
    }

    /** Sorensen-Dice of the two Bloom filters with built-ins only: 2 |A and B| / (|A| + |B|), word by word. */
    public static Column dice(String bloom, int bloomWords) {
        Column both = lit(0);
        for (int i = 0; i < bloomWords; i++) {
            String w = LinkageColumns.bloomWord(bloom, i);
            both = both.plus(coalesce(bit_count(l(w).bitwiseAND(r(w))), lit(0)));
        }
        String bits = LinkageColumns.bloomBits(bloom);
        return lit(2.0).multiply(both).divide(greatest(l(bits).plus(r(bits)), lit(1)));
    }
}
