package org.lcjp.reoffending.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NeedsAndIomSettingsTest {
    @TempDir
    Path dir;

    @Test
    void projectConfHoldsTheDocumentedDefaults() {
        PipelineSettings s = SettingsLoader.load(Path.of("../conf/pipeline.yaml"));
        assertThat(s.needs()).isEqualTo(NeedsSettings.defaults());
        assertThat(s.iom()).isEqualTo(IomSettings.defaults());
        assertThat(s.iom().prolificShare()).isEqualTo(0.05);
        assertThat(s.needs().serviceMonthsAfter()).isEqualTo(3);
    }

    @Test
    void everyBadValueIsReportedAtOnce() throws Exception {
        Path f = Files.writeString(
                dir.resolve("p.yaml"), "iom:\n  prolific_share: 1.5\n  prolific_look_back_months: 0\n");
        assertThatThrownBy(() -> SettingsLoader.load(f))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("prolific_share")
                .hasMessageContaining("prolific_look_back_months");
        Path g = Files.writeString(dir.resolve("q.yaml"), "needs:\n  service_months_after: -1\n");
        assertThatThrownBy(() -> SettingsLoader.load(g))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("service_months_after");
    }
}
