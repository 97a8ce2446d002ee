package org.lcjp.reoffending.reports.pack.ods;

import java.util.HashMap;
import java.util.Map;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTableCell;
import org.odftoolkit.odfdom.dom.OdfContentDom;
import org.odftoolkit.odfdom.incubator.doc.number.OdfNumberDateStyle;
import org.odftoolkit.odfdom.incubator.doc.number.OdfNumberPercentageStyle;
import org.odftoolkit.odfdom.incubator.doc.number.OdfNumberStyle;
import org.w3c.dom.Element;

/**
 * The pack's cell styles, each written once into the document's automatic styles and named by the cells that use it.
 * The toolkit's own cell setters (setTextWrapped, setFormatString, setHorizontalAlignment, setCellBackgroundColor)
 * write nothing into a new document in odfdom 0.13, so the .ods had no wrapping, number formats or colours.
 */
final class OdsStyles {
    private static final String STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static final String FO_NS = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";

    private final OdfContentDom content;
    private final Element automatic;
    private final Map<String, String> names = new HashMap<>();

    OdsStyles(OdfSpreadsheetDocument doc) throws Exception {
        this.content = doc.getContentDom();
        this.automatic = content.getAutomaticStyles();
    }

    /** Text wrapped at the cell's width (headings, long text). */
    void wrap(OdfTableCell cell) {
        use(cell, "PackWrap", s -> cellProperties(s).setAttributeNS(FO_NS, "fo:wrap-option", "wrap"));
    }

    /** Text set to the cell's end, as numbers are (shorthand standing in a numeric column). */
    void alignEnd(OdfTableCell cell) {
        use(cell, "PackEnd", s -> {
            cellProperties(s).setAttributeNS(STYLE_NS, "style:text-align-source", "fix");
            Element p = content.createElementNS(STYLE_NS, "style:paragraph-properties");
            p.setAttributeNS(FO_NS, "fo:text-align", "end");
            s.appendChild(p);
        });
    }

    /** A background colour, e.g. #00703C. */
    void background(OdfTableCell cell, String rgb) {
        use(
                cell,
                "PackFill" + rgb.substring(1),
                s -> cellProperties(s).setAttributeNS(FO_NS, "fo:background-color", rgb));
    }

    /** A number format such as #,##0, 0.00 or 0.0% (a percentage when it ends with %). */
    void format(OdfTableCell cell, String format) {
        dataStyle(cell, "PackNumber", format);
    }

    /** A date shown as 1 Apr 2019, as the .xlsx shows it (d mmm yyyy), not in the reader's short numeric form. */
    void date(OdfTableCell cell) {
        dataStyle(cell, "PackDate", "d MMM yyyy");
    }

    private void dataStyle(OdfTableCell cell, String prefix, String format) {
        String key = prefix + Integer.toHexString(format.hashCode());
        use(cell, key, s -> {
            String data = key + "Data";
            Element number = prefix.equals("PackDate")
                    ? new OdfNumberDateStyle(content, format, data)
                    : format.endsWith("%")
                            ? new OdfNumberPercentageStyle(content, format, data)
                            : new OdfNumberStyle(content, format, data);
            automatic.appendChild(number);
            s.setAttributeNS(STYLE_NS, "style:data-style-name", data);
        });
    }

    private void use(OdfTableCell cell, String name, java.util.function.Consumer<Element> define) {
        names.computeIfAbsent(name, n -> {
            Element s = content.createElementNS(STYLE_NS, "style:style");
            s.setAttributeNS(STYLE_NS, "style:name", n);
            s.setAttributeNS(STYLE_NS, "style:family", "table-cell");
            define.accept(s);
            automatic.appendChild(s);
            return n;
        });
        cell.getOdfElement()
                .setAttributeNS("urn:oasis:names:tc:opendocument:xmlns:table:1.0", "table:style-name", name);
    }

    private Element cellProperties(Element style) {
        Element p = content.createElementNS(STYLE_NS, "style:table-cell-properties");
        style.appendChild(p);
        return p;
    }
}
