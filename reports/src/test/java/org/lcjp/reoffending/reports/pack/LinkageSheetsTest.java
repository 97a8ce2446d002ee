package org.lcjp.reoffending.reports.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.reports.PanelPack;
import org.lcjp.reoffending.reports.pack.PackData.LinkageQualityRow;
import org.lcjp.reoffending.reports.pack.PackData.LinkageSensitivityRow;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Sheet;

/**
 * linkage_sensitivity and linkage quality by group in the pack: shown, disclosure-controlled, and flagged on Data_quality
 * (the layout rules are checked on PackFixtures, which holds linkage_sensitivity too).
 */
class LinkageSheetsTest {
    private static final LocalDate START = LocalDate.of(2018, 1, 1);
    private static final LocalDate END = LocalDate.of(2018, 3, 31);

    private static PackData data(boolean moves) {
        PackData f = PackFixtures.full();
        List<LinkageQualityRow> quality = List.of(
                new LinkageQualityRow("PAIRS_SCORED", "ALL", 30.0),
                new LinkageQualityRow("RECORDS", "F", 120.0, "SEX", "F"),
                new LinkageQualityRow("SHARE_LINKED_TO_POLICE_OR_COURT", "F", 0.9, "SEX", "F"),
                new LinkageQualityRow("RECORDS", "X", 3.0, "ETHNICITY", "X"),
                new LinkageQualityRow("SHARE_LINKED_TO_POLICE_OR_COURT", "X", 0.5, "ETHNICITY", "X"));
        List<LinkageSensitivityRow> sensitivity = List.of(
                new LinkageSensitivityRow(
                        0.80, false, 990, 40, "ADULT", START, END, 400L, 120L, 0.30, moves ? 0.02 : 0.0, moves),
                new LinkageSensitivityRow(0.95, true, 1000, 0, "ADULT", START, END, 400L, 112L, 0.28, 0.0, false),
                new LinkageSensitivityRow(0.95, true, 1000, 0, "JUVENILE", START, END, 3L, 1L, 1.0 / 3, 0.0, false),
                new LinkageSensitivityRow(
                        0.99, false, 1010, 25, "JUVENILE", null, null, null, null, null, null, false));
        return new PackData(
                f.asOf(),
                f.runId(),
                f.title(),
                f.contact(),
                f.threshold(),
                f.lowReliabilityBelow(),
                f.finalAfterMonths(),
                f.labels(),
                f.latestExtracts(),
                f.provenReoffending(),
                f.crossTabs(),
                f.dataQuality(),
                Optional.of(quality),
                f.comparisons(),
                f.balance(),
                f.iomPrePost(),
                f.performance(),
                Optional.of(sensitivity),
                Optional.empty(),
                Optional.empty(),
                PackData.ServiceTables.NONE);
    }

    private static Sheet sheet(List<Sheet> sheets, String name) {
        return sheets.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void sensitivityAndQualityByGroupAreShownControlledAndFlagged() throws Exception {
        PackData data = data(true);
        List<Sheet> sheets = PanelPack.build(data);
        PackScan.scanModel(sheets, data.threshold());
        Sheet s = sheet(sheets, "Linkage_sensitivity");
        assertThat(s.table().rows()).hasSize(4);
        List<Object> adultLow = s.table().rows().get(0);
        assertThat(adultLow.get(0)).isEqualTo(Figure.of(0.80));
        assertThat(adultLow.get(9)).isEqualTo(Figure.of(2.0));
        assertThat(adultLow.get(10)).isEqualTo("Yes");
        List<Object> juvenileMain = s.table().rows().get(2);
        assertThat(juvenileMain.subList(6, 10)).containsOnly(Figure.CONFIDENTIAL);
        assertThat(s.table().rows().get(3).get(5)).isEqualTo("No final cohort");
        assertThat(sheet(sheets, "Data_quality").lines())
                .anySatisfy(l -> assertThat(l)
                        .startsWith("Linkage: the headline reoffending rate of adults")
                        .contains("Linkage_sensitivity"));

        Sheet q = sheet(sheets, "Linkage_quality");
        assertThat(q.table().columns().get(0).header()).isEqualTo("Records of");
        List<List<Object>> small = q.table().rows().stream()
                .filter(r -> "Ethnicity".equals(r.get(0)))
                .toList();
        assertThat(small).hasSize(2).allSatisfy(r -> assertThat(r.get(4)).isEqualTo(Figure.CONFIDENTIAL));
        assertThat(q.table().rows())
                .anySatisfy(
                        r -> assertThat(r).containsSubsequence("Sex", "Female").contains(Figure.of(0.9)));

        assertThat(sheet(PanelPack.build(data(false)), "Data_quality").lines())
                .noneMatch(l -> l.startsWith("Linkage:"));
    }
}
