package org.lcjp.reoffending.reports.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;

/** No count of people below the threshold anywhere in the pack, written or about to be. */
class DisclosureScanTest {
    static final PackData FULL = PackFixtures.full();

    @Test
    void theWrittenWorkbookShowsNoSmallCountInAnyCellOrChart() throws Exception {
        PackData data = FULL;
        int checked = PackScan.scanXlsx(PanelPack.xlsxBytes(data), data.threshold());
        assertThat(checked).as("people-count cells checked").isGreaterThan(500);
        assertThat(Attacker.attack(PanelPack.build(data), data.labels(), data.threshold())).isEmpty();
    }

    @Test
    void theFixtureHasSmallCountsToProtect() {
        // Otherwise the scans above prove nothing.
        PackData data = FULL;
        ReportingYears years = ReportingYears.of(data.provenReoffending(), data.crossTabs().orElseThrow());
        long small = years.rows().stream().filter(r -> DisclosedYears.isShown(r, years.breakdownPeriods()))
                .filter(r -> r.offenders() >= 1 && r.offenders() < 5 || r.reoffenders() >= 1 && r.reoffenders() < 5).count();
        assertThat(small).isGreaterThan(20);
    }

    @Test
    void theOdsShowsNoSmallCountEither() throws Exception {
        PackData data = FULL;
        try (OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.loadDocument(
                new ByteArrayInputStream(PanelPack.odsBytes(data)))) {
            List<OdfTable> tables = doc.getTableList(false);
            assertThat(tables.stream().map(OdfTable::getTableName).toList())
                    .containsExactlyElementsOf(PanelPack.build(data).stream().map(Sheet::name).toList());
            int people = 0;
            for (OdfTable t : tables) {
                for (int r = 0; r < t.getRowCount(); r++) {
                    for (int c = 0; c < t.getColumnCount(); c++) {
                        var cell = t.getCellByPosition(c, r);
                        String type = cell.getValueType();
                        if ("string".equals(type) || type == null) {
                            String text = cell.getStringValue();
                            PackScan.assertTextClean(t.getTableName() + " R" + (r + 1) + "C" + (c + 1), text, data.threshold());
                        } else if ("float".equals(type)) {
                            String heading = headingAbove(t, c, r);
                            if (heading != null && PackScan.PEOPLE_COLUMNS.contains(heading)) {
                                people++;
                                assertThat(cell.getDoubleValue()).as("%s R%dC%d", t.getTableName(), r + 1, c + 1)
                                        .matches(v -> v == 0 || v >= data.threshold());
                            }
                        }
                    }
                }
            }
            assertThat(people).isGreaterThan(500);
        }
    }

    /** The heading of column c: the nearest string above row r in that column that names a people count. */
    private static String headingAbove(OdfTable t, int c, int r) {
        for (int i = r - 1; i >= 0; i--) {
            var cell = t.getCellByPosition(c, i);
            if ("string".equals(cell.getValueType()) && PackScan.PEOPLE_COLUMNS.contains(cell.getStringValue())) {
                return cell.getStringValue();
            }
        }
        return null;
    }

    @Test
    void randomSmallInputsNeverRevealACount() throws Exception {
        int cases = 0;
        for (long seed = 1; seed <= 120; seed++) {
            Random rnd = new Random(seed);
            // Thresholds up to the default: the labels file spells bands with numbers from 5 up ("Under 6 months").
            int threshold = 2 + rnd.nextInt(4);
            PackData data = PackFixtures.generated(rnd, rnd.nextInt(5), 5 + rnd.nextInt(40), threshold);
            List<Sheet> sheets = PanelPack.build(data);
            PackScan.scanModel(sheets, threshold);
            assertThat(Attacker.attack(sheets, data.labels(), threshold)).as("seed %d, threshold %d", seed, threshold)
                    .isEmpty();
            if (seed % 60 == 0) {
                PackScan.scanXlsx(PanelPack.xlsxBytes(data), threshold);
            }
            cases++;
        }
        assertThat(cases).isEqualTo(120);
    }

    @Test
    void theAttackerRecoversACountThatOnlyPrimarySuppressionWithholds() {
        // The attacker must be able to fail: F is withheld but M and the total are shown.
        Labels labels = Labels.load(PackFixtures.LABELS);
        String period = "April 2018 to March 2019";
        String all = labels.of("population", "ALL");
        java.util.function.Function<Double, Figure> n = v -> v == null ? Figure.CONFIDENTIAL : Figure.of(v);
        List<Object> year = List.of(period, "Final", all, n.apply(50.0), n.apply(10.0), n.apply(0.2), n.apply(12.0),
                n.apply(1.2), n.apply(0.24), n.apply(100.0), n.apply(2.0), "None");
        List<Object> men = List.of(period, all, "Male", n.apply(47.0), n.apply(9.0), n.apply(9.0 / 47), n.apply(11.0),
                n.apply(11.0 / 9), n.apply(11.0 / 47), "None");
        List<Object> women = List.of(period, all, "Female", n.apply(null), n.apply(null), n.apply(null), n.apply(null),
                n.apply(null), n.apply(null), "None");
        List<org.lcjp.reoffending.reports.pack.model.Column> yc = new java.util.ArrayList<>();
        for (int i = 0; i < year.size(); i++) {
            yc.add(org.lcjp.reoffending.reports.pack.model.Column.text("c" + i));
        }
        List<org.lcjp.reoffending.reports.pack.model.Column> sc = yc.subList(0, men.size());
        List<Sheet> sheets = List.of(
                new Sheet("Reoffending_by_year", "x", "x", "x", List.of(), new org.lcjp.reoffending.reports.pack.model.Table(
                        "Reoffending_by_year", yc, List.of(year)), List.of()),
                new Sheet("By_sex", "x", "x", "x", List.of(), new org.lcjp.reoffending.reports.pack.model.Table(
                        "Reoffending_by_sex", sc, List.of(men, women)), List.of()));
        assertThat(Attacker.attack(sheets, labels, 5)).anySatisfy(s -> assertThat(s).contains("Female|offenders = 3.0"));
    }
}
