package org.lcjp.reoffending.linkage.comparison;

import static org.apache.spark.sql.functions.bit_count;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.lcjp.reoffending.linkage.comparison.PairColumns.eitherNull;
import static org.lcjp.reoffending.linkage.comparison.PairColumns.l;
import static org.lcjp.reoffending.linkage.comparison.PairColumns.r;
import static org.lcjp.reoffending.linkage.comparison.PairColumns.same;

import java.util.List;
import org.apache.spark.sql.Column;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.linkage.core.ExtraField;
import org.lcjp.reoffending.linkage.core.LinkageColumns;
import org.lcjp.reoffending.settings.LinkageSettings;

/** The comparisons of the person model, built from settings: every level works on keyed tokens only. */
public final class Comparisons {
    public static final String PNC = "pnc";
    public static final String FORENAME = "forename";
    public static final String SURNAME = "surname";
    public static final String DOB = "dob";
    public static final String SEX = "sex";
    public static final String POSTCODE = "postcode";
    public static final String EXTRA_PREFIX = "extra_";

    private Comparisons() {}

    public static List<Comparison> all(LinkageSettings s) {
        return all(s, List.of());
    }

    /** The agency comparisons, then one per extra identifier found in the staged tables. */
    public static List<Comparison> all(LinkageSettings s, List<ExtraField> extras) {
        List<Comparison> out = new java.util.ArrayList<>(
                List.of(pnc(), name(FORENAME, s), name(SURNAME, s), dateOfBirth(), sex(), postcode()));
        for (ExtraField x : extras) {
            out.add(extra(x, s));
        }
        return List.copyOf(out);
    }

    /** Exact token; for fuzzy fields also close and loose Bloom-filter spelling; else. */
    static Comparison extra(ExtraField x, LinkageSettings s) {
        List<ComparisonLevel> levels = new java.util.ArrayList<>();
        levels.add(ComparisonLevel.of("exact", () -> same(x.token())));
        if (x.fuzzy()) {
            String dice = diceColumn(x.bloom());
            levels.add(ComparisonLevel.of(
                    String.format("dice>=%.2f", s.extraDiceHigh()),
                    () -> col(dice).geq(s.extraDiceHigh())));
            levels.add(ComparisonLevel.of(
                    String.format("dice>=%.2f", s.extraDiceLow()),
                    () -> col(dice).geq(s.extraDiceLow())));
        }
        levels.add(ComparisonLevel.of("else", () -> lit(true)));
        return new Comparison(EXTRA_PREFIX + x.name(), eitherNull(x.token()), levels, null);
    }

    static Comparison pnc() {
        String c = StagedColumns.PNC_TOKEN;
        return new Comparison(
                PNC,
                eitherNull(c),
                List.of(ComparisonLevel.of("exact", () -> same(c)), ComparisonLevel.of("else", () -> lit(true))),
                null);
    }

    /** Exact (tf-adjusted), crossed with the other name, close spelling, same sound, loose spelling, else. */
    static Comparison name(String which, LinkageSettings s) {
        boolean fore = which.equals(FORENAME);
        String token = fore ? StagedColumns.FORENAME_TOKEN : StagedColumns.SURNAME_TOKEN;
        String other = fore ? StagedColumns.SURNAME_TOKEN : StagedColumns.FORENAME_TOKEN;
        String dm = fore ? StagedColumns.FORENAME_DM_TOKEN : StagedColumns.SURNAME_DM_TOKEN;
        String tf = fore ? LinkageColumns.FORENAME_TF : LinkageColumns.SURNAME_TF;
        String dice = diceColumn(fore ? StagedColumns.FORENAME_BLOOM : StagedColumns.SURNAME_BLOOM);
        return new Comparison(
                which,
                eitherNull(token),
                List.of(
                        new ComparisonLevel("exact", () -> same(token), true),
                        ComparisonLevel.of(
                                "crossed", () -> l(token).equalTo(r(other)).or(l(other).equalTo(r(token)))),
                        ComparisonLevel.of(
                                String.format("dice>=%.2f", s.nameDiceHigh()),
                                () -> col(dice).geq(s.nameDiceHigh())),
                        ComparisonLevel.of("sound", () -> same(dm)),
                        ComparisonLevel.of(
                                String.format("dice>=%.2f", s.nameDiceLow()),
                                () -> col(dice).geq(s.nameDiceLow())),
                        ComparisonLevel.of("else", () -> lit(true))),
                tf);
    }

    static Comparison dateOfBirth() {
        return new Comparison(
                DOB,
                eitherNull(StagedColumns.DOB_TOKEN),
                List.of(
                        ComparisonLevel.of("exact", () -> same(StagedColumns.DOB_TOKEN)),
                        ComparisonLevel.of(
                                "day-month swapped",
                                () -> l(StagedColumns.DOB_TOKEN)
                                        .equalTo(r(StagedColumns.DOB_SWAPPED_TOKEN))
                                        .or(l(StagedColumns.DOB_SWAPPED_TOKEN).equalTo(r(StagedColumns.DOB_TOKEN)))),
                        ComparisonLevel.of(
                                "one part differs",
                                () -> same(StagedColumns.DOB_YEAR_MONTH_TOKEN)
                                        .or(same(StagedColumns.DOB_YEAR_DAY_TOKEN))
                                        .or(same(StagedColumns.DOB_MONTH_DAY_TOKEN))),
                        ComparisonLevel.of("year", () -> same(StagedColumns.DOB_YEAR_TOKEN)),
                        ComparisonLevel.of("else", () -> lit(true))),
                null);
    }

    static Comparison sex() {
        return new Comparison(
                SEX,
                eitherNull(StagedColumns.SEX),
                List.of(
                        ComparisonLevel.of("exact", () -> same(StagedColumns.SEX)),
                        ComparisonLevel.of("else", () -> lit(true))),
                null);
    }

    static Comparison postcode() {
        return new Comparison(
                POSTCODE,
                eitherNull(StagedColumns.POSTCODE_TOKEN),
                List.of(
                        ComparisonLevel.of("exact", () -> same(StagedColumns.POSTCODE_TOKEN)),
                        ComparisonLevel.of("district", () -> same(StagedColumns.POSTCODE_DISTRICT)),
                        ComparisonLevel.of("else", () -> lit(true))),
                null);
    }

    /** The pair column holding the Dice similarity of a Bloom-filter column. */
    public static String diceColumn(String bloom) {
        return "dice_" + bloom;
    }

    /**
     * Pair columns the levels read, computed once per pair before the gammas (Dice is the costly part): one Dice
     * per Bloom filter present side by side (its bit count column b_bits_l marks it).
     */
    public static java.util.Map<String, Column> derivedPairColumns(List<String> sideBySideColumns, int bloomWords) {
        java.util.Map<String, Column> out = new java.util.LinkedHashMap<>();
        String marker = LinkageColumns.bloomBits("") + LinkageColumns.LEFT;
        for (String c : sideBySideColumns) {
            if (c.endsWith(marker)) {
                String bloom = c.substring(0, c.length() - marker.length());
                out.put(diceColumn(bloom), dice(bloom, bloomWords));
            }
        }
        return out;
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
