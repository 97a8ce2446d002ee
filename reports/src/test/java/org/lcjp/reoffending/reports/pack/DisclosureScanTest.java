package org.lcjp.reoffending.reports.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.reports.PanelPack;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Sheet;

/** No count of people below the threshold anywhere in the pack, written or about to be. */
class DisclosureScanTest {
    static final PackData FULL = PackFixtures.full();

    @Test
    void theWrittenWorkbookShowsNoSmallCountInAnyCellOrChart() throws Exception {
        PackData data = FULL;
        int checked = PackScan.scanXlsx(PanelPack.xlsxBytes(data), data.threshold());
        assertThat(checked).as("people-count cells checked").isGreaterThan(500);
        assertThat(Attacker.attack(PanelPack.build(data), data.labels(), data.threshold()))
                .isEmpty();
    }

    @Test
    void theFixtureHasSmallCountsToProtect() {
        // Otherwise the scans above prove nothing.
        PackData data = FULL;
        ReportingYears years =
                ReportingYears.of(data.provenReoffending(), data.crossTabs().orElseThrow());
        long small = years.rows().stream()
                .filter(r -> DisclosedYears.isShown(r, years.breakdownPeriods()))
                .filter(r -> r.offenders() >= 1 && r.offenders() < 5 || r.reoffenders() >= 1 && r.reoffenders() < 5)
                .count();
        assertThat(small).isGreaterThan(20);
    }

    @Test
    void theOdsShowsNoSmallCountEither() throws Exception {
        PackData data = FULL;
        // Read content.xml as plain XML: every sheet, every row (header rows included), every cell.
        byte[] ods = PanelPack.odsBytes(data);
        org.w3c.dom.Document content = null;
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(ods))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("content.xml")) {
                    var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
                    f.setNamespaceAware(true);
                    content = f.newDocumentBuilder().parse(new ByteArrayInputStream(zip.readAllBytes()));
                }
            }
        }
        assertThat(content).isNotNull();
        String table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
        String office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
        var sheets = content.getElementsByTagNameNS(table, "table");
        List<String> names = new java.util.ArrayList<>();
        int people = 0;
        for (int s = 0; s < sheets.getLength(); s++) {
            var sheet = (org.w3c.dom.Element) sheets.item(s);
            String name = sheet.getAttributeNS(table, "name");
            names.add(name);
            java.util.Map<Integer, String> headings = new java.util.HashMap<>();
            var rows = sheet.getElementsByTagNameNS(table, "table-row");
            for (int r = 0; r < rows.getLength(); r++) {
                var cells = ((org.w3c.dom.Element) rows.item(r)).getElementsByTagNameNS(table, "table-cell");
                for (int c = 0; c < cells.getLength(); c++) {
                    var cell = (org.w3c.dom.Element) cells.item(c);
                    String type = cell.getAttributeNS(office, "value-type");
                    String where = name + " R" + (r + 1) + "C" + (c + 1);
                    if (type.equals("string")) {
                        String text = cell.getTextContent();
                        PackScan.assertTextClean(where, text, data.threshold());
                        if (PackScan.PEOPLE_COLUMNS.contains(text)) {
                            headings.put(c, text);
                        }
                    } else if (type.equals("float") && headings.containsKey(c)) {
                        people++;
                        double v = Double.parseDouble(cell.getAttributeNS(office, "value"));
                        assertThat(v).as(where).matches(x -> x == 0 || x >= data.threshold());
                    }
                }
            }
        }
        assertThat(names)
                .containsExactlyElementsOf(
                        PanelPack.build(data).stream().map(Sheet::name).toList());
        assertThat(people).isGreaterThan(500);
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
            assertThat(Attacker.attack(sheets, data.labels(), threshold))
                    .as("seed %d, threshold %d", seed, threshold)
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
        List<Object> year = List.of(
                period,
                "Final",
                all,
                n.apply(50.0),
                n.apply(10.0),
                n.apply(0.2),
                n.apply(12.0),
                n.apply(1.2),
                n.apply(0.24),
                n.apply(100.0),
                n.apply(2.0),
                "None");
        List<Object> men = List.of(
                period,
                all,
                "Male",
                n.apply(47.0),
                n.apply(9.0),
                n.apply(9.0 / 47),
                n.apply(11.0),
                n.apply(11.0 / 9),
                n.apply(11.0 / 47),
                "None");
        List<Object> women = List.of(
                period,
                all,
                "Female",
                n.apply(null),
                n.apply(null),
                n.apply(null),
                n.apply(null),
                n.apply(null),
                n.apply(null),
                "None");
        List<org.lcjp.reoffending.reports.pack.model.Column> yc = new java.util.ArrayList<>();
        for (int i = 0; i < year.size(); i++) {
            yc.add(org.lcjp.reoffending.reports.pack.model.Column.text("c" + i));
        }
        List<org.lcjp.reoffending.reports.pack.model.Column> sc = yc.subList(0, men.size());
        List<Sheet> sheets = List.of(
                new Sheet(
                        "Reoffending_by_year",
                        "x",
                        "x",
                        "x",
                        List.of(),
                        new org.lcjp.reoffending.reports.pack.model.Table("Reoffending_by_year", yc, List.of(year)),
                        List.of()),
                new Sheet(
                        "By_sex",
                        "x",
                        "x",
                        "x",
                        List.of(),
                        new org.lcjp.reoffending.reports.pack.model.Table(
                                "Reoffending_by_sex", sc, List.of(men, women)),
                        List.of()));
        assertThat(Attacker.attack(sheets, labels, 5))
                .anySatisfy(s -> assertThat(s).contains("Female|offenders = 3.0"));
    }
}
