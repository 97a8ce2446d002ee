package org.lcjp.reoffending.reports.pack.ods;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.reports.PanelPack;
import org.lcjp.reoffending.reports.pack.PackFixtures;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.DocumentProperties;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The .ods as LibreOffice lays it out: cells nothing was written to are truly empty; wrapped headings fit. */
class OdsWriterTest {
    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static final String FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    private static final String NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0";

    @Test
    void cellsWithoutAValueHoldNoParagraphSoTextToTheirLeftFlowsOver() throws Exception {
        Document content = content(PanelPack.odsBytes(PackFixtures.full()));
        NodeList cells = content.getElementsByTagNameNS(TABLE, "table-cell");
        int valued = 0;
        int empty = 0;
        for (int i = 0; i < cells.getLength(); i++) {
            Element cell = (Element) cells.item(i);
            if (cell.hasAttributeNS(OFFICE, "value-type")) {
                valued++;
            } else {
                assertThat(cell.hasChildNodes())
                        .as("cell %d without a value", i)
                        .isFalse();
                empty++;
            }
        }
        // Both kinds occur: titles and descriptions sit beside cells the toolkit created and nothing filled.
        assertThat(valued).isGreaterThan(1000);
        assertThat(empty).isGreaterThan(100);
    }

    @Test
    void wrappedHeadingsAndLongTextWrapInRowsTallEnoughForTheirLines() throws Exception {
        // A count column is 29 mm, 12 characters a line: the heading wraps to "Harm of", "reoffences", "(days)".
        Table t = new Table(
                "Test_table",
                List.of(
                        new Column("Area", Column.Kind.TEXT),
                        new Column("Harm of reoffences (days)", Column.Kind.COUNT),
                        new Column("Note", Column.Kind.LONG_TEXT)),
                List.of(List.of("North", 12L, "word ".repeat(30).strip()), List.of("South", 7L, "short")));
        Sheet sheet = new Sheet("Test_sheet", "A test", "Test title", "A description.", List.of(), t, List.of());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        OdsWriter.write(List.of(sheet), new DocumentProperties("Test pack", "Test team"), out);
        Document content = content(out.toByteArray());
        Map<String, Element> rowStyles = new HashMap<>();
        NodeList styles = content.getElementsByTagNameNS(STYLE, "style");
        for (int i = 0; i < styles.getLength(); i++) {
            Element e = (Element) styles.item(i);
            NodeList props = e.getElementsByTagNameNS(STYLE, "table-row-properties");
            if (props.getLength() > 0) {
                rowStyles.put(e.getAttributeNS(STYLE, "name"), (Element) props.item(0));
            }
        }
        NodeList rows = ((Element)
                        content.getElementsByTagNameNS(TABLE, "table").item(0))
                .getElementsByTagNameNS(TABLE, "table-row");
        // Rows: title, description, heading, North, South.
        Element heading = rowStyles.get(((Element) rows.item(2)).getAttributeNS(TABLE, "style-name"));
        assertThat(heading).as("the heading row's style").isNotNull();
        assertThat(millimetres(heading.getAttributeNS(STYLE, "row-height"))).isGreaterThanOrEqualTo(3 * 4.5);
        assertThat(heading.getAttributeNS(STYLE, "use-optimal-row-height")).isEqualTo("false");
        // 149 characters of words in a 132 mm column (59 a line, less a margin) take three lines.
        Element north = rowStyles.get(((Element) rows.item(3)).getAttributeNS(TABLE, "style-name"));
        assertThat(millimetres(north.getAttributeNS(STYLE, "row-height"))).isGreaterThanOrEqualTo(3 * 4.5);
        Element south = rowStyles.get(((Element) rows.item(4)).getAttributeNS(TABLE, "style-name"));
        assertThat(south == null ? 0 : millimetres(south.getAttributeNS(STYLE, "row-height")))
                .isLessThan(2 * 4.5);
        // The heading and the long text wrap; the count carries its #,##0 format.
        Element headingCell = (Element) ((Element) rows.item(2))
                .getElementsByTagNameNS(TABLE, "table-cell")
                .item(1);
        assertThat(cellStyle(content, headingCell)
                        .getElementsByTagNameNS(STYLE, "table-cell-properties")
                        .item(0)
                        .getAttributes()
                        .getNamedItemNS(FO, "wrap-option")
                        .getNodeValue())
                .isEqualTo("wrap");
        Element count = (Element) ((Element) rows.item(3))
                .getElementsByTagNameNS(TABLE, "table-cell")
                .item(1);
        String data = cellStyle(content, count).getAttributeNS(STYLE, "data-style-name");
        assertThat(data).isNotEmpty();
        NodeList numberStyles = content.getElementsByTagNameNS(NUMBER, "number-style");
        boolean grouped = false;
        for (int i = 0; i < numberStyles.getLength(); i++) {
            Element n = (Element) numberStyles.item(i);
            if (n.getAttributeNS(STYLE, "name").equals(data)) {
                grouped = ((Element) n.getElementsByTagNameNS(NUMBER, "number").item(0))
                        .getAttributeNS(NUMBER, "grouping")
                        .equals("true");
            }
        }
        assertThat(grouped).as("the count's number style groups thousands").isTrue();
    }

    /** The automatic cell style a cell names. */
    private static Element cellStyle(Document content, Element cell) {
        String name = cell.getAttributeNS(TABLE, "style-name");
        NodeList styles = content.getElementsByTagNameNS(STYLE, "style");
        for (int i = 0; i < styles.getLength(); i++) {
            Element e = (Element) styles.item(i);
            if (e.getAttributeNS(STYLE, "name").equals(name)
                    && e.getAttributeNS(STYLE, "family").equals("table-cell")) {
                return e;
            }
        }
        throw new AssertionError("no cell style " + name);
    }

    private static double millimetres(String length) {
        double v = Double.parseDouble(length.replaceAll("[a-z]+$", ""));
        return switch (length.replaceAll("^[0-9.]+", "")) {
            case "mm" -> v;
            case "cm" -> v * 10;
            case "in" -> v * 25.4;
            case "pt" -> v * 25.4 / 72;
            default -> throw new AssertionError("unit of " + length);
        };
    }

    private static Document content(byte[] ods) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ods))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("content.xml")) {
                    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                    f.setNamespaceAware(true);
                    return f.newDocumentBuilder().parse(new ByteArrayInputStream(zip.readAllBytes()));
                }
            }
        }
        throw new AssertionError("no content.xml in the .ods");
    }
}
