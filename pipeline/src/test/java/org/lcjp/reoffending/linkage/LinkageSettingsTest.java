package org.lcjp.reoffending.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.settings.BlockingRule;
import org.lcjp.reoffending.settings.LinkageSettings;
import org.lcjp.reoffending.settings.SettingsLoader;

class LinkageSettingsTest {
    @Test
    void confDeclaresTheDefaults() {
        LinkageSettings conf =
                SettingsLoader.load(Path.of("../conf/pipeline.yaml")).linkage();
        assertThat(conf).isEqualTo(LinkageSettings.defaults());
    }

    @Test
    void crossedRuleParses() {
        BlockingRule r = BlockingRule.parse("forename_token=surname_token, surname_token=forename_token");
        assertThat(r.left()).containsExactly("forename_token", "surname_token");
        assertThat(r.right()).containsExactly("surname_token", "forename_token");
        assertThat(r.symmetric()).isFalse();
    }

    @Test
    void deterministicRulesAreReadByTheSameParser() {
        assertThat(BlockingRule.parse(" pnc_token , dob_token").columns()).containsExactly("pnc_token", "dob_token");
        for (BlockingRule rule : LinkageSettings.defaults().deterministicRules()) {
            assertThat(rule.columns()).as(rule.text()).isNotEmpty();
        }
        assertThatThrownBy(
                        () -> BlockingRule.parse("forename_token=surname_token").columns())
                .hasMessageContaining("as a deterministic rule");
    }

    @Test
    void looseDiceAboveCloseDiceIsRejected() {
        assertThat(new LinkageSettings(
                                null, null, 0.5, 0.7, null, null, null, null, null, null, null, null, null, null, null,
                                null, null, null, null, null, null, null)
                        .problems())
                .containsExactly("name_dice_low: must not exceed name_dice_high 0.5 (0.7)");
    }
}
