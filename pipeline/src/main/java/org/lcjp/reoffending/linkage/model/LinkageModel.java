package org.lcjp.reoffending.linkage.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lcjp.reoffending.io.Sha256;
import org.lcjp.reoffending.linkage.comparison.Comparison;
import org.lcjp.reoffending.linkage.training.FellegiSunterModel;
import org.lcjp.reoffending.settings.LinkageSettings;

/**
 * A trained linkage model as a governed artefact, written to {@code linkage-model.json} (after Splink's model JSON,
 * with what its users ask to keep beside it): per comparison and level the m and u probabilities and the match
 * weight, the prior, the term-frequency settings, the settings it was trained with, when, on how many records and
 * pairs, a hash of the training input, the encoding of the identifiers it compared, and the match-weight
 * distribution of its training pairs (what the nightly drift check compares with). The file holds no token and no
 * identifier. Its hash (SHA-256 of the file's bytes) names it in the run manifest.
 *
 * @param trainedAt          ISO-8601 instant of training
 * @param encoding           the identifiers' encoding it was trained on (PseudonymiseSettings.encoding())
 * @param scoring            the settings that shape its comparisons and weights (dice thresholds, tf adjustment)
 * @param trainedWith        every linkage setting of the training run (for the record)
 * @param fs                 comparisons, level labels, m, u and the prior
 * @param tfColumns          comparison name to its term-frequency column, for tf-adjusted comparisons
 * @param training           counts and the input hash
 * @param weightDistribution record pairs per match-weight bin (two weight units wide) among the training pairs
 */
