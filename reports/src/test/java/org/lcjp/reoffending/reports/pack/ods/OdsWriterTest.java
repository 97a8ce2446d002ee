package org.lcjp.reoffending.reports.pack.ods;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.reports.pack.PackFixtures;
import org.lcjp.reoffending.reports.pack.PanelPack;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The .ods as LibreOffice lays it out: cells nothing was written to are truly empty. */
class OdsWriterTest {
    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

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
                assertThat(cell.hasChildNodes()).as("cell %d without a value", i).isFalse();
                empty++;
            }
        }
        // Both kinds occur: titles and descriptions sit beside cells the toolkit created and nothing filled.
        assertThat(valued).isGreaterThan(1000);
        assertThat(empty).isGreaterThan(100);
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
