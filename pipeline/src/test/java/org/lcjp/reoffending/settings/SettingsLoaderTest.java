package org.lcjp.reoffending.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void projectConfLoadsAndEqualsTheDocumentedDefaults() {
        PipelineSettings s = SettingsLoader.load(Path.of("../conf/pipeline.yaml"));
        assertThat(s.cohort()).isEqualTo(CohortSettings.defaults());
        assertThat(s.measures()).isEqualTo(MeasuresSettings.defaults());
        assertThat(s.disclosure().threshold()).isEqualTo(5);
        assertThat(s.ingest().dateFormat("courts/convictions")).isEqualTo("dd/MM/yyyy");
        assertThat(s.ingest().dateFormat("police/outcomes")).isEqualTo("yyyy-MM-dd");
        assertThat(s.ingest().codeMappings("courts/convictions").get("sex")).containsEntry("MALE", "M");
    }

    @Test
    void leftOutKeysTakeTheirDefaults() throws IOException {
        PipelineSettings s = SettingsLoader.load(write("cohort:\n  period: YEAR\n"));
        assertThat(s.cohort().period()).isEqualTo("YEAR");
        assertThat(s.cohort().periodMonths()).isEqualTo(12);
        assertThat(s.cohort().followUpMonths()).isEqualTo(12);
        assertThat(s.disclosure().threshold()).isEqualTo(5);
    }

    @Test
    void unknownKeyIsAnErrorNamingTheKey() throws IOException {
        assertThatThrownBy(() -> SettingsLoader.load(write("cohort:\n  folow_up_months: 6\n")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("folow_up_months");
    }

    @Test
    void invalidValueIsAnError() throws IOException {
        assertThatThrownBy(() -> SettingsLoader.load(write("cohort:\n  period: MONTH\n")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("QUARTER or YEAR");
    }

    @Test
    void measuresSettingsAreValidated() throws IOException {
        PipelineSettings s =
                SettingsLoader.load(write("measures:\n  first_cohort: 2016-04-01\n  provisional_min_months: 0\n"));
        assertThat(s.measures().firstCohort()).isEqualTo(java.time.LocalDate.of(2016, 4, 1));
        assertThat(s.measures().provisionalMinMonths()).isZero();
        assertThat(s.measures().historyYears()).isEqualTo(5);
        assertThatThrownBy(() -> SettingsLoader.load(write("measures:\n  provisional_min_months: -1\n")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("provisional_min_months");
        assertThatThrownBy(() -> SettingsLoader.load(write("measures:\n  censor_at: TODAY\n")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("censor_at");
    }

    @Test
    void missingFileIsAnError() {
        assertThatThrownBy(() -> SettingsLoader.load(dir.resolve("nope.yaml")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("not found");
    }

    @Test
    void hashChangesWithSettingsAndOnlyThen() throws IOException {
        String a = SettingsLoader.hash(SettingsLoader.load(write("disclosure:\n  threshold: 5\n")));
        String b = SettingsLoader.hash(PipelineSettings.defaults());
        String c = SettingsLoader.hash(SettingsLoader.load(write("disclosure:\n  threshold: 10\n")));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    private Path write(String yaml) throws IOException {
        Path f = Files.createTempFile(dir, "pipeline", ".yaml");
        Files.writeString(f, yaml);
        return f;
    }
}