public record LinkageModel(
        String trainedAt,
        String encoding,
        Scoring scoring,
        Map<String, Object> trainedWith,
        FellegiSunterModel fs,
        Map<String, String> tfColumns,
        Training training,
        Map<Integer, Long> weightDistribution) {
    public static final String FORMAT = "lcjp-reoffending-linkage-model";
    public static final int FORMAT_VERSION = 1;
    public static final String FILE_NAME = "linkage-model.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LinkageModel {
        tfColumns = Map.copyOf(tfColumns);
        weightDistribution = java.util.Collections.unmodifiableMap(new TreeMap<>(weightDistribution));
        trainedWith = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(trainedWith));
    }

    /** The settings that define the comparisons' levels and the scoring: a model is used with its own. */
    public record Scoring(
            double nameDiceHigh,
            double nameDiceLow,
            double extraDiceHigh,
            double extraDiceLow,
            double tfWeight,
            double tfMinimum) {
        public static Scoring of(LinkageSettings s) {
            return new Scoring(
                    s.nameDiceHigh(),
                    s.nameDiceLow(),
                    s.extraDiceHigh(),
                    s.extraDiceLow(),
                    s.tfWeight(),
                    s.tfMinimum());
        }

        /** The settings with this model's scoring in place of theirs. */
        public LinkageSettings applyTo(LinkageSettings s) {
            return s.withScoring(nameDiceHigh, nameDiceLow, extraDiceHigh, extraDiceLow, tfWeight, tfMinimum);
        }
    }

    /**
     * @param records        records the model was trained on
     * @param profiles       identity profiles (nodes) they formed
     * @param candidatePairs candidate profile pairs EM saw
     * @param recordPairs    record pairs those stand for, pairs inside profiles included
     * @param randomPairs    random record pairs u was estimated from
     * @param emIterations   EM iterations run
     * @param inputHash      SHA-256 over the compared (pseudonymised) columns of every record, order-free
     */
    public record Training(
            long records,
            long profiles,
            long candidatePairs,
            long recordPairs,
            long randomPairs,
            int emIterations,
            String inputHash) {}

    /** The comparisons' names and level labels, the shape a night's comparisons must have to use this model. */
    public List<String> shape() {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < fs.comparisons().size(); j++) {
            out.add(fs.comparisons().get(j) + fs.labels().get(j));
        }
        return out;
    }

    public static List<String> shape(List<Comparison> comparisons) {
        return comparisons.stream().map(c -> c.name() + c.labels()).toList();
    }

    /** The file's content (stable layout: the same model always gives the same bytes). */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("format_version", FORMAT_VERSION);
        root.put("trained_at", trainedAt);
        root.put("encoding", encoding);
        root.put("probability_two_random_records_match", fs.lambda());
        root.put("prior_match_weight", fs.priorWeight());
        ObjectNode tf = root.putObject("term_frequency_adjustments");
        tf.put("tf_adjustment_weight", scoring.tfWeight());
        tf.put("tf_minimum_u_value", scoring.tfMinimum());
        tf.put(
                "applies_to",
                "exact levels of the comparisons listed, using the larger of the two records' frequencies");
        ObjectNode tfCols = tf.putObject("columns");
        new TreeMap<>(tfColumns).forEach(tfCols::put);
        ObjectNode levels = root.putObject("level_settings");
        levels.put("name_dice_high", scoring.nameDiceHigh());
        levels.put("name_dice_low", scoring.nameDiceLow());
        levels.put("extra_dice_high", scoring.extraDiceHigh());
        levels.put("extra_dice_low", scoring.extraDiceLow());
        ArrayNode comparisons = root.putArray("comparisons");
        for (int j = 0; j < fs.comparisons().size(); j++) {
            ObjectNode c = comparisons.addObject();
            c.put("name", fs.comparisons().get(j));
            ArrayNode ls = c.putArray("levels");
            ObjectNode nullLevel = ls.addObject();
            nullLevel.put("label", "null");
            nullLevel.put("is_null_level", true);
            for (int k = 0; k < fs.m()[j].length; k++) {
                ObjectNode l = ls.addObject();
                l.put("label", fs.labels().get(j).get(k));
                l.put("m_probability", fs.m()[j][k]);
                l.put("u_probability", fs.u()[j][k]);
                l.put("match_weight", fs.weight(j, k));
            }
        }
        ObjectNode t = root.putObject("training");
        t.put("records", training.records());
        t.put("identity_profiles", training.profiles());
        t.put("candidate_profile_pairs", training.candidatePairs());
        t.put("record_pairs", training.recordPairs());
        t.put("random_record_pairs_for_u", training.randomPairs());
        t.put("em_iterations", training.emIterations());
        t.put("input_hash", training.inputHash());
        ArrayNode dist = t.putArray("match_weight_distribution");
        weightDistribution.forEach((bin, pairs) -> {
            ObjectNode b = dist.addObject();
            b.put("bin_from", bin);
            b.put("record_pairs", pairs);
        });
        root.set("trained_with", JSON.valueToTree(new TreeMap<>(trainedWith)));
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the linkage model", e);
        }
    }

    /** Reads a model file; where names the file in messages. */
    public static LinkageModel fromJson(byte[] bytes, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new ModelException("Cannot read the linkage model " + where + ": not JSON (" + e.getMessage() + ")");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new ModelException("Cannot read the linkage model " + where
                    + ": not a linkage model file (format is not " + FORMAT + ")");
        }
        int version = root.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new ModelException("Cannot read the linkage model " + where + ": format version " + version
                    + ", this pipeline reads " + FORMAT_VERSION + ". Retrain it with `reoffending train-linkage`");
        }
        try {
            List<String> names = new ArrayList<>();
            List<List<String>> labels = new ArrayList<>();
            List<double[]> m = new ArrayList<>();
            List<double[]> u = new ArrayList<>();
            for (JsonNode c : required(root, "comparisons")) {
                names.add(required(c, "name").asText());
                List<String> ls = new ArrayList<>();
                List<Double> mm = new ArrayList<>();
                List<Double> uu = new ArrayList<>();
                for (JsonNode l : required(c, "levels")) {
                    if (l.path("is_null_level").asBoolean(false)) {
                        continue;
                    }
                    ls.add(required(l, "label").asText());
                    mm.add(probability(l, "m_probability"));
                    uu.add(probability(l, "u_probability"));
                }
                labels.add(ls);
                m.add(mm.stream().mapToDouble(Double::doubleValue).toArray());
                u.add(uu.stream().mapToDouble(Double::doubleValue).toArray());
            }
            double lambda = probability(root, "probability_two_random_records_match");
            FellegiSunterModel fs = new FellegiSunterModel(
                    names, labels, m.toArray(double[][]::new), u.toArray(double[][]::new), lambda);
            JsonNode tf = required(root, "term_frequency_adjustments");
            JsonNode lv = required(root, "level_settings");
            Scoring scoring = new Scoring(
                    required(lv, "name_dice_high").asDouble(),
                    required(lv, "name_dice_low").asDouble(),
                    required(lv, "extra_dice_high").asDouble(),
                    required(lv, "extra_dice_low").asDouble(),
                    required(tf, "tf_adjustment_weight").asDouble(),
                    required(tf, "tf_minimum_u_value").asDouble());
            Map<String, String> tfColumns = new TreeMap<>();
            required(tf, "columns")
                    .fields()
                    .forEachRemaining(
                            e -> tfColumns.put(e.getKey(), e.getValue().asText()));
            JsonNode t = required(root, "training");
            Map<Integer, Long> dist = new TreeMap<>();
            for (JsonNode b : required(t, "match_weight_distribution")) {
                dist.put(
                        required(b, "bin_from").asInt(),
                        required(b, "record_pairs").asLong());
            }
            Training training = new Training(
                    t.path("records").asLong(),
                    t.path("identity_profiles").asLong(),
                    t.path("candidate_profile_pairs").asLong(),
                    t.path("record_pairs").asLong(),
                    t.path("random_record_pairs_for_u").asLong(),
                    t.path("em_iterations").asInt(),
                    t.path("input_hash").asText(null));
            @SuppressWarnings("unchecked")
            Map<String, Object> trainedWith =
                    root.has("trained_with") ? JSON.convertValue(root.get("trained_with"), Map.class) : Map.of();
            return new LinkageModel(
                    required(root, "trained_at").asText(),
                    required(root, "encoding").asText(),
                    scoring,
                    trainedWith,
                    fs,
                    tfColumns,
                    training,
                    dist);
        } catch (ModelException e) {
            throw new ModelException("Cannot read the linkage model " + where + ": " + e.getMessage());
        }
    }

    /** SHA-256 (hex) of the model file's bytes: what the run manifest names. */
    public static String hash(byte[] fileBytes) {
        return Sha256.hex(fileBytes);
    }

    /** The settings as the model file records them (snake_case keys, defaults resolved). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> settingsMap(Object settings) {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .convertValue(settings, Map.class);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new ModelException("field '" + field + "' is missing");
        }
        return v;
    }

    private static double probability(JsonNode node, String field) {
        double p = required(node, field).asDouble(Double.NaN);
        if (!(p >= 0 && p <= 1)) {
            throw new ModelException(
                    "field '" + field + "' must be a probability between 0 and 1 (" + node.get(field) + ")");
        }
        return p;
    }

    /** A model file that cannot be read or does not fit the night's data: retrain, or give the right file. */
    public static final class ModelException extends org.lcjp.reoffending.settings.SettingsException {
        public ModelException(String message) {
            super(message);
        }
    }
}
