package org.lcjp.reoffending.linkage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.linkage.training.FellegiSunterModel;
import org.lcjp.reoffending.settings.LinkageSettings;
import org.lcjp.reoffending.settings.PseudonymiseSettings;

class LinkageModelTest {
    static LinkageModel model(double mExact) {
        FellegiSunterModel fs = new FellegiSunterModel(
                List.of("pnc", "forename"),
                List.of(List.of("exact", "else"), List.of("exact", "dice>=0.80", "else")),
                new double[][] {{mExact, 1 - mExact}, {0.9, 0.07, 0.03}},
                new double[][] {{1.0 / 3, 2.0 / 3}, {0.0123456789012345, 0.2, 0.7876543210987655}},
                1.2345678901234567e-4);
        return new LinkageModel(
                "2026-12-01T02:30:00Z",
                PseudonymiseSettings.defaults().encoding(),
                LinkageModel.Scoring.of(LinkageSettings.defaults()),
                LinkageModel.settingsMap(LinkageSettings.defaults()),
                fs,
                Map.of("forename", "forename_tf"),
                new LinkageModel.Training(100, 40, 300, 2000, 1_124_250, 7, "ab12"),
                Map.of(-10, 1500L, 4, 20L, 12, 480L));
    }

    @Test
    void roundTripsExactlyAndKeepsWhatItWasTrainedWith() {
        LinkageModel m = model(0.9999997859818528);
        byte[] json = m.toJson();
        LinkageModel back = LinkageModel.fromJson(json, "test");
        assertThat(back.toJson()).as("same bytes again").isEqualTo(json);
        assertThat(back.fs().lambda()).isEqualTo(m.fs().lambda());
        assertThat(back.fs().m()).isDeepEqualTo(m.fs().m());
        assertThat(back.fs().u()).isDeepEqualTo(m.fs().u());
        assertThat(back.shape()).containsExactly("pnc[exact, else]", "forename[exact, dice>=0.80, else]");
        assertThat(back.weightDistribution())
                .containsExactly(Map.entry(-10, 1500L), Map.entry(4, 20L), Map.entry(12, 480L));
        assertThat(back.training()).isEqualTo(m.training());
        assertThat(back.scoring()).isEqualTo(m.scoring());
        assertThat(back.trainedWith()).containsEntry("match_threshold", 0.95).containsKey("blocking_rules");
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text)
                .contains(
                        "\"format_version\" : 1",
                        "\"trained_at\" : \"2026-12-01T02:30:00Z\"",
                        "\"input_hash\" : \"ab12\"",
                        "\"m_probability\"",
                        "\"u_probability\"",
                        "\"match_weight\"",
                        "\"tf_adjustment_weight\" : 1.0",
                        "\"encoding\" : \"v2;");
    }

    @Test
    void anyChangeChangesTheHash() {
        assertThat(LinkageModel.hash(model(0.99).toJson()))
                .hasSize(64)
                .isEqualTo(LinkageModel.hash(model(0.99).toJson()))
                .isNotEqualTo(LinkageModel.hash(model(0.98).toJson()));
    }

    @Test
    void refusesWhatIsNotAModelItCanRead() {
        String good = new String(model(0.99).toJson(), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LinkageModel.fromJson("not json".getBytes(StandardCharsets.UTF_8), "f.json"))
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> LinkageModel.fromJson("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), "f.json"))
                .hasMessageContaining("not a linkage model");
        assertThatThrownBy(() -> LinkageModel.fromJson(
                        good.replace("\"format_version\" : 1", "\"format_version\" : 2")
                                .getBytes(StandardCharsets.UTF_8),
                        "f.json"))
                .hasMessageContaining("format version 2")
                .hasMessageContaining("train-linkage");
        assertThatThrownBy(() -> LinkageModel.fromJson(
                        good.replace("\"m_probability\" : 0.9,", "\"m_probability\" : 1.9,")
                                .getBytes(StandardCharsets.UTF_8),
                        "f.json"))
                .hasMessageContaining("m_probability")
                .hasMessageContaining("f.json");
        assertThatThrownBy(() -> LinkageModel.fromJson(
                        good.replace("\"probability_two_random_records_match\"", "\"prior\"")
                                .getBytes(StandardCharsets.UTF_8),
                        "f.json"))
                .hasMessageContaining("probability_two_random_records_match");
    }

    @Test
    void aModelForAnotherEncodingIsRefusedBeforeAnyLinkage() {
        var police = org.lcjp.reoffending.domain.Datasets.POLICE_OUTCOMES;
        var staged = Map.of(
                police,
                org.lcjp.reoffending.testing.SparkTestSession.get()
                        .createDataFrame(List.of(), org.lcjp.reoffending.measures.StagedTables.emptySchema(police)));
        PseudonymiseSettings other = PseudonymiseSettings.defaults().unhardened();
        assertThatThrownBy(() -> new org.lcjp.reoffending.linkage.LinkPeople(LinkageSettings.defaults(), other)
                        .run(staged, null, model(0.99)))
                .isInstanceOf(org.lcjp.reoffending.settings.SettingsException.class)
                .hasMessageContaining(other.encoding())
                .hasMessageContaining("train-linkage");
    }

    @Test
    void driftIsZeroForTheSameShapeAndLargeForAShift() {
        Map<Integer, Long> training = Map.of(-10, 1500L, 4, 20L, 12, 480L);
        assertThat(WeightDrift.psi(training, Map.of(-10, 3000L, 4, 40L, 12, 960L)))
                .isZero();
        assertThat(WeightDrift.psi(training, Map.of(-10, 1490L, 4, 25L, 12, 485L)))
                .isLessThan(0.01);
        assertThat(WeightDrift.psi(training, Map.of(-10, 500L, 2, 900L, 12, 600L)))
                .isGreaterThan(0.25);
        assertThat(WeightDrift.psi(training, Map.of())).isZero();
    }
}
