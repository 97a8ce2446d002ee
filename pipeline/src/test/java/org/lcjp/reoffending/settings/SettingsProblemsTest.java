package org.lcjp.reoffending.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem of a settings file in one exception: unknown keys, wrong types, ranges and rules. */
class SettingsProblemsTest {
    @TempDir
    Path dir;

    @Test
    void everyProblemOfEverySectionIsListedAtOnce() throws IOException {
        Path f = write("""
                comparison:
                  minimum_group_sise: 60
                  financial_year_start_month: 13
                cohort:
                  folow_up_months: 6
                  period: MONTH
                linkage:
                  match_treshold: 0.9
                disclosure:
                  threshold: five
                """);
        SettingsException e = catchThrowableOfType(SettingsException.class, () -> SettingsLoader.load(f));
        assertThat(e.getMessage()).startsWith("Cannot read settings " + f + ": 6 problems:");
        assertThat(lines(e))
                .containsExactlyInAnyOrder(
                        "comparison.minimum_group_sise (line 2): unknown key",
                        "cohort.folow_up_months (line 5): unknown key",
                        "linkage.match_treshold (line 8): unknown key",
                        "disclosure.threshold (line 10): must be a whole number (\"five\")",
                        "comparison.financial_year_start_month (line 3): must be 1 to 12 (13)",
                        "cohort.period (line 6): must be QUARTER or YEAR (MONTH)");
        assertThat(e.getMessage())
                .contains("Known keys here: ")
                .contains("minimum_group_size")
                .contains("follow_up_months");
        assertThat(e.advice()).contains("conf/pipeline.yaml");
    }

    @Test
    void valuesOfTheWrongShapeAreListedAndReadingGoesOn() throws IOException {
        Path f = write("""
                comparison: 5
                cohort:
                  age_band_starts: 10
                  exclude_breaches: maybe
                pseudonymise:
                  bloom_hashing: TRIPLE
                measures:
                  first_cohort: 2016-13-01
                iom:
                  prolific_share: [0.1]
                  prolific_look_back_months: 0
                """);
        SettingsException e = catchThrowableOfType(SettingsException.class, () -> SettingsLoader.load(f));
        assertThat(lines(e))
                .containsExactlyInAnyOrder(
                        "comparison (line 1): must be a section of keys (found a number)",
                        "cohort.age_band_starts (line 3): must be a list (found a number)",
                        "cohort.exclude_breaches (line 4): must be true or false (\"maybe\")",
                        "pseudonymise.bloom_hashing (line 6): must be one of [RANDOM, DOUBLE] (\"TRIPLE\")",
                        "measures.first_cohort (line 8): must be a date yyyy-MM-dd (\"2016-13-01\")",
                        "iom.prolific_share (line 10): must be a number (found a list)",
                        "iom.prolific_look_back_months (line 11): must be at least 1 (0)");
    }

    @Test
    void rulesAreReadAtLoadAndTheirColumnsChecked() throws IOException {
        Path f = write("""
                linkage:
                  blocking_rules:
                    - pnc_token
                    - forename_token=
                    - surname_tokn,dob_token
                    - extra_email_token,forename_initial_token
                  deterministic_rules:
                    - forename_token=surname_token,surname_token=forename_token
                    - " , "
                """);
        SettingsException e = catchThrowableOfType(SettingsException.class, () -> SettingsLoader.load(f));
        assertThat(lines(e))
                .containsExactlyInAnyOrder(
                        "linkage.blocking_rules[1] (line 4) 'forename_token=': each part must be a column or column=column",
                        "linkage.blocking_rules[2] (line 5) 'surname_tokn,dob_token': unknown column surname_tokn",
                        "linkage.deterministic_rules[0] (line 8) 'forename_token=surname_token,surname_token=forename_token': a deterministic "
                                + "rule must name the columns both records share (\"a,b\"), not a=b",
                        "linkage.deterministic_rules[1] (line 9) ' , ': no columns");
    }

    @Test
    void validRulesAreParsedOnceIntoTheSettings() throws IOException {
        LinkageSettings s = SettingsLoader.load(write("""
                linkage:
                  blocking_rules: ["forename_token=surname_token, surname_token=forename_token", dob_token]
                """)).linkage();
        assertThat(s.blockingRules())
                .extracting(BlockingRule::text)
                .containsExactly("forename_token=surname_token, surname_token=forename_token", "dob_token");
        assertThat(s.blockingRules().get(0).right()).containsExactly("surname_token", "forename_token");
        assertThat(SettingsLoader.hash(SettingsLoader.load(
                        write("linkage:\n  blocking_rules: " + quoted(LinkageSettings.DEFAULT_BLOCKING_RULES) + "\n"))))
                .isEqualTo(SettingsLoader.hash(PipelineSettings.defaults()));
    }

    @Test
    void projectConfHasNoProblem() {
        assertThat(SettingsLoader.load(Path.of("../conf/pipeline.yaml")).problems())
                .isEmpty();
        assertThat(PipelineSettings.defaults().problems()).isEmpty();
    }

    @Test
    void linkageDefaultsAndCopiesAreReadThroughTheSamePath() {
        LinkageSettings d = LinkageSettings.defaults();
        assertThat(d.matchThreshold()).isEqualTo(0.95);
        assertThat(d.blockingRules()).extracting(BlockingRule::text).isEqualTo(LinkageSettings.DEFAULT_BLOCKING_RULES);
        LinkageSettings t = d.withMatchThreshold(0.9).withEmPriorShare(0.2).withSensitivityThresholds(List.of());
        assertThat(t.matchThreshold()).isEqualTo(0.9);
        assertThat(t.emPriorShare()).isEqualTo(0.2);
        assertThat(t.sensitivity().thresholds()).isEmpty();
        assertThat(t.sensitivity().rateTolerance()).isEqualTo(d.sensitivity().rateTolerance());
        assertThat(t.withMatchThreshold(0.95)
                        .withEmPriorShare(0.0)
                        .withSensitivityThresholds(d.sensitivity().thresholds()))
                .isEqualTo(d);
        LinkageSettings s = d.withScoring(0.9, 0.7, 0.85, 0.65, 0.5, 0.01);
        assertThat(List.of(
                        s.nameDiceHigh(),
                        s.nameDiceLow(),
                        s.extraDiceHigh(),
                        s.extraDiceLow(),
                        s.tfWeight(),
                        s.tfMinimum()))
                .containsExactly(0.9, 0.7, 0.85, 0.65, 0.5, 0.01);
        assertThatThrownBy(() -> SettingsLoader.with(d, java.util.Map.of("match_treshold", 0.9)))
                .hasMessageContaining("match_treshold");
    }

    /** The numbered problem lines, without the known-keys tail of an unknown key. */
    private static List<String> lines(SettingsException e) {
        return e.getMessage()
                .lines()
                .skip(1)
                .map(l -> l.replaceFirst("^\\s+\\d+\\. ", "")
                        .replaceFirst("\\. Known keys here: .*$", "")
                        .replaceFirst("\\. Linkage compares .*$", ""))
                .toList();
    }

    private static String quoted(List<String> rules) {
        return rules.stream().map(r -> "\"" + r + "\"").toList().toString();
    }

    private Path write(String yaml) throws IOException {
        Path f = Files.createTempFile(dir, "pipeline", ".yaml");
        Files.writeString(f, yaml);
        return f;
    }
}
