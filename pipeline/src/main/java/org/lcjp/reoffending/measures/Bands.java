package org.lcjp.reoffending.measures;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/** Band labels built from the lower bounds in settings, so the bands and their names cannot disagree. */
public final class Bands {
    private Bands() {}

    /** Whole-number bands: 10-14 ... 50+; a band of one value is labelled by it (0). */
    public static List<String> countLabels(List<Integer> starts) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i);
            if (i == starts.size() - 1) {
                labels.add(from + "+");
            } else {
                int to = starts.get(i + 1) - 1;
                labels.add(from == to ? String.valueOf(from) : from + "-" + to);
            }
        }
        return labels;
    }

    /** Month bands with exclusive upper bounds: 0-6M, 6-12M, 12-48M, 48M+. */
    public static List<String> monthLabels(List<Integer> starts) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            labels.add(i == starts.size() - 1 ? starts.get(i) + "M+" : starts.get(i) + "-" + starts.get(i + 1) + "M");
        }
        return labels;
    }

    /** The label of the band holding the value (start <= value < next start); null below the first or when null. */
    public static Column band(Column value, List<Integer> starts, List<String> labels) {
        Column result = lit(null).cast("string");
        for (int i = 0; i < starts.size(); i++) {
            result = when(value.geq(starts.get(i)), lit(labels.get(i))).otherwise(result);
        }
        return when(value.isNull(), lit(null).cast("string")).otherwise(result);
    }
}
