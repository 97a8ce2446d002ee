package org.lcjp.reoffending.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lcjp.reoffending.domain.Datasets;

/**
 * The truths the generator plants in probation assessments and in whom services reach. Needs are a person's
 * lasting traits, likelier for prolific offenders (so needs go with reoffending) and some for women; a person with a
 * drugs or alcohol need is reached by substance treatment, or with an accommodation need by housing support, with a
 * probability set per local authority: one authority's treatment reaches far fewer. The true gap share of an
 * authority is one minus that probability.
 *
 * @param needShare       per contract need column: the share of non-prolific men with it
 * @param prolificFactor  per need: how much likelier for a prolific offender
 * @param femaleFactor    per need: how much likelier for a woman
 * @param substanceReach  per local authority (and OUT_OF_AREA): probability that treatment reaches a person with the need
 * @param housingReach    the same for housing support and accommodation need
 * @param blankShare      share of need sections left blank (not completed)
 */
record NeedsModel(
        Map<String, Double> needShare,
        Map<String, Double> prolificFactor,
        Map<String, Double> femaleFactor,
        Map<String, Double> substanceReach,
        Map<String, Double> housingReach,
        double blankShare) {
    static final String SUBSTANCE = "DRUGS_OR_ALCOHOL";
    static final String ACCOMMODATION = "ACCOMMODATION";
    /** The authority where treatment reaches fewest, and the one where housing support does. */
    static final String WORST_SUBSTANCE = "Middlesbrough";

    static final String WORST_HOUSING = "Hartlepool";

    static final NeedsModel DEFAULT = new NeedsModel(
            ordered(new double[] {0.22, 0.40, 0.28, 0.26, 0.35, 0.22, 0.22, 0.22, 0.50, 0.28}),
            ordered(new double[] {1.8, 1.4, 1.5, 1.3, 1.7, 2.6, 1.5, 1.4, 1.4, 1.6}),
            ordered(new double[] {1.3, 1.0, 1.2, 1.9, 1.0, 1.1, 0.9, 2.0, 0.9, 0.8}),
            Map.of(
                    "County Durham",
                    0.75,
                    "Darlington",
                    0.70,
                    "Hartlepool",
                    0.72,
                    WORST_SUBSTANCE,
                    0.30,
                    "Redcar and Cleveland",
                    0.74,
                    "Stockton-on-Tees",
                    0.68,
                    ReferenceData.OUT_OF_AREA,
                    0.60),
            Map.of(
                    "County Durham",
                    0.60,
                    "Darlington",
                    0.62,
                    WORST_HOUSING,
                    0.25,
                    "Middlesbrough",
                    0.58,
                    "Redcar and Cleveland",
                    0.55,
                    "Stockton-on-Tees",
                    0.60,
                    ReferenceData.OUT_OF_AREA,
                    0.50),
            0.04);

    private static Map<String, Double> ordered(double[] values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(Datasets.ASSESSED_NEEDS.get(i), values[i]);
        }
        return m;
    }

    double needProbability(String need, boolean prolific, boolean female) {
        return Math.min(
                0.95,
                needShare.get(need)
                        * (prolific ? prolificFactor.get(need) : 1)
                        * (female ? femaleFactor.get(need) : 1));
    }

    double reach(String gap, String localAuthority) {
        Map<String, Double> reach = gap.equals(SUBSTANCE) ? substanceReach : housingReach;
        return reach.getOrDefault(localAuthority, reach.get(ReferenceData.OUT_OF_AREA));
    }

    /** truth/gaps.csv: need, local_authority, reach, true_gap_share, for every authority of the area and OUT_OF_AREA. */
    void writeTruth(Path file, List<String> localAuthorities) throws IOException {
        List<String> areas = new ArrayList<>(localAuthorities);
        areas.add(ReferenceData.OUT_OF_AREA);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(
                        w,
                        CSVFormat.RFC4180
                                .builder()
                                .setRecordSeparator("\n")
                                .setHeader("need", "local_authority", "reach", "true_gap_share")
                                .get())) {
            for (String gap : List.of(SUBSTANCE, ACCOMMODATION)) {
                for (String area : areas) {
                    double reach = reach(gap, area);
                    p.printRecord(
                            gap,
                            area,
                            String.format(Locale.ROOT, "%.4f", reach),
                            String.format(Locale.ROOT, "%.4f", 1 - reach));
                }
            }
        }
    }
}
